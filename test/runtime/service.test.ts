import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Planwatch } from '../../src/planwatch.ts';
import { loadConfig, type Config } from '../../src/runtime/config.ts';
import { renderAnswerText } from '../../src/runtime/console.ts';
import { createLogger } from '../../src/runtime/logger.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';
import { createReloadingPlanwatch } from '../../src/runtime/reload.ts';
import { createTicker, startService, type ReminderRunner, type SurfaceHandle } from '../../src/runtime/service.ts';
import { createTestPlanwatch } from '../support/planwatch.ts';

const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls `condition` until it holds (fails the test after `timeoutMs`). */
async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await sleep(10);
  }
}
const dir = mkdtempSync(join(tmpdir(), 'pw-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(env: Record<string, string>): Config {
  const result = loadConfig({ PLANWATCH_KNOWLEDGE_DIR: dir, ...env }, dir);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.config;
}

/** A store stand-in that records its life. */
function fakeStore() {
  const events: string[] = [];
  const state = { up: true, closed: false };
  return {
    events,
    state,
    async ping() {
      if (!state.up) throw new Error('connect ECONNREFUSED');
    },
    async close() {
      state.closed = true;
      events.push('store closed');
    },
  };
}

/**
 * A chat surface stand-in mounted at /hook: the body is a question; the answer goes back after
 * `sendMs` (a slow chat API), the way a webhook adapter answers in the response.
 */
function fakeSurface(planwatch: Planwatch, options: { sendMs?: number; failStart?: boolean } = {}) {
  const events: string[] = [];
  let ready = false;
  const surface: SurfaceHandle = {
    surface: 'telegram',
    notifier: { surface: 'telegram', send: async () => {} },
    route: {
      path: '/hook',
      handler: async (req, res) => {
        let question = '';
        for await (const chunk of req) question += String(chunk);
        events.push('question received');
        const answer = planwatch.ask(question, { surface: 'telegram' });
        await sleep(options.sendMs ?? 0);
        res.end(answer.text);
        events.push('answer delivered');
      },
    },
    start: async () => {
      if (options.failStart) throw new Error('401 Unauthorized: bad token');
      ready = true;
    },
    stop: async () => {
      ready = false;
      events.push('surface stopped');
    },
    isReady: () => ready,
  };
  return { surface, events };
}

/** A promise with its resolve exposed. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function setup(options: { sendMs?: number; failStart?: boolean; reminders?: ReminderRunner | null; env?: Record<string, string> } = {}) {
  const { planwatch } = await createTestPlanwatch();
  const core = await createReloadingPlanwatch(async () => planwatch);
  const store = fakeStore();
  const metrics = createMetrics();
  const { surface, events } = fakeSurface(core.planwatch, options);
  const exits: number[] = [];
  const service = await startService({
    config: config({ PORT: '0', REMINDER_INTERVAL_MS: '100', ...options.env }),
    logger, metrics, store, core, surfaces: [surface], reminders: options.reminders ?? null,
    signals: false, host: '127.0.0.1', exit: (code) => exits.push(code),
  });
  const url = (path: string) => `http://127.0.0.1:${service.port}${path}`;
  return { service, store, metrics, events, exits, url, planwatch };
}

describe('startService with a chat surface', () => {
  it('is ready when the store answers and the surface is connected; 503 naming the database when it is down', async () => {
    const { service, store, url } = await setup();
    await sleep(10);
    const ready = await fetch(url('/readyz'));
    expect(ready.status).toBe(200);
    expect((await ready.json()).checks).toEqual({ facts: 'ok', database: 'ok', telegram: 'ok' });
    store.state.up = false;
    const down = await fetch(url('/readyz'));
    expect(down.status).toBe(503);
    expect((await down.json()).reasons).toEqual(['database: connect ECONNREFUSED']);
    await service.lifecycle.shutdown('test');
  });

  it('on shutdown delivers the answer in flight, refuses new requests, closes the store last, exits 0', async () => {
    const { service, store, events, exits, url, planwatch } = await setup({ sendMs: 300 });
    const question = planwatch.summary().examples[0] ?? '河南5G基站目标';
    const inFlight = fetch(url('/hook'), { method: 'POST', body: question }).then(async (r) => [r.status, await r.text()] as const);
    await waitFor(() => events.includes('question received'));
    const stopped = service.lifecycle.shutdown('SIGTERM');
    const refused = await fetch(url('/hook'), { method: 'POST', body: question }).then((r) => r.status).catch(() => 'connection closed');
    expect([503, 'connection closed']).toContain(refused);
    expect(await inFlight).toEqual([200, planwatch.ask(question).text]);
    expect(await stopped).toBe(0);
    expect(await service.stopped).toBe(0);
    expect(exits).toEqual([0]);
    expect(store.state.closed).toBe(true);
    expect([...events, ...store.events]).toEqual(['question received', 'surface stopped', 'answer delivered', 'store closed']);
  });

  it('exits 1 when a surface cannot start', async () => {
    const { service, store } = await setup({ failStart: true });
    expect(await service.stopped).toBe(1);
    expect(store.state.closed).toBe(true);
  });

  it('ticks the reminders, counts them in /metrics, and lets the current tick finish on shutdown', async () => {
    const ticks: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const reminders: ReminderRunner = {
      async tick(now) {
        const n = ticks.filter((t) => t.startsWith('start')).length;
        ticks.push(`start ${now.toISOString()}`);
        await gates[n]!.promise;
        ticks.push('end');
        return { sent: 2, failed: 1 };
      },
    };
    const { service, url } = await setup({ reminders });
    await waitFor(() => ticks.length === 1); // the first tick runs at start
    gates[0]!.resolve();
    await waitFor(async () => (await (await fetch(url('/metrics'))).text()).includes('planwatch_reminders_sent_total 2'));
    expect(await (await fetch(url('/metrics'))).text()).toContain('planwatch_reminders_failed_total 1');
    await waitFor(() => ticks.length === 3); // the second tick is running
    let done = false;
    const stopped = service.lifecycle.shutdown('SIGTERM').then((code) => ((done = true), code));
    await sleep(50);
    expect(done).toBe(false);
    gates[1]!.resolve();
    expect(await stopped).toBe(0);
    expect(ticks).toEqual([expect.stringMatching(/^start /), 'end', expect.stringMatching(/^start /), 'end']);
  });

  it('reloads the core when facts.json changes', async () => {
    writeFileSync(join(dir, 'facts.json'), '{"version":1,"facts":[]}');
    let loads = 0;
    const { planwatch } = await createTestPlanwatch();
    const core = await createReloadingPlanwatch(async () => {
      loads++;
      return planwatch;
    });
    const service = await startService({
      config: config({}), logger, metrics: createMetrics(), store: fakeStore(), core,
      surfaces: [fakeSurface(planwatch).surface], reminders: null, signals: false, exit: () => {}, watchDebounceMs: 30,
    });
    expect(service.port).toBeNull(); // polling surface, no PORT: no server
    writeFileSync(join(dir, 'facts.json'), '{"version":1,"facts":[{"changed":true}]}');
    await waitFor(() => loads === 2);
    await sleep(100);
    expect(loads).toBe(2);
    await service.lifecycle.shutdown('test');
  });
});

describe('startService in console mode', () => {
  it('answers piped lines, then shuts down with exit 0 and the store closed', async () => {
    const { planwatch } = await createTestPlanwatch();
    const core = await createReloadingPlanwatch(async () => planwatch);
    const store = fakeStore();
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c) => (out += String(c)));
    const service = await startService({
      config: config({}), logger, metrics: createMetrics(), store, core, surfaces: [], reminders: null,
      signals: false, exit: () => {},
      console: { input, output, errorOutput: new PassThrough(), interactive: false, color: false },
    });
    const question = planwatch.summary().examples[0] ?? '河南5G基站目标';
    input.end(`${question}\n`);
    expect(await service.stopped).toBe(0);
    expect(out).toBe(`${renderAnswerText(planwatch.ask(question))}\n`);
    expect(store.state.closed).toBe(true);
  });
});

describe('createTicker', () => {
  it('never runs two ticks at once and goes on after a failing one', async () => {
    let running = 0;
    let overlap = false;
    let calls = 0;
    const ticker = createTicker({
      intervalMs: 10,
      logger,
      clock: () => new Date('2023-12-01T04:00:00Z'),
      tick: async (now) => {
        expect(now.toISOString()).toBe('2023-12-01T04:00:00.000Z');
        calls++;
        running++;
        if (running > 1) overlap = true;
        await sleep(25);
        running--;
        if (calls === 1) throw new Error('transient');
      },
    });
    ticker.start();
    await waitFor(() => calls >= 3);
    await ticker.stop();
    expect(overlap).toBe(false);
    const after = calls;
    await sleep(50);
    expect(calls).toBe(after);
  });
});
