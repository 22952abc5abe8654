/**
 * Structured JSON logs (pino). One line per question; tokens never appear:
 * configuration values are never logged, and known secret paths are redacted
 * in case an object carrying one is logged by mistake.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { AnswerEvent } from '../planwatch.ts';
import type { LogLevel } from './config.ts';

export type { Logger } from 'pino';
export type { AnswerEvent } from '../planwatch.ts';

const secretKeys = [
  'token', 'botToken', 'appToken', 'signingSecret', 'secret', 'password', 'databaseUrl', 'authorization',
  'x-telegram-bot-api-secret-token', 'x-slack-signature',
];

/**
 * pino `redact` paths: every secret-looking key at the top level and up to three levels down
 * (`config.telegram.token`, `req.headers.authorization`).
 */
export const redactPaths: string[] = secretKeys.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (k.startsWith('[') ? `${prefix}${k}` : `${prefix}.${k}`);
  return [k.startsWith('[') ? k.slice(2, -2) : k, join('*'), join('*.*'), join('*.*.*')];
});

/** Options of `createLogger`. */
export interface LoggerOptions {
  /** Default `info`. */
  level?: LogLevel;
  /** Where lines go. Default: standard output, written synchronously so nothing is lost at exit. */
  destination?: DestinationStream | 1 | 2;
}

/**
 * Creates the process logger: JSON lines with ISO times, `service: "planwatch"`, secrets redacted.
 *
 * @example const logger = createLogger({ level: 'info', destination: 2 });
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? 1;
  const stream = typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination;
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'planwatch' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
}

/**
 * Writes the one log line of a question: surface, latency, answered or refused, fact ids.
 * The question text itself is left out (users' words stay out of logs); its length is kept.
 */
export function logAnswer(logger: Logger, event: AnswerEvent): void {
  logger.info(
    {
      event: 'answer',
      surface: event.surface,
      latencyMs: Math.round(event.latencyMs * 10) / 10,
      outcome: event.answered ? 'answered' : 'refused',
      factIds: event.factIds,
      questionChars: [...event.question].length,
    },
    event.answered ? 'question answered' : 'question refused',
  );
}
