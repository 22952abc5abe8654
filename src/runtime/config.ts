/**
 * Runtime configuration: environment variables (and an optional `.env` file),
 * validated once at start. A bad value stops the start with a message naming
 * the variable and what it expects; secret values are never echoed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';

/** pino levels a deployment may choose. */
export const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

/** The Telegram surface, on when `TELEGRAM_BOT_TOKEN` is set. */
export interface TelegramConfig {
  token: string;
  /** Another Bot API server (self-hosted, or a test fake). Null: api.telegram.org. */
  apiRoot: string | null;
  /** Webhook mode when set; long polling otherwise. */
  webhook: { url: string; secret: string } | null;
}

/** The Slack surface, on when `SLACK_BOT_TOKEN` is set with a signing secret or an app token. */
export interface SlackConfig {
  botToken: string;
  signingSecret: string | null;
  /** Socket Mode when set; HTTP mode (`/slack/events`) otherwise. */
  appToken: string | null;
  /** Another Web API base URL (an enterprise proxy, or a test fake). Null: slack.com. */
  apiUrl: string | null;
  /** Slash command name, default `/plans`. */
  command: string;
}

/** Everything `npm start` and `remind` read from the environment, validated. */
export interface Config {
  /** `PORT` as given; null when unset (see `httpPort`). */
  port: number | null;
  /** `sqlite:PATH` or `postgres://…`. Default `sqlite:./data/planwatch.db`. */
  databaseUrl: string;
  /** `LOG_LEVEL` as given; null lets the mode choose (info for services, warn for the console). */
  logLevel: LogLevel | null;
  /** IANA zone for reminders and "today", default Asia/Shanghai. */
  timeZone: string;
  telegram: TelegramConfig | null;
  slack: SlackConfig | null;
  /** Absolute path of the fact base directory (holds `facts.json`). Default `./knowledge`. */
  knowledgeDir: string;
  /** Absolute path of the source documents. Default `./seeds`. */
  seedsDir: string;
  /** Absolute path of derived caches (search index). Default `./data/cache`. */
  cacheDir: string;
  /** A fixed `YYYY-MM-DD` "today" for demos; null: the real date. */
  today: string | null;
  /** How often the reminder scheduler ticks. Default 60000. */
  reminderIntervalMs: number;
}

/** The outcome of reading the configuration: a value, never an exception. */
export type ConfigResult =
  | { ok: true; config: Config; warnings: string[] }
  | { ok: false; errors: string[] };

/** Port used when an HTTP surface needs a server and `PORT` is unset. */
export const defaultHttpPort = 3000;

/** Variables whose values are secrets: never logged, never echoed in an error. */
export const secretVariables: readonly string[] = [
  'TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN',
  'DATABASE_URL',
];

const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isCalendarDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const isHttpUrl = (s: string): boolean => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

const integer = (min: number, max: number) =>
  z.string().regex(/^\d+$/).transform(Number).refine((n) => n >= min && n <= max);

/** One variable: its schema over the raw string, and what it expects, for the error message. */
interface Variable {
  schema: z.ZodType<unknown, string>;
  expects: string;
}

const variables = {
  PORT: { schema: integer(0, 65535), expects: 'an integer 0-65535 (0 picks a free port)' },
  DATABASE_URL: {
    schema: z.string().regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/),
    expects: 'sqlite:PATH or postgres://USER@HOST:PORT/DATABASE',
  },
  LOG_LEVEL: { schema: LogLevel, expects: `one of ${LogLevel.options.join(', ')}` },
  TZ_DEFAULT: { schema: z.string().refine(isValidTimeZone), expects: 'an IANA time zone such as Asia/Shanghai' },
  TELEGRAM_BOT_TOKEN: {
    schema: z.string().regex(/^[^\s/]+$/),
    expects: 'the bot token from @BotFather (no spaces or slashes)',
  },
  TELEGRAM_API_ROOT: { schema: z.string().refine(isHttpUrl), expects: 'an http(s) URL of a Bot API server' },
  TELEGRAM_WEBHOOK_URL: { schema: z.string().refine(isHttpUrl), expects: 'the public http(s) URL Telegram posts updates to' },
  TELEGRAM_WEBHOOK_SECRET: {
    schema: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/),
    expects: '1-256 characters of A-Z, a-z, 0-9, _ and -',
  },
  SLACK_BOT_TOKEN: { schema: z.string().regex(/^xoxb-\S+$/), expects: 'a bot token starting with xoxb-' },
  SLACK_SIGNING_SECRET: { schema: z.string().regex(/^\S+$/), expects: 'the app\'s signing secret (no spaces)' },
  SLACK_APP_TOKEN: { schema: z.string().regex(/^xapp-\S+$/), expects: 'an app-level token starting with xapp-' },
  SLACK_API_URL: { schema: z.string().refine(isHttpUrl), expects: 'an http(s) URL of the Slack Web API' },
  SLACK_COMMAND: { schema: z.string().regex(/^\/[\w-]{1,31}$/), expects: 'a slash command such as /plans' },
  PLANWATCH_KNOWLEDGE_DIR: { schema: z.string().min(1), expects: 'a directory path' },
  PLANWATCH_SEEDS_DIR: { schema: z.string().min(1), expects: 'a directory path' },
  PLANWATCH_CACHE_DIR: { schema: z.string().min(1), expects: 'a directory path' },
  PLANWATCH_TODAY: { schema: z.string().refine(isCalendarDate), expects: 'a date YYYY-MM-DD' },
  REMINDER_INTERVAL_MS: { schema: integer(100, 86_400_000), expects: 'an integer 100-86400000 (milliseconds)' },
} satisfies Record<string, Variable>;

/** Every variable the runtime reads, in `.env.example` order. */
export type VariableName = keyof typeof variables;
export const variableNames = Object.keys(variables) as VariableName[];

/** How a rejected value is shown: quoted, or hidden for secrets. */
function shown(name: string, raw: string): string {
  if (secretVariables.includes(name)) return `a ${raw.length}-character value (hidden)`;
  return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);
}

/**
 * Reads the environment, with `.env` (in `cwd`) filling only variables the real
 * environment does not set.
 *
 * @example readEnv({ env: process.env, cwd: process.cwd() })
 */
export function readEnv(options: { env: Record<string, string | undefined>; cwd: string; file?: string }): Record<string, string | undefined> {
  const path = resolve(options.cwd, options.file ?? '.env');
  const fromFile = existsSync(path) ? dotenv.parse(readFileSync(path)) : {};
  return { ...fromFile, ...options.env };
}

/**
 * Validates the environment into a `Config`. Empty values count as unset;
 * values are trimmed. Relative directories resolve against `cwd`.
 *
 * @example
 * const result = loadConfig(readEnv({ env: process.env, cwd }), cwd);
 * if (!result.ok) { console.error(result.errors.join('\n')); process.exit(2); }
 */
export function loadConfig(env: Record<string, string | undefined>, cwd: string): ConfigResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const values: Partial<Record<VariableName, unknown>> = {};
  const raw = (name: VariableName): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  for (const name of variableNames) {
    const value = raw(name);
    if (value === undefined) continue;
    const parsed = variables[name].schema.safeParse(value);
    if (parsed.success) values[name] = parsed.data;
    else errors.push(`config: ${name} must be ${variables[name].expects}, got ${shown(name, value)}`);
  }
  const str = (name: VariableName): string | null => (typeof values[name] === 'string' ? (values[name] as string) : null);
  const num = (name: VariableName): number | null => (typeof values[name] === 'number' ? (values[name] as number) : null);

  const need = (name: VariableName, why: string) =>
    errors.push(`config: ${name} is required ${why} (${variables[name].expects})`);

  let telegram: TelegramConfig | null = null;
  const tgToken = str('TELEGRAM_BOT_TOKEN');
  if (tgToken) {
    const url = str('TELEGRAM_WEBHOOK_URL');
    const secret = str('TELEGRAM_WEBHOOK_SECRET');
    if (url && !secret && raw('TELEGRAM_WEBHOOK_SECRET') === undefined) need('TELEGRAM_WEBHOOK_SECRET', 'with TELEGRAM_WEBHOOK_URL');
    if (url && url.startsWith('http:')) warnings.push('config: TELEGRAM_WEBHOOK_URL is http; Telegram only delivers webhooks to https URLs');
    telegram = { token: tgToken, apiRoot: str('TELEGRAM_API_ROOT'), webhook: url && secret ? { url, secret } : null };
  } else {
    for (const name of ['TELEGRAM_API_ROOT', 'TELEGRAM_WEBHOOK_URL', 'TELEGRAM_WEBHOOK_SECRET'] as const) {
      if (raw(name) !== undefined) warnings.push(`config: ${name} is set but TELEGRAM_BOT_TOKEN is not; Telegram stays off`);
    }
  }

  let slack: SlackConfig | null = null;
  const botToken = str('SLACK_BOT_TOKEN');
  if (botToken) {
    const signingSecret = str('SLACK_SIGNING_SECRET');
    const appToken = str('SLACK_APP_TOKEN');
    if (!signingSecret && !appToken && raw('SLACK_SIGNING_SECRET') === undefined && raw('SLACK_APP_TOKEN') === undefined) {
      errors.push('config: SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is required with SLACK_BOT_TOKEN ' +
        '(the signing secret for HTTP mode at /slack/events, or an xapp- token for Socket Mode)');
    }
    slack = { botToken, signingSecret, appToken, apiUrl: str('SLACK_API_URL'), command: str('SLACK_COMMAND') ?? '/plans' };
  } else {
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const) {
      if (raw(name) !== undefined) warnings.push(`config: ${name} is set but SLACK_BOT_TOKEN is not; Slack stays off`);
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const config: Config = {
    port: num('PORT'),
    databaseUrl: str('DATABASE_URL') ?? 'sqlite:./data/planwatch.db',
    logLevel: (str('LOG_LEVEL') as LogLevel | null) ?? null,
    timeZone: str('TZ_DEFAULT') ?? 'Asia/Shanghai',
    telegram,
    slack,
    knowledgeDir: resolve(cwd, str('PLANWATCH_KNOWLEDGE_DIR') ?? 'knowledge'),
    seedsDir: resolve(cwd, str('PLANWATCH_SEEDS_DIR') ?? 'seeds'),
    cacheDir: resolve(cwd, str('PLANWATCH_CACHE_DIR') ?? 'data/cache'),
    today: str('PLANWATCH_TODAY'),
    reminderIntervalMs: num('REMINDER_INTERVAL_MS') ?? 60_000,
  };
  return { ok: true, config, warnings };
}

/** Slack's transport: Socket Mode with an app token, HTTP mode otherwise. */
export function slackMode(slack: SlackConfig): 'socket' | 'http' {
  return slack.appToken ? 'socket' : 'http';
}

/**
 * The port the HTTP server listens on, or null when no server is needed:
 * `PORT` when set; otherwise 3000 when Slack HTTP mode or a Telegram webhook needs one.
 */
export function httpPort(config: Config): number | null {
  if (config.port !== null) return config.port;
  const needed = (config.slack !== null && slackMode(config.slack) === 'http') || config.telegram?.webhook != null;
  return needed ? defaultHttpPort : null;
}

/** True when at least one chat surface is configured (otherwise `npm start` is the console). */
export function hasSurface(config: Config): boolean {
  return config.telegram !== null || config.slack !== null;
}

/** A URL without user name, password, query or fragment, for logs. */
function withoutCredentials(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
}

/** The database kind and, for SQLite, its path; never credentials. */
export function describeDatabase(databaseUrl: string): string {
  if (databaseUrl.startsWith('sqlite:')) return `sqlite ${databaseUrl.slice('sqlite:'.length)}`;
  try {
    const u = new URL(databaseUrl);
    return `postgres ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}

/**
 * What is on, one line each, for the start-up log: surfaces and their transport,
 * database, HTTP port, reminders. Never a secret value.
 */
export function describeConfig(config: Config): string[] {
  const surfaces: string[] = [];
  if (config.telegram) {
    const where = config.telegram.apiRoot ? ` via ${withoutCredentials(config.telegram.apiRoot)}` : '';
    surfaces.push(`telegram (${config.telegram.webhook ? `webhook ${new URL(config.telegram.webhook.url).pathname}` : 'long polling'}${where})`);
  }
  if (config.slack) {
    const where = config.slack.apiUrl ? ` via ${withoutCredentials(config.slack.apiUrl)}` : '';
    surfaces.push(`slack (${slackMode(config.slack) === 'socket' ? 'socket mode' : 'http /slack/events'}, ${config.slack.command}${where})`);
  }
  const port = httpPort(config);
  return [
    `surfaces: ${surfaces.length > 0 ? surfaces.join(', ') : 'none (interactive console)'}`,
    `database: ${describeDatabase(config.databaseUrl)}`,
    `http: ${port === null ? 'off' : `port ${port}`}`,
    `reminders: ${hasSurface(config) ? `every ${config.reminderIntervalMs} ms` : 'off'}, time zone ${config.timeZone}`,
    `knowledge: ${config.knowledgeDir}${config.today ? `, today fixed at ${config.today}` : ''}`,
  ];
}
