/**
 * The real process: `adapters/main.ts` started as a child, as `npm start` runs it. Expected answers
 * come from an in-test core over the same fact base, never from hard-coded figures (except the
 * figure of the document this file writes itself for the reload test).
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanwatch } from '../../src/planwatch.ts';
import { renderAnswerText } from '../../src/runtime/console.ts';
import { openStore } from '../../src/store/open.ts';
import { startFakeSlack } from '../fakes/slack-api.ts';
import { startFakeTelegram } from '../fakes/telegram-api.ts';
import { listeningPort, repoRoot, startHoldingProxy, startMain, startTcpProxy, type MainProcess } from './support/process.ts';

const TODAY = '2023-06-01';
const work = mkdtempSync(join(tmpdir(), 'pw-process-'));
const sharedCache = join(work, 'cache');
const running = new Set<MainProcess>();
afterAll(() => {
  for (const p of running) p.kill();
  rmSync(work, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`waitFor: ${what} not met within ${timeoutMs} ms`);
    await sleep(25);
  }
}

let dirCount = 0;
const freshDir = () => {
  const dir = join(work, `run-${++dirCount}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** The environment of a run: the repository's fact base, a fixed "today", a database in the run's directory. */
function baseEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PLANWATCH_KNOWLEDGE_DIR: join(repoRoot, 'knowledge'),
    PLANWATCH_SEEDS_DIR: join(repoRoot, 'seeds'),
    PLANWATCH_CACHE_DIR: sharedCache,
    PLANWATCH_TODAY: TODAY,
    DATABASE_URL: `sqlite:${join(dir, 'data', 'planwatch.db')}`,
    ...extra,
  };
}

function start(args: string[], dir: string, env: Record<string, string>): MainProcess {
  const main = startMain(args, { cwd: dir, env });
  running.add(main);
  void main.exited.then(() => running.delete(main));
  return main;
}

/**
 * An in-test core over the given fact base, for the expected answers. It shares the processes' cache directory,
 * as replicas may (the files are written atomically).
 */
async function expectedCore(knowledgeDir = join(repoRoot, 'knowledge'), seedsDir = join(repoRoot, 'seeds')) {
  const store = await openStore('sqlite::memory:');
  const planwatch = createPlanwatch({ knowledgeDir, seedsDir, cacheDir: sharedCache, store, today: () => TODAY });
  return { planwatch, close: () => store.close() };
}

/** The expected answers over the repository's fact base, built once; this also fills the cache before the first start. */
let repoCore: Awaited<ReturnType<typeof expectedCore>>;
beforeAll(async () => {
  repoCore = await expectedCore();
});
afterAll(() => repoCore?.close());

const refusedQuestion = '火星2099年殖民地人口目标';

/** A Telegram update: a private message from user `chatId`. */
const privateMessage = (messageId: number, chatId: number, text: string) => ({
  message: {
    message_id: messageId, date: Math.floor(Date.now() / 1000), text,
    chat: { id: chatId, type: 'private' as const, first_name: 'Analyst' }, from: { id: chatId, is_bot: false, first_name: 'Analyst' },
  },
});

/** `npm run ingest -- FILE` with the run's environment, as an operator runs it next to the live process. */
async function runIngest(file: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const ingest = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'cli.ts'), 'ingest', file], {
    cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  ingest.stderr.on('data', (chunk) => (stderr += String(chunk)));
  // 'close', not 'exit': stderr is fully read by then.
  const code = await new Promise<number | null>((resolve) => ingest.on('close', resolve));
  return { code, stderr };
}

/** PostgreSQL on this machine (CI starts it), for the database-down test. */
const pgUp = await new Promise<boolean>((resolve) => {
  const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 2000 });
  client.connect().then(() => client.end().then(() => resolve(true)), () => resolve(false));
});

// Each test starts one or two Node processes; on a busy 2-core machine that alone can take 10 s.
describe('the real process', { timeout: 60_000 }, () => {
  it('console mode answers piped questions on stdout and exits 0 at end of input', async () => {
    const { planwatch } = repoCore;
    const questions = [...planwatch.summary().examples.slice(0, 2), refusedQuestion];
    const dir = freshDir();
    const main = start(['start'], dir, baseEnv(dir));
    main.child.stdin.end(`${questions.join('\n')}\ndeadlines 河南\n`);
    expect(await main.exited).toBe(0);
    const expected = [...questions.map((q) => planwatch.ask(q)), planwatch.deadlines('河南')].map((a) => renderAnswerText(a));
    expect(main.stdout()).toBe(`${expected.join('\n\n')}\n`);
    expect(main.stderr()).not.toMatch(/"level":"(error|fatal)"/);
  });

  it('a config error names the variable and what it expects, and exits 2 before starting anything', async () => {
    const dir = freshDir();
    const main = start(['start'], dir, baseEnv(dir, { PORT: 'abc', SLACK_BOT_TOKEN: 'xoxb-1-2' }));
    main.child.stdin.end();
    expect(await main.exited).toBe(2);
    expect(main.stderr()).toBe([
      'config: PORT must be an integer 0-65535 (0 picks a free port), got "abc"',
      'config: SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is required with SLACK_BOT_TOKEN (the signing secret for HTTP mode at /slack/events, or an xapp- token for Socket Mode)',
      '',
    ].join('\n'));
    expect(main.stdout()).toBe('');
  });

  it('serves health, readiness and metrics over HTTP, counting console questions', async () => {
    const { planwatch } = repoCore;
    const dir = freshDir();
    const main = start(['start'], dir, baseEnv(dir, { PORT: '0', LOG_LEVEL: 'info' }));
    const port = await listeningPort(main);
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;
    expect((await fetch(url('/healthz'))).status).toBe(200);
    const ready = await fetch(url('/readyz'));
    expect(ready.status).toBe(200);
    expect((await ready.json()).checks).toEqual({ facts: 'ok', database: 'ok' });

    const questions = [planwatch.summary().examples[0]!, refusedQuestion];
    const answers = questions.map((q) => planwatch.ask(q));
    const lastText = renderAnswerText(answers.at(-1)!);
    main.child.stdin.write(`${questions.join('\n')}\n`);
    await waitFor(() => main.stdout().includes(lastText), 10_000, 'both answers');
    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toContain(`planwatch_facts ${planwatch.summary().facts}`);
    for (const outcome of ['answered', 'refused'] as const) {
      const count = answers.filter((a) => a.answered === (outcome === 'answered')).length;
      expect(metrics).toContain(`planwatch_questions_total{surface="console",outcome="${outcome}"} ${count}`);
    }
    expect(metrics).toContain('planwatch_answer_latency_seconds_count{surface="console"} 2');
    expect(metrics).toContain('planwatch_reminders_sent_total 0');
    expect(main.stderr()).toMatch(/"event":"answer","surface":"console"/);

    main.child.stdin.end();
    expect(await main.exited).toBe(0);
  });

  it.skipIf(!pgUp)('answers 503 on /readyz while PostgreSQL is unreachable, and 200 again once it is back', async () => {
    const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
    await admin.connect();
    const database = `planwatch_runtime_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${database}`);
    const proxy = await startTcpProxy(5432);
    try {
      const dir = freshDir();
      const main = start(['start'], dir, baseEnv(dir, { PORT: '0', LOG_LEVEL: 'info', DATABASE_URL: `postgres://postgres@127.0.0.1:${proxy.port}/${database}` }));
      const port = await listeningPort(main);
      const url = (path: string) => `http://127.0.0.1:${port}${path}`;
      expect((await fetch(url('/readyz'))).status).toBe(200);

      await proxy.down();
      const down = await fetch(url('/readyz'));
      expect(down.status).toBe(503);
      const body = (await down.json()) as { status: string; reasons: string[] };
      expect(body.status).toBe('not ready');
      expect(body.reasons).toHaveLength(1);
      expect(body.reasons[0]).toMatch(/^database: /);
      expect((await fetch(url('/healthz'))).status).toBe(200);

      await proxy.up();
      await waitFor(async () => (await fetch(url('/readyz'))).status === 200, 10_000, 'ready again');
      main.child.stdin.end();
      expect(await main.exited).toBe(0);
    } finally {
      await proxy.close();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('on SIGTERM with a Telegram answer in flight: stops taking work, delivers that answer, exits 0 within 10 s', async () => {
    const { planwatch } = repoCore;
    const fake = await startFakeTelegram({ maxPollMs: 200 });
    const proxy = await startHoldingProxy(fake.apiRoot);
    try {
      const dir = freshDir();
      const main = start(['start'], dir, baseEnv(dir, {
        TELEGRAM_BOT_TOKEN: '123456:TEST-token', TELEGRAM_API_ROOT: proxy.url, PORT: '0', REMINDER_INTERVAL_MS: '60000',
      }));
      const port = await listeningPort(main);
      await main.waitForLine(/telegram: polling/);
      const question = planwatch.summary().examples[0]!;
      const held = proxy.hold('sendMessage');
      fake.enqueueUpdate(privateMessage(1, 777, question));
      await held.arrived;
      const signalled = Date.now();
      main.child.kill('SIGTERM');
      await main.waitForLine(/shutdown: stopping new work/);
      // Intake is closed: this one stays unconfirmed at Telegram, for the next replica or start.
      fake.enqueueUpdate(privateMessage(2, 778, planwatch.summary().examples[1]!));
      expect(main.child.exitCode).toBeNull(); // still finishing the held answer
      const draining = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(draining.status).toBe(503);
      expect((await draining.json()).reasons).toEqual(['shutting down']);

      held.release();
      expect(await main.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      const sent = fake.delivered('sendMessage');
      expect(sent).toHaveLength(1);
      expect(String(sent[0]!.params['chat_id'])).toBe('777');
      const answer = planwatch.ask(question);
      expect(String(sent[0]!.params['text'])).toContain(answer.facts[0]?.value ?? answer.headline);
      expect(`${main.stdout()}${main.stderr()}`).not.toContain('TEST-token');
    } finally {
      await proxy.close();
      await fake.close();
    }
  });

  it('runs Slack in HTTP mode on the runtime\'s port: a signed mention is answered in its thread', async () => {
    const { planwatch } = repoCore;
    const fake = await startFakeSlack();
    try {
      const dir = freshDir();
      const secret = 'test-signing-secret';
      const main = start(['start'], dir, baseEnv(dir, {
        SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: secret, SLACK_API_URL: fake.apiUrl, PORT: '0',
      }));
      const port = await listeningPort(main);
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200, 10_000, 'slack ready');
      const question = planwatch.summary().examples[0]!;
      const body = JSON.stringify({
        type: 'event_callback', team_id: 'T0TEAM', api_app_id: 'A1', event_id: 'Ev0RUNTIME', event_time: 1_700_000_000,
        event: { type: 'app_mention', user: 'U0ANALYST', text: `<@UPLANBOT> ${question}`, ts: '1700000000.000100', channel: 'C0PLANS', event_ts: '1700000000.000100' },
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST', body,
        headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
      });
      expect(res.status).toBe(200);
      const posted = await fake.waitFor('chat.postMessage', undefined, 10_000);
      expect(posted.body['channel']).toBe('C0PLANS');
      expect(posted.body['thread_ts']).toBe('1700000000.000100');
      const answer = planwatch.ask(question);
      expect(String(posted.body['text'])).toContain(answer.facts[0]?.value ?? answer.headline);

      const forged = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST', body, headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': 'v0=00' },
      });
      expect(forged.status).toBe(401);
      main.child.kill('SIGTERM');
      expect(await main.exited).toBe(0);
      for (const secretValue of ['xoxb-test-token', secret]) expect(`${main.stdout()}${main.stderr()}`).not.toContain(secretValue);
    } finally {
      await fake.close();
    }
  });

  it('reloads the fact base after `ingest` without a restart: a new document\'s figure becomes answerable', async () => {
    const dir = freshDir();
    const knowledgeDir = join(dir, 'knowledge');
    const seedsDir = join(dir, 'seeds');
    cpSync(join(repoRoot, 'knowledge'), knowledgeDir, { recursive: true });
    cpSync(join(repoRoot, 'seeds'), seedsDir, { recursive: true });
    const env = baseEnv(dir, { PLANWATCH_KNOWLEDGE_DIR: knowledgeDir, PLANWATCH_SEEDS_DIR: seedsDir, LOG_LEVEL: 'info' });
    const question = '青海2023年数据中心标准机架数目标';
    const before = await expectedCore(knowledgeDir, seedsDir);
    const beforeText = renderAnswerText(before.planwatch.ask(question));
    await before.close();
    expect(beforeText).not.toContain('12345');

    const main = start(['start'], dir, env);
    main.child.stdin.write(`${question}\n`);
    await waitFor(() => main.stdout().includes(beforeText), 15_000, 'the answer before ingest');

    const document = join(dir, 'qinghai.txt');
    writeFileSync(document, '青海省2023年数字经济发展工作要点\n发布日期：2023-05-10\n到2023年底，青海省数据中心标准机架数达到12345个，力争全省数字经济核心产业增加值增长9.5%。\n');
    expect(await runIngest(document, env)).toEqual({ code: 0, stderr: '' });
    await main.waitForLine(/reload: fact base swapped/, 15_000);

    const after = await expectedCore(knowledgeDir, seedsDir);
    const afterAnswer = after.planwatch.ask(question);
    await after.close();
    expect(afterAnswer.answered).toBe(true);
    const afterText = renderAnswerText(afterAnswer);
    expect(afterText).toContain('12345');
    main.child.stdin.end(`${question}\n`);
    expect(await main.exited).toBe(0);
    expect(main.stdout()).toBe(`${beforeText}\n\n${afterText}\n`);
  });

  it('remind runs one tick from the same environment and prints it as JSON', async () => {
    const dir = freshDir();
    const main = start(['remind', '--now', '2023-12-01T12:00:00+08:00', '--dry-run', '--json'], dir, baseEnv(dir));
    main.child.stdin.end();
    expect(await main.exited).toBe(0);
    expect(JSON.parse(main.stdout())).toMatchObject({ now: '2023-12-01T04:00:00.000Z', dryRun: true, sent: [], failed: [] });
  });
});
