/**
 * Bolt and the Web API client log through `@slack/logger`'s interface; this routes them into our pino logger.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * Wraps a pino logger for Bolt. The level stays pino's: Bolt's `setLevel` (it sets INFO on start) is ignored,
 * so the runtime's LOG_LEVEL decides. An `Error` among the arguments is logged as `err`.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  const write = (level: Level) => (...msg: unknown[]): void => {
    const err = msg.find((m): m is Error => m instanceof Error);
    const text = msg.filter((m) => m !== err).map((m) => (typeof m === 'string' ? m : safeJson(m))).join(' ');
    if (err) logger[level]({ err }, text || err.message);
    else logger[level](text);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => {
      switch (logger.level) {
        case 'trace':
        case 'debug': return LogLevel.DEBUG;
        case 'info': return LogLevel.INFO;
        case 'warn': return LogLevel.WARN;
        default: return LogLevel.ERROR;
      }
    },
    setName: () => {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
