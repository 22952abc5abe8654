/**
 * Helpers of the end-to-end tests (not a test file itself): a deployment's environment around the
 * fake Telegram Bot API, a chat command as a Telegram update, one `remind` run to its exit, a command
 * whose output goes to a file or through a slow pipe, and a PostgreSQL database of the test's own.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Update } from 'grammy/types';
import { parseTelegramHtml, type FakeTelegram, type RecordedCall } from '../fakes/telegram-api.ts';
import { repoRoot, startMain, type MainProcess } from '../runtime/support/process.ts';

/** A scratch directory per test file; `cleanup` also kills any process still running. */
export function createWorkspace(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const running = new Set<MainProcess>();
  let count = 0;
  return {
    /** A fresh directory to run one deployment in. */
    freshDir(): string {
      const dir = join(root, `run-${++count}`);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    /** `adapters/main.ts` with `args`, as `npm start` / `npm run remind` run it. */
    start(args: string[], dir: string, env: Record<string, string>): MainProcess {
      const main = startMain(args, { cwd: dir, env });
      running.add(main);
      void main.exited.then(() => running.delete(main));
      return main;
    },
    /** The segmenter's cache, shared by the runs so each does not rebuild it. */
    cacheDir: join(root, 'cache'),
    cleanup(): void {
      for (const p of running) p.kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;

/**
 * The environment of a Telegram deployment against `fake`: the repository's fact base, the given
 * database, and a server `TZ` far from Asia/Shanghai so a zone mistake shows. The scheduler of
 * `start` ticks once at start (before any subscription) and not again for a day: only `remind`
 * sends, at the instant the test names.
 */
export function telegramEnv(workspace: Workspace, fake: FakeTelegram, databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: '123456:E2E-token',
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: databaseUrl,
    PLANWATCH_KNOWLEDGE_DIR: join(repoRoot, 'knowledge'),
    PLANWATCH_SEEDS_DIR: join(repoRoot, 'seeds'),
    PLANWATCH_CACHE_DIR: workspace.cacheDir,
    REMINDER_INTERVAL_MS: '86400000',
    LOG_LEVEL: 'info',
    TZ: 'America/New_York',
    ...extra,
  };
}

let messageCount = 0;

/** A private-chat message as Telegram delivers it; a leading `/command` carries its bot_command entity. */
export function messageUpdate(chatId: number, text: string): Omit<Update, 'update_id'> {
  const command = /^\/\w+/.exec(text);
  return {
    message: {
      message_id: ++messageCount,
      date: Math.floor(Date.now() / 1000),
      text,
      ...(command ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] } : {}),
      chat: { id: chatId, type: 'private', first_name: 'Analyst' },
      from: { id: chatId, is_bot: false, first_name: 'Analyst' },
    },
  } as Omit<Update, 'update_id'>;
}

/** Starts the bot, sends `text` from `chatId`, waits for the bot's reply to it, stops the bot; returns the reply's plain text. */
export async function chatOnce(workspace: Workspace, fake: FakeTelegram, env: Record<string, string>, chatId: number, text: string): Promise<string> {
  const bot = workspace.start(['start'], workspace.freshDir(), env);
  await bot.waitForLine(/telegram: polling/, 30_000);
  const before = fake.calls.length;
  fake.enqueueUpdate(messageUpdate(chatId, text));
  const reply = await fake.waitFor('sendMessage', (c) => fake.calls.indexOf(c) >= before && String(c.params['chat_id']) === String(chatId), 15_000);
  bot.child.kill('SIGTERM');
  const code = await bot.exited;
  if (code !== 0) throw new Error(`start exited ${code}\n${bot.stderr()}`);
  return plainText(reply);
}

/** What a command did: its exit code and output. */
export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `remind ...args` to its exit. */
export async function remind(workspace: Workspace, env: Record<string, string>, args: string[]): Promise<CommandRun> {
  const run = workspace.start(['remind', ...args], workspace.freshDir(), env);
  run.child.stdin.end();
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

let outputs = 0;

/**
 * Runs `argv` in `cwd` with exactly `env` (plus PATH), standard output to a file in `dir` (`> out`),
 * or, with `slowPipe`, through a pipe (a FIFO, as a shell makes) to a consumer that reads the first
 * byte and then nothing for half a second (`| { …; sleep 0.5; cat; } > out`): output beyond what the
 * pipe holds reaches the reader only if the command waits for it before exiting. With `slowPipe` the
 * exit code is the reader's.
 */
export async function runToFile(
  argv: string[],
  options: { cwd: string; dir: string; env: Record<string, string>; slowPipe?: boolean },
): Promise<CommandRun> {
  const file = join(options.dir, `stdout-${++outputs}`);
  const fd = openSync(file, 'w');
  const [command, ...args] = options.slowPipe
    ? ['sh', '-c', '"$@" | { dd bs=1 count=1 2>/dev/null; sleep 0.5; cat; }', 'sh', ...argv]
    : argv;
  const child = spawn(command!, args, {
    cwd: options.cwd, env: { PATH: process.env.PATH ?? '', HOME: options.dir, ...options.env }, stdio: ['ignore', fd, 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk) => (err += String(chunk)));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  closeSync(fd);
  return { code, stdout: readFileSync(file, 'utf8'), stderr: err };
}

/** The text a user sees of a sendMessage call (Telegram HTML parsed as Telegram does). */
export function plainText(call: RecordedCall): string {
  const text = String(call.params['text'] ?? '');
  if (call.params['parse_mode'] !== 'HTML') return text;
  const parsed = parseTelegramHtml(text);
  if (!parsed.ok) throw new Error(`e2e: the bot sent invalid Telegram HTML (${parsed.error}): ${text}`);
  return parsed.text;
}

/** The local PostgreSQL (trust auth), as the store tests use it. */
export const POSTGRES_URL = process.env.PLANWATCH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database of the test's own on the local PostgreSQL; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pw_e2e_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
