/**
 * Delivering a rendered answer: to a channel with chat.postMessage (overflow in the thread),
 * or to a response_url (slash commands, buttons), and classifying Slack's refusals.
 */
import { webApi, type RespondFn } from '@slack/bolt';
import type { Answer } from '../../src/answer/types.ts';
import type { DeliveryFailure } from '../../src/reminders/types.ts';
import { overflowMessages, renderAnswerBlocks, type RenderOptions } from './render.ts';

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

/**
 * Posts an answer with chat.postMessage; overflow parts follow as replies in the same thread.
 * Throws the Web API error when the main message fails; an overflow failure is returned, not thrown
 * (the answer itself is delivered, and posting it again would duplicate it).
 */
export async function postAnswerToChannel(
  client: WebClient,
  target: ChannelTarget,
  answer: Answer,
  options: Pick<RenderOptions, 'showQuestion'> = {},
): Promise<ChannelPost> {
  const rendered = renderAnswerBlocks(answer, { showQuestion: options.showQuestion });
  const posted = await client.chat.postMessage({
    channel: target.channel,
    text: rendered.text,
    blocks: rendered.blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
  });
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

/** Answers through a response_url: the answer, then at most four follow-ups with the overflow. */
export async function respondWithAnswer(
  respond: RespondFn,
  answer: Answer,
  options: { responseType: 'ephemeral' | 'in_channel' } & Pick<RenderOptions, 'shareable' | 'showQuestion'>,
): Promise<void> {
  const rendered = renderAnswerBlocks(answer, {
    ephemeral: options.responseType === 'ephemeral',
    shareable: options.shareable,
    showQuestion: options.showQuestion,
  });
  const base = { response_type: options.responseType, replace_original: false } as const;
  await respond({ ...base, text: rendered.text, blocks: rendered.blocks });
  for (const message of overflowMessages(rendered.overflow, answer.language, maxResponseFollowUps)) {
    await respond({ ...base, ...message });
  }
}

/** Slack errors that mean this chat will not take our messages until someone acts. */
const blockedErrors = new Set(['channel_not_found', 'is_archived', 'not_in_channel', 'account_inactive']);

/** The Slack error string of a Web API platform error (`channel_not_found`), if it is one. */
export function platformErrorOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; data?: { error?: unknown } };
  return e.code === webApi.ErrorCode.PlatformError && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/**
 * Classifies a Web API failure for the reminders core: Slack's "this chat is gone or closed to us"
 * errors are `blocked`; network errors, 5xx, rate limits after the client's retries and anything else are `transient`.
 */
export function deliveryFailureOf(error: unknown): DeliveryFailure {
  const platform = platformErrorOf(error);
  return platform !== undefined && blockedErrors.has(platform) ? 'blocked' : 'transient';
}
