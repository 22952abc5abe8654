/**
 * The Telegram adapter: grammY wiring around the `Planwatch` facade. It translates updates into facade calls
 * (`handlers.ts`), renders Answers as Telegram HTML (`render.ts`), and maps Telegram's errors (`send.ts`).
 *
 * Long polling by default; webhook mode when `webhook` is set, served by the runtime's HTTP server through
 * `handleWebhook` at `webhookPath`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, BotError, webhookCallback } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Planwatch } from '../../src/planwatch.ts';
import type { Notifier } from '../../src/reminders/types.ts';
import { createTelegramHandlers, telegramCommands } from './handlers.ts';
import { retryTransientFailures } from './retry.ts';
import { chatRefOf, createTelegramNotifier, failedChatId, isChatGone } from './send.ts';

export { escapeHtml, renderAnswerHtml, splitMessage } from './render.ts';
export { createTelegramNotifier } from './send.ts';

/** Options of `createTelegramAdapter`. */
export interface TelegramAdapterOptions {
  /** The bot token (`TELEGRAM_BOT_TOKEN`). */
  token: string;
  /** Bot API server (`TELEGRAM_API_ROOT`): a self-hosted one or a test fake. Default `https://api.telegram.org`. */
  apiRoot?: string;
  planwatch: Planwatch;
  logger: Logger;
  /** Webhook mode when set (`TELEGRAM_WEBHOOK_URL`, `TELEGRAM_WEBHOOK_SECRET`); long polling otherwise. */
  webhook?: { url: string; secret: string };
  /** Who the bot is (grammY's `botInfo`); skips `getMe`. For tests. */
  botInfo?: UserFromGetMe;
  /** Caps of flood control (429 `retry_after`) and of retries after network errors and 5xx. Default 3 attempts, 30 s. */
  retry?: { maxRetryAttempts: number; maxDelaySeconds: number };
}

/** A running Telegram surface. */
export interface TelegramAdapter {
  readonly bot: Bot;
  /** Sends reminder Answers; throws `DeliveryError('blocked' | 'permanent' | 'transient')`. */
  readonly notifier: Notifier;
  /** Path the webhook is served at (`/telegram/webhook`), null in polling mode. */
  readonly webhookPath: string | null;
  /** Node http handler for `webhookPath`: checks `X-Telegram-Bot-Api-Secret-Token` (wrong or missing → 401, no handler runs). */
  handleWebhook(req: IncomingMessage, res: ServerResponse): void;
  /** Polling: `deleteWebhook`, then polls in the background. Webhook: `setWebhook` with the secret. Both register the commands. */
  start(): Promise<void>;
  /** Stops polling, or waits for in-flight webhook updates. */
  stop(): Promise<void>;
  /** True once started and while polling (or the webhook) runs. */
  isReady(): boolean;
}

const retryDefaults = { maxRetryAttempts: 3, maxDelaySeconds: 30 };

/** Update types the bot handles; Telegram sends no others. */
const allowedUpdates = ['message', 'callback_query'] as const;

const WebhookOptions = z.object({
  url: z.url({ protocol: /^https?$/ }),
  // What Telegram accepts as `secret_token`.
  secret: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'expected 1-256 characters A-Z a-z 0-9 _ -'),
});

const RetryOptions = z.object({
  maxRetryAttempts: z.number().int().min(0).max(100),
  maxDelaySeconds: z.number().min(0).max(3600),
});

/**
 * Creates the Telegram adapter. Nothing talks to Telegram before `start()`.
 *
 * @example
 * const telegram = createTelegramAdapter({ token: env.TELEGRAM_BOT_TOKEN, planwatch, logger });
 * await telegram.start();
 * scheduler.addNotifier(telegram.notifier);
 * process.once('SIGTERM', () => telegram.stop());
 */
export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const { token, planwatch } = options;
  const logger = options.logger.child({ surface: 'telegram' });
  const webhook = options.webhook === undefined ? undefined : parseOption(WebhookOptions, options.webhook, 'webhook');
  const retry = parseOption(RetryOptions, { ...retryDefaults, ...options.retry }, 'retry');
  const apiRoot = options.apiRoot?.replace(/\/+$/, '');

  const bot = new Bot(token, {
    ...(options.botInfo !== undefined ? { botInfo: options.botInfo } : {}),
    ...(apiRoot !== undefined && apiRoot !== '' ? { client: { apiRoot } } : {}),
  });
  // Innermost: network errors and 5xx; outermost: 429 with its retry_after (auto-retry, explicit caps).
  bot.api.config.use(
    retryTransientFailures({
      maxRetryAttempts: retry.maxRetryAttempts,
      onRetry: (e) => logger.warn(e, 'telegram: retrying a failed call'),
    }),
    autoRetry({
      maxRetryAttempts: retry.maxRetryAttempts,
      maxDelaySeconds: retry.maxDelaySeconds,
      rethrowHttpErrors: true,
      rethrowInternalServerErrors: true,
    }),
  );

  /** The one error handler: logs every failure with its update id; a chat that is gone loses its subscriptions. */
  async function handleError(err: BotError): Promise<void> {
    const updateId = err.ctx.update.update_id;
    try {
      const cause = err.error;
      if (isChatGone(cause)) {
        const chatId = failedChatId(cause) ?? err.ctx.chat?.id;
        if (chatId !== undefined) {
          const deactivated = await planwatch.deactivateChat(chatRefOf(chatId));
          logger.warn({ updateId, chatId: String(chatId), deactivated, err: cause }, 'telegram: chat is gone, its subscriptions are deactivated');
          return;
        }
      }
      logger.error({ updateId, err: cause }, 'telegram: failed to handle update');
    } catch (inner) {
      logger.error({ updateId, err: inner, cause: err.error }, 'telegram: error handler failed');
    }
  }

  // The boundary catches in both modes (grammY's webhook callback would otherwise rethrow); bot.catch is the same
  // handler for anything outside it, so a failing update never stops polling.
  bot.errorBoundary(handleError).use(createTelegramHandlers({ planwatch, logger }));
  bot.catch(handleError);

  const webhookPath = webhook === undefined ? null : new URL(webhook.url).pathname;
  const onWebhook = webhook === undefined
    ? null
    : webhookCallback(bot, 'http', { secretToken: webhook.secret, onTimeout: 'return', timeoutMilliseconds: 10_000 });
  const inFlight = new Set<Promise<void>>();
  let ready = false;
  let polling: Promise<void> | null = null;

  async function registerCommands(): Promise<void> {
    try {
      await bot.api.setMyCommands([...telegramCommands.zh]);
      await bot.api.setMyCommands([...telegramCommands.en], { language_code: 'en' });
    } catch (err) {
      // Commands only help users type; a bot without them still answers.
      logger.warn({ err }, 'telegram: setMyCommands failed');
    }
  }

  return {
    bot,
    notifier: createTelegramNotifier(bot.api, logger),
    webhookPath,

    handleWebhook(req, res) {
      if (webhook === undefined || onWebhook === null) {
        res.writeHead(404).end();
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const header = req.headers['x-telegram-bot-api-secret-token'];
      if (!secretMatches(typeof header === 'string' ? header : undefined, webhook.secret)) {
        logger.warn({ remote: req.socket.remoteAddress }, 'telegram: webhook request with a wrong or missing secret refused');
        req.resume();
        res.writeHead(401).end('unauthorized');
        return;
      }
      const task = onWebhook(req, res).catch((err: unknown) => {
        // Handler errors are caught by the boundary; what arrives here is a body that is not an update.
        logger.error({ err }, 'telegram: webhook request failed');
        try {
          if (!res.headersSent) res.writeHead(err instanceof SyntaxError ? 400 : 500).end();
        } catch (writeErr) {
          logger.error({ err: writeErr }, 'telegram: webhook response failed');
        }
      });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
    },

    async start() {
      if (ready) return;
      await bot.init();
      await registerCommands();
      if (webhook !== undefined) {
        await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...allowedUpdates] });
        ready = true;
        logger.info({ path: webhookPath }, 'telegram: webhook set');
        return;
      }
      // grammY's start() calls deleteWebhook before the first getUpdates, and resolves only when polling stops.
      await new Promise<void>((resolve, reject) => {
        let started = false;
        polling = bot
          .start({
            allowed_updates: [...allowedUpdates],
            onStart: (me) => {
              started = true;
              ready = true;
              logger.info({ username: me.username }, 'telegram: polling');
              resolve();
            },
          })
          .then(
            () => { ready = false; },
            (err: unknown) => {
              ready = false;
              if (started) logger.error({ err }, 'telegram: polling stopped');
              else reject(err);
            },
          );
      });
    },

    async stop() {
      ready = false;
      if (bot.isRunning()) await bot.stop();
      if (polling !== null) await polling;
      await Promise.allSettled([...inFlight]);
    },

    isReady() {
      return ready && (webhook !== undefined || bot.isRunning());
    },
  };
}

function parseOption<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`telegram: invalid option "${name}": ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Constant-time comparison of the secret header. */
function secretMatches(header: string | undefined, secret: string): boolean {
  if (header === undefined) return false;
  const a = Buffer.from(header, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
