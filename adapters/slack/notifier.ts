/**
 * The Slack `Notifier`: how reminders and digests leave planwatch in Slack.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Answer } from '../../src/answer/types.ts';
import { DeliveryError, type ChatRef, type Notifier } from '../../src/reminders/types.ts';
import { deliveryFailureOf, platformErrorOf, postAnswerToChannel } from './post.ts';

/**
 * Creates a notifier that posts answers with chat.postMessage to `chat.chatId` (a channel, DM or user id).
 * Blocks Slack refuses are re-sent once as plain text. Throws `DeliveryError('blocked')` for channel_not_found,
 * is_archived, not_in_channel, account_inactive; `DeliveryError('permanent')` when Slack refuses the message itself
 * (invalid blocks even as plain text, too long); `DeliveryError('transient')` for network errors, 5xx and rate
 * limits left after the client's retries.
 *
 * @example
 * const notifier = createSlackNotifier(app.client, logger);
 * await notifier.send({ surface: 'slack', chatId: 'C0123' }, reminderAnswer);
 */
export function createSlackNotifier(client: webApi.WebClient, logger: Logger): Notifier {
  return {
    surface: 'slack',
    async send(chat: ChatRef, message: Answer): Promise<void> {
      if (chat.surface !== 'slack') {
        throw new Error(`slack notifier: cannot deliver to surface "${chat.surface}" (chat ${chat.chatId})`);
      }
      let posted;
      try {
        posted = await postAnswerToChannel(client, { channel: chat.chatId }, message, { logger });
      } catch (error) {
        const failure = deliveryFailureOf(error);
        const reason = platformErrorOf(error) ?? (error instanceof Error ? error.message : String(error));
        throw new DeliveryError(failure, chat, `slack: delivery to ${chat.chatId} failed (${failure}): ${reason}`, { cause: error });
      }
      if (posted.overflowError !== undefined) {
        // The answer itself is delivered; sending it again would duplicate it, so the missing follow-up is only logged.
        logger.warn({ err: posted.overflowError, chat: chat.chatId }, 'slack: overflow follow-up of a reminder failed');
      }
    },
  };
}
