/**
 * A fake Slack Web API on 127.0.0.1 (port 0) for adapter tests: a real HTTP server that
 * records every call and answers like Slack, including Slack's refusals (invalid_blocks
 * beyond the Block Kit limits, 429 with Retry-After, channel errors on demand).
 * Point the adapter at it with `slackApiUrl: fake.apiUrl`; use `fake.responseUrl()` as a slash command's response_url.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { holdMethod, type Holds } from './holds.ts';

/** One request the fake received. */
export interface FakeSlackCall {
  /** Web API method (`chat.postMessage`), or `response` for a response_url POST. */
  method: string;
  /** For `response`: the id in `/response/<id>`. */
  responseId?: string;
  /** The body, parsed from form or JSON; `blocks`, `attachments` and `metadata` form fields are JSON-decoded. */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** HTTP status the fake answered. */
  status: number;
  /** `ok` of the answer (Web API calls only). */
  ok: boolean;
  /** `performance.now()` when the request arrived. */
  at: number;
}

/** A failure to play on the next call(s) of a method (`error` on a response_url: a 400 with that body). */
export type FakeSlackFailure = { status: 429; retryAfter: number } | { status: 500 } | { error: string };

export interface FakeSlack {
  /** Base URL for `slackApiUrl`, ending in `/api/`. */
  apiUrl: string;
  /** Base URL of the server, without a trailing slash. */
  url: string;
  /** Every call so far, in arrival order. */
  calls: FakeSlackCall[];
  /** Calls of one method. */
  callsOf(method: string): FakeSlackCall[];
  /** A fresh response_url on this server (`…/response/<id>`). */
  responseUrl(id?: string): string;
  /** Resolves with the first call (past or future) of `method` matching `predicate`; rejects after `timeoutMs`. */
  waitFor(method: string, predicate?: (call: FakeSlackCall) => boolean, timeoutMs?: number): Promise<FakeSlackCall>;
  /** Fails the next `times` calls of `method`. */
  failNext(method: string, failure: FakeSlackFailure, times?: number): void;
  /**
   * Holds every call of `method` (`response` for response_urls) unanswered until `release()`; `arrived` resolves
   * when the first one comes in. For ordering tests: what happens while an answer is still on its way.
   */
  hold(method: string): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

/** Identity the fake's auth.test reports. */
export const fakeSlackIdentity = { userId: 'UPLANBOT', botId: 'BPLANBOT', teamId: 'T0TEAM', user: 'planwatch' } as const;

const jsonFields = new Set(['blocks', 'attachments', 'metadata', 'view']);

/** Starts the fake on 127.0.0.1, port 0. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: FakeSlackCall[] = [];
  const failures = new Map<string, FakeSlackFailure[]>();
  const waiters = new Set<(call: FakeSlackCall) => void>();
  const holds: Holds = new Map();
  let ts = 1_700_000_000;
  let responseIds = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const raw = await readBody(req);
    const body = parseBody(raw, req.headers['content-type']);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const held = holds.get(path.startsWith('/response/') ? 'response' : path.replace(/^\/api\//, ''));
    if (held) {
      held.arrived();
      await held.gate;
    }
    const record = (call: Omit<FakeSlackCall, 'headers' | 'at' | 'body'>): void => {
      const full: FakeSlackCall = { ...call, body, headers: req.headers, at };
      calls.push(full);
      for (const w of [...waiters]) w(full);
    };

    const response = /^\/response\/([^/]+)$/.exec(path);
    if (response) {
      const failure = takeFailure('response');
      const problem = failure && 'error' in failure ? failure.error : body.delete_original === true ? undefined : messageProblem(body);
      const status = failure && 'status' in failure ? failure.status : problem ? 400 : 200;
      record({ method: 'response', responseId: response[1], status, ok: status === 200 });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'ok' : (problem ?? 'error'));
      return;
    }

    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (!api || req.method !== 'POST') {
      record({ method: `unknown:${req.method} ${path}`, status: 404, ok: false });
      res.writeHead(404);
      res.end();
      return;
    }
    const method = api[1]!;
    const reply = (status: number, payload: Record<string, unknown>, headers: Record<string, string> = {}): void => {
      record({ method, status, ok: payload.ok === true });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(payload));
    };

    if (!/^Bearer (xox[abp]|xapp)-/.test(String(req.headers.authorization ?? ''))) return reply(200, { ok: false, error: 'not_authed' });
    const failure = takeFailure(method);
    if (failure) {
      if ('error' in failure) return reply(200, { ok: false, error: failure.error });
      if (failure.status === 429) return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
      return reply(failure.status, { ok: false, error: 'internal_error' });
    }

    switch (method) {
      case 'auth.test':
        return reply(200, { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: fakeSlackIdentity.user,
          team_id: fakeSlackIdentity.teamId, user_id: fakeSlackIdentity.userId, bot_id: fakeSlackIdentity.botId });
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update': {
        const problem = messageProblem(body);
        if (problem) return reply(200, { ok: false, error: problem });
        if (typeof body.channel !== 'string' || body.channel === '') return reply(200, { ok: false, error: 'channel_not_found' });
        ts += 1;
        const messageTs = `${ts}.000100`;
        if (method === 'chat.postEphemeral') return reply(200, { ok: true, message_ts: messageTs });
        return reply(200, { ok: true, channel: body.channel, ts: method === 'chat.update' ? body.ts : messageTs,
          message: { type: 'message', text: body.text, bot_id: fakeSlackIdentity.botId, ts: messageTs } });
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
      case 'views.push':
        return reply(200, { ok: true, view: { id: 'V0FAKE', ...(typeof body.view === 'object' ? body.view : {}) } });
      default:
        return reply(200, { ok: false, error: 'unknown_method' });
    }
  }

  function takeFailure(method: string): FakeSlackFailure | undefined {
    const queue = failures.get(method);
    return queue?.shift();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${url}/api/`,
    url,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    responseUrl: (id) => `${url}/response/${id ?? `r${++responseIds}`}`,
    waitFor(method, predicate = () => true, timeoutMs = 5000) {
      const matches = (c: FakeSlackCall): boolean => c.method === method && predicate(c);
      const past = calls.find(matches);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const waiter = (c: FakeSlackCall): void => {
          if (!matches(c)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(c);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`fake slack: no ${method} call within ${timeoutMs} ms; got ${calls.map((c) => c.method).join(', ') || 'none'}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      failures.set(method, queue);
    },
    hold(method) {
      return holdMethod(holds, method);
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if ((contentType ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = jsonFields.has(key) ? JSON.parse(value) : value;
  }
  return out;
}

/** What Slack would refuse in a message: the Block Kit limits, or no content at all. */
export function messageProblem(body: Record<string, unknown>): string | undefined {
  const blocks = body.blocks;
  const text = body.text;
  if (typeof text === 'string' && text.length > 40_000) return 'msg_too_long';
  if (blocks === undefined) return typeof text === 'string' && text !== '' ? undefined : 'no_text';
  if (!Array.isArray(blocks) || blocks.length > 50) return 'invalid_blocks';
  const blockIds = new Set<string>();
  for (const block of blocks as Array<Record<string, unknown>>) {
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) return 'invalid_blocks';
      blockIds.add(block.block_id);
    }
    if (block.type === 'section') {
      const t = block.text as { text?: string } | undefined;
      const fields = block.fields as Array<{ text?: string }> | undefined;
      if (t === undefined && fields === undefined) return 'invalid_blocks';
      if (t !== undefined && (typeof t.text !== 'string' || t.text.length === 0 || t.text.length > 3000)) return 'invalid_blocks';
      if (fields !== undefined && (fields.length > 10 || fields.some((f) => typeof f.text !== 'string' || f.text.length > 2000))) {
        return 'invalid_blocks';
      }
    } else if (block.type === 'context') {
      const elements = block.elements as Array<{ text?: string }>;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) return 'invalid_blocks';
      if (elements.some((e) => typeof e.text === 'string' && e.text.length > 3000)) return 'invalid_blocks';
    } else if (block.type === 'actions') {
      const elements = block.elements as Array<{ action_id?: string; value?: string }>;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) return 'invalid_blocks';
      const ids = elements.map((e) => e.action_id);
      if (new Set(ids).size !== ids.length) return 'invalid_blocks';
      if (elements.some((e) => typeof e.value === 'string' && e.value.length > 2000)) return 'invalid_blocks';
    }
  }
  return undefined;
}
