/**
 * Sending an Answer to a Telegram chat (rendered, split, with the inline keyboard under the last part), and what
 * Telegram's refusals mean for planwatch: a chat that is gone for good versus a failure that passes.
 */
import { GrammyError, HttpError, InlineKeyboard, type Api } from 'grammy';
import type { Message } from 'grammy/types';
import type { Logger } from 'pino';
import type { Answer } from '../../src/answer/types.ts';
import { DeliveryError, type ChatRef, type Notifier } from '../../src/reminders/types.ts';
import { htmlToPlainText, renderAnswerHtml, splitMessage } from './render.ts';

/** Telegram's limit on `callback_data`, in bytes. */
const callbackDataLimit = 64;

/** Where a message goes. */
export interface SendTarget {
  chatId: number | string;
  /** Message to reply to (groups: the asking message). */
  replyTo?: number;
  /** Forum topic of the asking message. */
  threadId?: number;
}

/** The chat reference planwatch uses for a Telegram chat id. */
export function chatRefOf(chatId: number | string): ChatRef {
  return { surface: 'telegram', chatId: String(chatId) };
}

/** `ChatRef.chatId` back to what the Bot API takes: numeric ids as numbers, `@channel` names as they are. */
export function telegramChatId(chat: ChatRef): number | string {
  return /^-?\d+$/.test(chat.chatId) ? Number(chat.chatId) : chat.chatId;
}

/** Callback data of the inline buttons. */
export const callbackPrefix = { moreSources: 'more:', remindMe: 'sub:' } as const;

/** Where a fact id's shared part ends: `hn-2023-` of `hn-2023-30921c91`. */
function idPrefix(id: string): string {
  return id.slice(0, id.lastIndexOf('-') + 1);
}

/**
 * Fact ids as short as callback data needs them: comma-separated, and an id with the same prefix as the one before it
 * (`hn-2023-`) written as `+` and its rest, so five facts of one region and year fit in Telegram's 64 bytes.
 *
 * @example encodeFactIds(['hn-2023-30921c91', 'hn-2023-87073155']) // 'hn-2023-30921c91,+87073155'
 */
export function encodeFactIds(ids: string[]): string {
  return ids
    .map((id, i) => {
      const prefix = idPrefix(id);
      return i > 0 && prefix !== '' && prefix === idPrefix(ids[i - 1]!) ? `+${id.slice(prefix.length)}` : id;
    })
    .join(',');
}

/** The ids `encodeFactIds` wrote. */
export function decodeFactIds(data: string): string[] {
  const ids: string[] = [];
  for (const part of data.split(',')) {
    if (part === '' || part === '+') continue;
    ids.push(part.startsWith('+') ? `${idPrefix(ids.at(-1) ?? '')}${part.slice(1)}` : part);
  }
  return ids;
}

/** A fact id that survives `encodeFactIds`: no separator, no leading marker. */
const encodable = (id: string) => id !== '' && !id.includes(',') && !id.startsWith('+');

/**
 * The keyboard under an answer with facts: "More sources" (`more:` + the answer's first fact ids, as many as fit in
 * 64 bytes) and, except on reminders, digests and subscription replies, "Remind me" (`sub:<first fact id>`).
 * Null when the answer has no facts.
 */
export function answerKeyboard(answer: Answer): InlineKeyboard | null {
  if (answer.facts.length === 0 || answer.intent === 'sources') return null;
  const ids: string[] = [];
  for (const fact of answer.facts) {
    if (!encodable(fact.id)) break;
    if (Buffer.byteLength(callbackPrefix.moreSources + encodeFactIds([...ids, fact.id]), 'utf8') > callbackDataLimit) break;
    ids.push(fact.id);
  }
  const keyboard = new InlineKeyboard();
  if (ids.length > 0) keyboard.text('更多来源 / More sources', callbackPrefix.moreSources + encodeFactIds(ids));
  const remind = callbackPrefix.remindMe + answer.facts[0]!.id;
  const offersReminder = answer.intent !== 'reminder' && answer.intent !== 'digest' && answer.intent !== 'subscription';
  if (offersReminder && Buffer.byteLength(remind, 'utf8') <= callbackDataLimit) keyboard.text('订阅提醒 / Remind me', remind);
  return keyboard.inline_keyboard[0]?.length ? keyboard : null;
}

/** Options of `sendAnswer`. */
export interface SendAnswerOptions {
  /** Render every source's quote. Default false. */
  expanded?: boolean;
  /** Told when Telegram could not parse a part's HTML and the part went out as plain text. Default: nobody. */
  logger?: Logger;
}

/**
 * Renders, splits and sends an answer, part after part in order; the first part replies to `target.replyTo`, the
 * last carries the keyboard. A part Telegram cannot parse ("can't parse entities") is sent once more as the plain
 * text it shows, so the user still gets the answer. Throws grammY's errors unchanged (the caller maps them).
 */
export async function sendAnswer(api: Api, target: SendTarget, answer: Answer, options: SendAnswerOptions = {}): Promise<Message.TextMessage[]> {
  const parts = splitMessage(renderAnswerHtml(answer, { expanded: options.expanded ?? false }));
  const keyboard = answerKeyboard(answer);
  const sent: Message.TextMessage[] = [];
  for (const [i, part] of parts.entries()) {
    const other = {
      link_preview_options: { is_disabled: true },
      ...(target.threadId !== undefined ? { message_thread_id: target.threadId } : {}),
      ...(i === 0 && target.replyTo !== undefined
        ? { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(i === parts.length - 1 && keyboard !== null ? { reply_markup: keyboard } : {}),
    };
    try {
      sent.push(await api.sendMessage(target.chatId, part, { parse_mode: 'HTML', ...other }));
    } catch (err) {
      if (!isUnparsable(err)) throw err;
      options.logger?.warn({ err, chatId: String(target.chatId), part: i }, 'telegram: HTML refused, part re-sent as plain text');
      sent.push(await api.sendMessage(target.chatId, htmlToPlainText(part), other));
    }
  }
  return sent;
}

/** Telegram refused a text's markup (400 "can't parse entities"): sending it again unchanged can never succeed. */
function isUnparsable(err: unknown): err is GrammyError {
  return err instanceof GrammyError && err.error_code === 400 && /can't parse entities/i.test(err.description);
}

/** True when Telegram says the chat is gone for good: 403 (blocked, kicked, deactivated) or 400 "chat not found". */
export function isChatGone(err: unknown): err is GrammyError {
  return err instanceof GrammyError && (err.error_code === 403 || (err.error_code === 400 && /chat not found/i.test(err.description)));
}

/** The `chat_id` of the call that failed, when there is one. */
export function failedChatId(err: GrammyError): number | string | undefined {
  const id = err.payload['chat_id'];
  return typeof id === 'number' || typeof id === 'string' ? id : undefined;
}

/**
 * Maps a failed delivery to the contract's `DeliveryError`: chat gone for good → `blocked`; any other 400 (the
 * message itself is refused, even as plain text) → `permanent`; network errors, 5xx, 429 and the rest → `transient`.
 */
export function toDeliveryError(chat: ChatRef, err: unknown): DeliveryError {
  if (isChatGone(err)) return new DeliveryError('blocked', chat, `telegram: ${err.method} refused: ${err.description}`, { cause: err });
  if (err instanceof HttpError) return new DeliveryError('transient', chat, `telegram: network failure: ${err.message}`, { cause: err });
  if (err instanceof GrammyError) {
    const failure = err.error_code === 400 ? 'permanent' : 'transient';
    return new DeliveryError(failure, chat, `telegram: ${err.method} failed with ${err.error_code}: ${err.description}`, { cause: err });
  }
  return new DeliveryError('transient', chat, `telegram: delivery failed: ${String(err)}`, { cause: err });
}

/**
 * The Telegram `Notifier`: sends reminder Answers. Throws `DeliveryError('blocked')` when the chat blocked the bot
 * or no longer exists, `DeliveryError('permanent')` when Telegram refuses the message itself (after the plain-text
 * retry of unparsable HTML), `DeliveryError('transient')` after network errors, 5xx or 429 outlive the retries.
 *
 * @example const notifier = createTelegramNotifier(bot.api, logger); await notifier.send(chat, reminderAnswer);
 */
export function createTelegramNotifier(api: Api, logger?: Logger): Notifier {
  return {
    surface: 'telegram',
    async send(chat, message) {
      if (chat.surface !== 'telegram') throw new Error(`telegram: notifier got a chat of surface "${chat.surface}"`);
      try {
        await sendAnswer(api, { chatId: telegramChatId(chat) }, message, logger ? { logger } : {});
      } catch (err) {
        throw toDeliveryError(chat, err);
      }
    },
  };
}
