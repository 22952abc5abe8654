import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  describeConfig, hasSurface, httpPort, loadConfig, readEnv, slackMode, variableNames, type Config,
} from '../../src/runtime/config.ts';

const cwd = '/srv/planwatch';
const tgToken = '123456:AAH-secret-telegram-token';
const slackToken = 'xoxb-111-222-secretbot';
const signing = 'signing0secret0value';
const appToken = 'xapp-1-A0-secretapp';

const ok = (env: Record<string, string>): Config => {
  const result = loadConfig(env, cwd);
  if (!result.ok) throw new Error(`expected a valid config, got ${result.errors.join('; ')}`);
  return result.config;
};

describe('loadConfig: good environments', () => {
  it('fills every default from an empty environment', () => {
    expect(ok({})).toEqual({
      port: null,
      databaseUrl: 'sqlite:./data/planwatch.db',
      logLevel: null,
      timeZone: 'Asia/Shanghai',
      telegram: null,
      slack: null,
      knowledgeDir: resolve(cwd, 'knowledge'),
      seedsDir: resolve(cwd, 'seeds'),
      cacheDir: resolve(cwd, 'data/cache'),
      today: null,
      reminderIntervalMs: 60_000,
    });
  });

  it.each<[string, Record<string, string>, Partial<Config>]>([
    ['a port', { PORT: '8080' }, { port: 8080 }],
    ['port 0', { PORT: '0' }, { port: 0 }],
    ['postgres', { DATABASE_URL: 'postgres://pw@db:5432/planwatch' }, { databaseUrl: 'postgres://pw@db:5432/planwatch' }],
    ['postgresql scheme', { DATABASE_URL: 'postgresql://db/planwatch' }, { databaseUrl: 'postgresql://db/planwatch' }],
    ['sqlite path', { DATABASE_URL: 'sqlite:/var/lib/pw.db' }, { databaseUrl: 'sqlite:/var/lib/pw.db' }],
    ['log level', { LOG_LEVEL: 'debug' }, { logLevel: 'debug' }],
    ['time zone', { TZ_DEFAULT: 'Europe/Berlin' }, { timeZone: 'Europe/Berlin' }],
    ['knowledge dir', { PLANWATCH_KNOWLEDGE_DIR: '/data/kb' }, { knowledgeDir: '/data/kb' }],
    ['relative knowledge dir', { PLANWATCH_KNOWLEDGE_DIR: 'kb' }, { knowledgeDir: resolve(cwd, 'kb') }],
    ['fixed today', { PLANWATCH_TODAY: '2023-06-01' }, { today: '2023-06-01' }],
    ['interval', { REMINDER_INTERVAL_MS: '5000' }, { reminderIntervalMs: 5000 }],
    ['empty values count as unset', { PORT: '', LOG_LEVEL: '  ' }, { port: null, logLevel: null }],
    ['values are trimmed', { PORT: ' 3001 ' }, { port: 3001 }],
    ['telegram polling', { TELEGRAM_BOT_TOKEN: tgToken }, { telegram: { token: tgToken, apiRoot: null, webhook: null } }],
    [
      'telegram webhook through a fake Bot API',
      { TELEGRAM_BOT_TOKEN: tgToken, TELEGRAM_API_ROOT: 'http://127.0.0.1:9999', TELEGRAM_WEBHOOK_URL: 'https://pw.example.com/tg/hook', TELEGRAM_WEBHOOK_SECRET: 'abc_DEF-123' },
      { telegram: { token: tgToken, apiRoot: 'http://127.0.0.1:9999', webhook: { url: 'https://pw.example.com/tg/hook', secret: 'abc_DEF-123' } } },
    ],
    [
      'slack http mode',
      { SLACK_BOT_TOKEN: slackToken, SLACK_SIGNING_SECRET: signing },
      { slack: { botToken: slackToken, signingSecret: signing, appToken: null, apiUrl: null, command: '/plans' } },
    ],
    [
      'slack socket mode with another command and API URL',
      { SLACK_BOT_TOKEN: slackToken, SLACK_APP_TOKEN: appToken, SLACK_COMMAND: '/pw', SLACK_API_URL: 'http://127.0.0.1:1/api/' },
      { slack: { botToken: slackToken, signingSecret: null, appToken, apiUrl: 'http://127.0.0.1:1/api/', command: '/pw' } },
    ],
  ])('%s', (_name, env, expected) => {
    expect(ok(env)).toMatchObject(expected);
  });
});

describe('loadConfig: bad environments stop the start with the variable named', () => {
  it.each<[Record<string, string>, string]>([
    [{ PORT: 'abc' }, 'config: PORT must be an integer 0-65535 (0 picks a free port), got "abc"'],
    [{ PORT: '70000' }, 'config: PORT must be an integer 0-65535'],
    [{ PORT: '-1' }, 'config: PORT must be'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'config: DATABASE_URL must be sqlite:PATH or postgres://'],
    [{ LOG_LEVEL: 'loud' }, 'config: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ TZ_DEFAULT: 'Mars/Olympus' }, 'config: TZ_DEFAULT must be an IANA time zone'],
    [{ PLANWATCH_TODAY: '2023-02-30' }, 'config: PLANWATCH_TODAY must be a date YYYY-MM-DD, got "2023-02-30"'],
    [{ REMINDER_INTERVAL_MS: '1m' }, 'config: REMINDER_INTERVAL_MS must be an integer'],
    [{ REMINDER_INTERVAL_MS: '10' }, 'config: REMINDER_INTERVAL_MS must be an integer 100-86400000'],
    [{ TELEGRAM_BOT_TOKEN: 'has space' }, 'config: TELEGRAM_BOT_TOKEN must be the bot token'],
    [{ TELEGRAM_BOT_TOKEN: tgToken, TELEGRAM_API_ROOT: 'ftp://x' }, 'config: TELEGRAM_API_ROOT must be an http(s) URL'],
    [{ TELEGRAM_BOT_TOKEN: tgToken, TELEGRAM_WEBHOOK_URL: 'https://x.example/hook' }, 'config: TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL'],
    [{ TELEGRAM_BOT_TOKEN: tgToken, TELEGRAM_WEBHOOK_URL: 'https://x.example/h', TELEGRAM_WEBHOOK_SECRET: 'no spaces!' }, 'config: TELEGRAM_WEBHOOK_SECRET must be 1-256 characters'],
    [{ SLACK_BOT_TOKEN: slackToken }, 'config: SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is required with SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: signing }, 'config: SLACK_BOT_TOKEN must be a bot token starting with xoxb-'],
    [{ SLACK_BOT_TOKEN: slackToken, SLACK_APP_TOKEN: 'xoxb-wrong' }, 'config: SLACK_APP_TOKEN must be an app-level token starting with xapp-'],
    [{ SLACK_BOT_TOKEN: slackToken, SLACK_SIGNING_SECRET: signing, SLACK_COMMAND: 'plans' }, 'config: SLACK_COMMAND must be a slash command'],
  ])('%o', (env, message) => {
    const result = loadConfig(env, cwd);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toContain(message);
  });

  it('reports every bad variable at once', () => {
    const result = loadConfig({ PORT: 'x', LOG_LEVEL: 'y', REMINDER_INTERVAL_MS: 'z' }, cwd);
    expect(result.ok ? [] : result.errors.map((e) => e.split(' ')[1])).toEqual(['PORT', 'LOG_LEVEL', 'REMINDER_INTERVAL_MS']);
  });

  it.each([
    ['TELEGRAM_BOT_TOKEN', { TELEGRAM_BOT_TOKEN: 'secret token with spaces' }],
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxp-secret-user-token', SLACK_SIGNING_SECRET: signing }],
    ['SLACK_APP_TOKEN', { SLACK_BOT_TOKEN: slackToken, SLACK_APP_TOKEN: 'secret-app-token' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root:hunter2@db/x' }],
  ])('never echoes the value of the secret %s', (name, env) => {
    const result = loadConfig(env as Record<string, string>, cwd);
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : result.errors.join('\n');
    expect(text).toContain(`config: ${name} must be`);
    expect(text).toContain('(hidden)');
    for (const value of Object.values(env)) expect(text).not.toContain(value);
  });
});

describe('loadConfig: warnings for variables that do nothing', () => {
  it.each([
    [{ TELEGRAM_WEBHOOK_URL: 'https://x.example/h' }, 'TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not'],
    [{ SLACK_SIGNING_SECRET: signing }, 'SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not'],
    [{ TELEGRAM_BOT_TOKEN: tgToken, TELEGRAM_WEBHOOK_URL: 'http://x.example/h', TELEGRAM_WEBHOOK_SECRET: 's' }, 'only delivers webhooks to https'],
  ])('%o', (env, warning) => {
    const result = loadConfig(env, cwd);
    expect(result.ok && result.warnings.join('\n')).toContain(warning);
  });
});

describe('which surfaces and which port', () => {
  it.each<[string, Record<string, string>, number | null, boolean]>([
    ['nothing: console, no server', {}, null, false],
    ['console with PORT', { PORT: '9100' }, 9100, false],
    ['telegram polling needs no server', { TELEGRAM_BOT_TOKEN: tgToken }, null, true],
    ['telegram webhook needs one', { TELEGRAM_BOT_TOKEN: tgToken, TELEGRAM_WEBHOOK_URL: 'https://x.example/h', TELEGRAM_WEBHOOK_SECRET: 's' }, 3000, true],
    ['slack http needs one', { SLACK_BOT_TOKEN: slackToken, SLACK_SIGNING_SECRET: signing }, 3000, true],
    ['slack socket mode needs none', { SLACK_BOT_TOKEN: slackToken, SLACK_APP_TOKEN: appToken }, null, true],
    ['PORT wins', { SLACK_BOT_TOKEN: slackToken, SLACK_SIGNING_SECRET: signing, PORT: '8081' }, 8081, true],
  ])('%s', (_name, env, port, surface) => {
    const config = ok(env);
    expect(httpPort(config)).toBe(port);
    expect(hasSurface(config)).toBe(surface);
  });

  it('socket mode wins when both the signing secret and the app token are set', () => {
    const config = ok({ SLACK_BOT_TOKEN: slackToken, SLACK_SIGNING_SECRET: signing, SLACK_APP_TOKEN: appToken });
    expect(slackMode(config.slack!)).toBe('socket');
  });
});

describe('describeConfig', () => {
  it('says which surfaces are on without any secret value', () => {
    const env = {
      TELEGRAM_BOT_TOKEN: tgToken, TELEGRAM_WEBHOOK_URL: 'https://x.example/tg/hook', TELEGRAM_WEBHOOK_SECRET: 'hooksecret',
      SLACK_BOT_TOKEN: slackToken, SLACK_SIGNING_SECRET: signing, DATABASE_URL: 'postgres://pw:hunter2@db:5432/planwatch',
    };
    const text = describeConfig(ok(env)).join('\n');
    expect(text).toContain('telegram (webhook /tg/hook)');
    expect(text).toContain('slack (http /slack/events, /plans)');
    expect(text).toContain('database: postgres db:5432/planwatch');
    expect(text).toContain('http: port 3000');
    for (const secret of [tgToken, 'hooksecret', slackToken, signing, 'hunter2']) expect(text).not.toContain(secret);
  });

  it('shows API URLs without credentials', () => {
    const text = describeConfig(ok({ TELEGRAM_BOT_TOKEN: tgToken, TELEGRAM_API_ROOT: 'https://bot:pa55@tg.internal:8081/' })).join('\n');
    expect(text).toContain('via https://tg.internal:8081');
    expect(text).not.toContain('pa55');
  });

  it('describes the console', () => {
    expect(describeConfig(ok({})).join('\n')).toMatch(/surfaces: none \(interactive console\)[\s\S]*reminders: off/);
  });
});

describe('readEnv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads .env without overriding the real environment', () => {
    writeFileSync(join(dir, '.env'), '# comment\nPORT=4000\nLOG_LEVEL=debug\nSLACK_COMMAND="/pw"\n');
    const env = readEnv({ env: { PORT: '5000' }, cwd: dir });
    expect(env).toMatchObject({ PORT: '5000', LOG_LEVEL: 'debug', SLACK_COMMAND: '/pw' });
  });

  it('is the environment alone without a .env file', () => {
    expect(readEnv({ env: { PORT: '1' }, cwd: join(dir, 'missing') })).toEqual({ PORT: '1' });
  });
});

describe('.env.example', () => {
  it('lists every variable the runtime reads', async () => {
    const { readFileSync } = await import('node:fs');
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    for (const name of variableNames) expect(example).toMatch(new RegExp(`^#?\\s?${name}=`, 'm'));
  });
});
