/**
 * Sending an Answer to a Telegram chat (rendered, split, with the inline keyboard under the last part), and what
 * Telegram's refusals mean for planwatch: a chat that is gone for good versus a failure that passes.
 */
import { GrammyError, HttpError, InlineKeyboard, type Api } from 'grammy';
import type { Message } from 'grammy/types';
import type { Answer } from '../../src/answer/types.ts';
import { DeliveryError, type ChatRef, type Notifier } from '../../src/reminders/types.ts';
import { renderAnswerHtml, splitMessage } from './render.ts';

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

/**
 * The keyboard under an answer with facts: "More sources" (`more:` + as many fact ids as fit in 64 bytes) and,
 * except on reminders and digests, "Remind me" (`sub:<first fact id>`). Null when the answer has no facts.
 */
export function answerKeyboard(answer: Answer): InlineKeyboard | null {
  if (answer.facts.length === 0 || answer.intent === 'sources') return null;
  let more: string = callbackPrefix.moreSources;
  for (const fact of answer.facts) {
    const next = more === callbackPrefix.moreSources ? more + fact.id : `${more},${fact.id}`;
    if (Buffer.byteLength(next, 'utf8') > callbackDataLimit) break;
    more = next;
  }
  const keyboard = new InlineKeyboard();
  if (more !== callbackPrefix.moreSources) keyboard.text('更多来源 / More sources', more);
  const remind = callbackPrefix.remindMe + answer.facts[0]!.id;
  const offersReminder = answer.intent !== 'reminder' && answer.intent !== 'digest' && answer.intent !== 'subscription';
  if (offersReminder && Buffer.byteLength(remind, 'utf8') <= callbackDataLimit) keyboard.text('订阅提醒 / Remind me', remind);
  return keyboard.inline_keyboard[0]?.length ? keyboard : null;
}

/** Options of `sendAnswer`. */
export interface SendAnswerOptions {
  /** Render every source's quote. Default false. */
  expanded?: boolean;
}

/**
 * Renders, splits and sends an answer, part after part in order; the first part replies to `target.replyTo`, the
 * last carries the keyboard. Throws grammY's errors unchanged (the caller maps them).
 */
export async function sendAnswer(api: Api, target: SendTarget, answer: Answer, options: SendAnswerOptions = {}): Promise<Message.TextMessage[]> {
  const parts = splitMessage(renderAnswerHtml(answer, { expanded: options.expanded ?? false }));
  const keyboard = answerKeyboard(answer);
  const sent: Message.TextMessage[] = [];
  for (const [i, part] of parts.entries()) {
    sent.push(await api.sendMessage(target.chatId, part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(target.threadId !== undefined ? { message_thread_id: target.threadId } : {}),
      ...(i === 0 && target.replyTo !== undefined
        ? { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(i === parts.length - 1 && keyboard !== null ? { reply_markup: keyboard } : {}),
    }));
  }
  return sent;
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

/** Maps a failed delivery to the contract's `DeliveryError`: gone for good → `blocked`, anything else → `transient`. */
export function toDeliveryError(chat: ChatRef, err: unknown): DeliveryError {
  if (isChatGone(err)) return new DeliveryError('blocked', chat, `telegram: ${err.method} refused: ${err.description}`, { cause: err });
  if (err instanceof HttpError) return new DeliveryError('transient', chat, `telegram: network failure: ${err.message}`, { cause: err });
  if (err instanceof GrammyError) {
    return new DeliveryError('transient', chat, `telegram: ${err.method} failed with ${err.error_code}: ${err.description}`, { cause: err });
  }
  return new DeliveryError('transient', chat, `telegram: delivery failed: ${String(err)}`, { cause: err });
}

/**
 * The Telegram `Notifier`: sends reminder Answers. Throws `DeliveryError('blocked')` when the chat blocked the bot
 * or no longer exists, `DeliveryError('transient')` after network errors, 5xx or 429 outlive the retries.
 *
 * @example const notifier = createTelegramNotifier(bot.api); await notifier.send(chat, reminderAnswer);
 */
export function createTelegramNotifier(api: Api): Notifier {
  return {
    surface: 'telegram',
    async send(chat, message) {
      if (chat.surface !== 'telegram') throw new Error(`telegram: notifier got a chat of surface "${chat.surface}"`);
      try {
        await sendAnswer(api, { chatId: telegramChatId(chat) }, message);
      } catch (err) {
        throw toDeliveryError(chat, err);
      }
    },
  };
}
