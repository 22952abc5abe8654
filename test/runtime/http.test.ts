import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { checkReadiness, createHttpServer, type HttpServer, type ReadinessCheck } from '../../src/runtime/http.ts';
import { createInFlightTracker } from '../../src/runtime/lifecycle.ts';
import { createLogger } from '../../src/runtime/logger.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';

const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });

/** A store stand-in whose database can be "taken down". */
function fakeStore() {
  const state = { up: true };
  return {
    state,
    async ping() {
      if (!state.up) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    },
  };
}

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close(100)));
});

async function start(checks: ReadinessCheck[], draining = () => false) {
  const metrics = createMetrics({ surfaces: ['telegram'] });
  const tracker = createInFlightTracker();
  const http = createHttpServer({ logger, metrics, checks, draining, tracker, checkTimeoutMs: 200 });
  servers.push(http);
  const port = await http.listen(0, '127.0.0.1');
  return { http, metrics, tracker, url: (path: string) => `http://127.0.0.1:${port}${path}` };
}

describe('the HTTP server on a real port', () => {
  it('/healthz is 200 while the process runs, whatever readiness says', async () => {
    const { url } = await start([{ name: 'database', check: () => 'down' }]);
    const res = await fetch(url('/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'alive' });
  });

  it('/readyz is 200 when the store answers and 503 with the reason when it does not', async () => {
    const store = fakeStore();
    const { url } = await start([
      { name: 'facts', check: () => null },
      { name: 'database', check: async () => ((await store.ping()) === undefined ? null : 'unreachable') },
    ]);
    const up = await fetch(url('/readyz'));
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ready', checks: { facts: 'ok', database: 'ok' }, reasons: [] });

    store.state.up = false;
    const down = await fetch(url('/readyz'));
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toContain('application/json');
    expect(await down.json()).toEqual({
      status: 'not ready',
      checks: { facts: 'ok', database: 'connect ECONNREFUSED 127.0.0.1:5432' },
      reasons: ['database: connect ECONNREFUSED 127.0.0.1:5432'],
    });

    store.state.up = true;
    expect((await fetch(url('/readyz'))).status).toBe(200);
  });

  it('/readyz counts a check that hangs as failed', async () => {
    const { url } = await start([{ name: 'database', check: () => new Promise<null>(() => {}) }]);
    const res = await fetch(url('/readyz'));
    expect(res.status).toBe(503);
    expect((await res.json()).reasons).toEqual(['database: no answer within 200 ms']);
  });

  it('/metrics serves the Prometheus text of the registry', async () => {
    const { url, metrics } = await start([]);
    metrics.recordAnswer({ surface: 'telegram', latencyMs: 5, answered: false, factIds: [], question: 'q' });
    metrics.setFactCount(7);
    const res = await fetch(url('/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(metrics.contentType);
    const text = await res.text();
    expect(text).toContain('planwatch_questions_total{surface="telegram",outcome="refused"} 1');
    expect(text).toContain('planwatch_facts 7');
    expect(text).toContain('# TYPE planwatch_answer_latency_seconds histogram');
  });

  it.each([
    ['/nope', 'GET', 404],
    ['/slack/events', 'POST', 404],
    ['/healthz', 'POST', 405],
    ['/metrics', 'DELETE', 405],
    ['/healthz?probe=1', 'GET', 200],
    ['/healthz', 'HEAD', 200],
  ])('%s %s → %i', async (path, method, status) => {
    const { url } = await start([]);
    const res = await fetch(url(path), { method });
    expect(res.status).toBe(status);
  });

  it('serves mounted routes with the body untouched, and tracks them until the response is done', async () => {
    const { http, url, tracker } = await start([]);
    let seenInFlight = -1;
    http.mount('/slack/events', async (req, res) => {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      seenInFlight = tracker.size;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`echo ${req.method} ${body}`);
    });
    const res = await fetch(url('/slack/events'), { method: 'POST', body: 'payload=1' });
    expect(await res.text()).toBe('echo POST payload=1');
    expect(seenInFlight).toBe(1);
    await tracker.idle();
    expect(tracker.size).toBe(0);
  });

  it('answers 500 when a mounted handler throws, and keeps serving', async () => {
    const { http, url } = await start([]);
    http.mount('/boom', () => {
      throw new Error('adapter bug');
    });
    expect((await fetch(url('/boom'), { method: 'POST' })).status).toBe(500);
    expect((await fetch(url('/healthz'))).status).toBe(200);
  });

  it('refuses to mount a path twice or over a built-in route', async () => {
    const { http } = await start([]);
    http.mount('/telegram/webhook', () => {});
    expect(() => http.mount('/telegram/webhook', () => {})).toThrow(/already served/);
    expect(() => http.mount('/metrics', () => {})).toThrow(/already served/);
  });

  it('while draining: /readyz and mounted routes 503, /healthz still 200', async () => {
    let draining = false;
    const { http, url } = await start([], () => draining);
    let calls = 0;
    http.mount('/telegram/webhook', (_req, res) => {
      calls++;
      res.end('ok');
    });
    draining = true;
    expect((await fetch(url('/telegram/webhook'), { method: 'POST', body: '{}' })).status).toBe(503);
    const ready = await fetch(url('/readyz'));
    expect(ready.status).toBe(503);
    expect((await ready.json()).reasons).toEqual(['shutting down']);
    expect((await fetch(url('/healthz'))).status).toBe(200);
    expect(calls).toBe(0);
  });

  it('close() lets a response in progress finish', async () => {
    const { http, url } = await start([]);
    http.mount('/slow', (_req, res) => {
      setTimeout(() => res.end('finished'), 150);
    });
    const pending = fetch(url('/slow'), { method: 'POST' }).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 30));
    await http.close(2000);
    expect(await pending).toBe('finished');
  });
});

describe('checkReadiness', () => {
  it.each<[string, ReadinessCheck['check'], string]>([
    ['null is ok', () => null, 'ok'],
    ['a string is the reason', () => 'not connected', 'not connected'],
    ['a rejection gives its message', () => Promise.reject(new Error('db down')), 'db down'],
    ['a throw gives its message', () => { throw new Error('boom'); }, 'boom'],
  ])('%s', async (_name, check, shown) => {
    const readiness = await checkReadiness([{ name: 'x', check }]);
    expect(readiness.checks.x).toBe(shown);
    expect(readiness.status).toBe(shown === 'ok' ? 'ready' : 'not ready');
  });
});
