import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type MainIo } from '../../adapters/main.ts';

const cwd = mkdtempSync(join(tmpdir(), 'pw-main-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Runs `main` in-process with recorded output and exit code. Only paths that stop before starting anything. */
async function run(argv: string[], env: Record<string, string>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const codes: number[] = [];
  const io: MainIo = { env, cwd, stdin: new PassThrough(), stdout, stderr, exit: (code) => codes.push(code) };
  await main(argv, io);
  return { codes, out, err };
}

describe('main: stops before starting anything', () => {
  it.each<[string[], Record<string, string>, string]>([
    [['start'], { PORT: '99999' }, 'config: PORT must be an integer 0-65535'],
    [['start'], { LOG_LEVEL: 'verbose' }, 'config: LOG_LEVEL must be one of'],
    [['start'], { TELEGRAM_BOT_TOKEN: '1:a', TELEGRAM_WEBHOOK_URL: 'https://x.example/h' }, 'config: TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL'],
    [['start'], { SLACK_BOT_TOKEN: 'xoxb-1' }, 'config: SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is required with SLACK_BOT_TOKEN'],
    [['remind', '--now', '2023-12-01T12:00:00+08:00'], { DATABASE_URL: 'mysql://x' }, 'config: DATABASE_URL must be sqlite:PATH or postgres://'],
    [['serve'], {}, 'usage: tsx adapters/main.ts start | remind'],
    [['start', 'extra'], {}, 'usage: tsx adapters/main.ts start | remind'],
  ])('%j with %o exits 2', async (argv, env, message) => {
    const { codes, out, err } = await run(argv, env);
    expect(codes).toEqual([2]);
    expect(err).toContain(message);
    expect(out).toBe('');
  });
});
