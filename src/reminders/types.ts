/**
 * Contracts of the reminders core: chats, subscriptions, and how a message
 * leaves planwatch. Adapters implement `Notifier`; the core never imports them.
 */
import { z } from 'zod';
import type { Answer } from '../answer/types.ts';

export const Surface = z.enum(['telegram', 'slack', 'console']);
export type Surface = z.infer<typeof Surface>;

/** One chat or channel: a Telegram chat id, a Slack channel or DM id. */
export const ChatRef = z.object({
  surface: Surface,
  chatId: z.string().min(1),
});
export type ChatRef = z.infer<typeof ChatRef>;

/** What a subscription selects. All null: everything. */
export const Selector = z.object({
  /** Region short name: 浙江. */
  region: z.string().nullable(),
  /** Program name: 415X. */
  program: z.string().nullable(),
  /** Topic keyword, matched like a question: 5G, 数字经济, 集成电路. */
  topic: z.string().nullable(),
});
export type Selector = z.infer<typeof Selector>;

export const Subscription = z.object({
  id: z.string().min(1),
  chat: ChatRef,
  selector: Selector,
  /** Days before the deadline to remind; 0 is the deadline day. Default [30, 7, 0]. */
  leadDays: z.array(z.number().int().min(0).max(3650)).min(1),
  /** IANA time zone for the 09:00 send time. Default Asia/Shanghai. */
  timeZone: z.string().min(1),
  active: z.boolean(),
  /** ISO-8601 instant. */
  createdAt: z.string(),
});
export type Subscription = z.infer<typeof Subscription>;

/** Why a delivery failed: the chat is gone, this message can never be delivered, or something passing. */
export type DeliveryFailure = 'blocked' | 'permanent' | 'transient';

/**
 * Thrown by a `Notifier` when a message cannot be delivered.
 * `blocked` (403, chat not found, channel archived) deactivates the chat's
 * subscriptions; `permanent` (the platform refused this message itself: unparsable markup,
 * invalid blocks, too long) must not be retried; `transient` (network, 5xx, 429 after retries)
 * is retried on the next tick.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    readonly failure: DeliveryFailure,
    readonly chat: ChatRef,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Sends an answer-shaped message to a chat. Implemented by each adapter. */
export interface Notifier {
  readonly surface: Surface;
  /** Delivers `message` to `chat`; throws `DeliveryError` when it cannot. */
  send(chat: ChatRef, message: Answer): Promise<void>;
}
