/**
 * Retrying what passes: a dropped connection (grammY's `HttpError`) or a Bot API 5xx is retried a capped number of
 * times with a short exponential backoff. Telegram's 429 is left to `@grammyjs/auto-retry`, installed outside this
 * transformer, which honours `retry_after`.
 *
 * Only the failed call is repeated, never the update's handler: a part of an answer that was delivered is not sent
 * again. (A connection that drops after Telegram accepted a `sendMessage` cannot be told apart from one that
 * dropped before; the Bot API has no idempotency key, so that rare case can still show one part twice.)
 */
import { HttpError, type Transformer } from 'grammy';

/** Options of `retryTransientFailures`. */
export interface TransientRetryOptions {
  /** Retries after the first attempt. */
  maxRetryAttempts: number;
  /** Wait before the first retry, doubled for every further one. Default 200 ms. */
  baseDelayMs?: number;
  /** Called before each retry (for logs). */
  onRetry?: (event: { method: string; attempt: number; delayMs: number; reason: string }) => void;
}

/**
 * An API transformer that retries network errors and 5xx answers. `getUpdates` is passed through: grammY's polling
 * loop already retries it, and an aborted long poll must stay aborted.
 *
 * @example bot.api.config.use(retryTransientFailures({ maxRetryAttempts: 3 }), autoRetry({ ... }));
 */
export function retryTransientFailures(options: TransientRetryOptions): Transformer {
  const baseDelayMs = options.baseDelayMs ?? 200;
  return async (prev, method, payload, signal) => {
    if (method === 'getUpdates') return prev(method, payload, signal);
    for (let attempt = 0; ; attempt++) {
      let reason: string;
      try {
        const result = await prev(method, payload, signal);
        if (result.ok || result.error_code < 500 || attempt >= options.maxRetryAttempts) return result;
        reason = `${result.error_code} ${result.description}`;
      } catch (err) {
        if (!(err instanceof HttpError) || attempt >= options.maxRetryAttempts || signal?.aborted === true) throw err;
        reason = err.message;
      }
      const delayMs = baseDelayMs * 2 ** attempt;
      options.onRetry?.({ method, attempt: attempt + 1, delayMs, reason });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  };
}
