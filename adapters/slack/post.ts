/**
 * Delivering a rendered answer: to a channel with chat.postMessage (overflow in the thread),
 * or to a response_url (slash commands, buttons), and classifying Slack's refusals.
 */
import { webApi, type RespondFn } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Answer } from '../../src/answer/types.ts';
import type { DeliveryFailure } from '../../src/reminders/types.ts';
import { overflowMessages, plainMessageText, renderAnswerBlocks, type RenderOptions } from './render.ts';

type WebClient = webApi.WebClient;

/** A response_url accepts at most five messages; one is the answer itself. */
const maxResponseFollowUps = 4;

/** Where an answer goes in a channel. */
export interface ChannelTarget {
  channel: string;
  /** Reply in this thread; without it the answer starts a new message (and its overflow a thread under it). */
  threadTs?: string;
}

/** What was posted: the main message's ts, and the error of a failed overflow follow-up if any. */
export interface ChannelPost {
  ts: string | undefined;
  overflowError?: unknown;
}

/** Options of `postAnswerToChannel` and `respondWithAnswer`. */
export interface PostOptions {
  /** Told when Slack refused the blocks and the answer went out as plain text. Default: nobody. */
  logger?: Logger;
}

/**
 * Posts an answer with chat.postMessage; overflow parts follow as replies in the same thread.
 * When Slack refuses the blocks (`invalid_blocks`), the answer is posted once more as plain text.
 * Throws the Web API error when the main message fails; an overflow failure is returned, not thrown
 * (the answer itself is delivered, and posting it again would duplicate it).
 */
export async function postAnswerToChannel(
  client: WebClient,
  target: ChannelTarget,
  answer: Answer,
  options: Pick<RenderOptions, 'showQuestion'> & PostOptions = {},
): Promise<ChannelPost> {
  const rendered = renderAnswerBlocks(answer, { showQuestion: options.showQuestion });
  const where = {
    channel: target.channel,
    unfurl_links: false,
    unfurl_media: false,
    ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
  };
  let posted;
  try {
    posted = await client.chat.postMessage({ ...where, text: rendered.text, blocks: rendered.blocks });
  } catch (error) {
    if (!blocksRefused(error)) throw error;
    options.logger?.warn({ err: error, channel: target.channel }, 'slack: blocks refused, answer re-sent as plain text');
    // The plain text is the whole answer: there is no overflow to follow.
    return { ts: (await client.chat.postMessage({ ...where, text: plainMessageText(answer) })).ts };
  }
  const root = target.threadTs ?? posted.ts;
  if (root === undefined) return { ts: posted.ts };
  try {
    for (const message of overflowMessages(rendered.overflow, answer.language)) {
      await client.chat.postMessage({ channel: target.channel, thread_ts: root, unfurl_links: false, unfurl_media: false, ...message });
    }
  } catch (error) {
    return { ts: posted.ts, overflowError: error };
  }
  return { ts: posted.ts };
}

/**
 * Answers through a response_url: the answer, then at most four follow-ups with the overflow. When Slack refuses
 * the blocks, the answer is sent once more as plain text.
 */
export async function respondWithAnswer(
  respond: RespondFn,
  answer: Answer,
  options: { responseType: 'ephemeral' | 'in_channel' } & Pick<RenderOptions, 'shareable' | 'showQuestion'> & PostOptions,
): Promise<void> {
  const rendered = renderAnswerBlocks(answer, {
    ephemeral: options.responseType === 'ephemeral',
    shareable: options.shareable,
    showQuestion: options.showQuestion,
  });
  const base = { response_type: options.responseType, replace_original: false } as const;
  try {
    await respond({ ...base, text: rendered.text, blocks: rendered.blocks });
  } catch (error) {
    if (!blocksRefused(error)) throw error;
    options.logger?.warn({ err: error }, 'slack: blocks refused, response re-sent as plain text');
    await respond({ ...base, text: plainMessageText(answer) });
    return;
  }
  for (const message of overflowMessages(rendered.overflow, answer.language, maxResponseFollowUps)) {
    await respond({ ...base, ...message });
  }
}

/** Slack errors that mean this chat will not take our messages until someone acts. */
const blockedErrors = new Set(['channel_not_found', 'is_archived', 'not_in_channel', 'account_inactive']);

/** Slack errors that refuse the message itself: sending it again unchanged can never succeed. */
const refusedMessageErrors = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'no_text', 'invalid_arguments']);

/** Refusals of the blocks alone, after which the same answer as plain text can still go through. */
const blocksErrors = new Set(['invalid_blocks', 'invalid_blocks_format']);

/** The Slack error string of a Web API platform error (`channel_not_found`), if it is one. */
export function platformErrorOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; data?: { error?: unknown } };
  return e.code === webApi.ErrorCode.PlatformError && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/** The error a response_url answered a refused message with: its body, plain (`invalid_blocks`) or JSON. */
function responseUrlErrorOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { response?: { data?: unknown } }).response?.data;
  if (typeof data === 'string') return data.trim();
  const inner = (data as { error?: unknown } | undefined)?.error;
  return typeof inner === 'string' ? inner : undefined;
}

/** True when Slack refused the blocks of a message (Web API or response_url). */
function blocksRefused(error: unknown): boolean {
  const refusal = platformErrorOf(error) ?? responseUrlErrorOf(error);
  return refusal !== undefined && blocksErrors.has(refusal);
}

/**
 * Classifies a Web API failure for the reminders core: Slack's "this chat is gone or closed to us"
 * errors are `blocked`; a refusal of the message itself (invalid blocks even after the plain-text retry,
 * too long, no text) is `permanent`; network errors, 5xx, rate limits after the client's retries and
 * anything else are `transient`.
 */
export function deliveryFailureOf(error: unknown): DeliveryFailure {
  const platform = platformErrorOf(error);
  if (platform !== undefined && blockedErrors.has(platform)) return 'blocked';
  if (platform !== undefined && refusedMessageErrors.has(platform)) return 'permanent';
  return 'transient';
}
