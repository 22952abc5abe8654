/**
 * A fake Telegram Bot API: a real HTTP server on 127.0.0.1 (port 0) that grammY talks to through
 * `client: { apiRoot }`. It records every call, long-polls `getUpdates` from a queue the test fills, validates
 * `parse_mode: 'HTML'` texts like Telegram does (strictly: only Telegram's tags, well-formed, escaped), and can be
 * told to fail the next call of a method with 429, 403, 400, 5xx or a dropped connection.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, UserFromGetMe } from 'grammy/types';

/** The bot the fake answers `getMe` with. */
export const fakeBotInfo: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: 'planwatch',
  username: 'planwatch_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** One recorded call. */
export interface RecordedCall {
  method: string;
  token: string;
  params: Record<string, unknown>;
  /** HTTP status the fake answered with (0: connection dropped). */
  status: number;
  /** `result` of a successful call. */
  result?: unknown;
  /** When the fake received it, ms since the epoch. */
  at: number;
}

/** How the next call of a method fails. */
export type FakeFailure =
  | { status: 429; retryAfter: number }
  | { status: 400 | 401 | 403 | 409; description: string }
  | { status: 500 | 502 | 503 }
  | { network: true };

/** A running fake, and what the test can do with it. */
export interface FakeTelegram {
  /** `http://127.0.0.1:<port>`, for grammY's `client.apiRoot`. */
  apiRoot: string;
  /** Every call so far, in arrival order. */
  calls: RecordedCall[];
  /** Resolves with the first call (past or future) of `method` matching `predicate`; rejects after `timeoutMs`. */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Makes the next `times` calls of `method` fail. */
  failNext(method: string, failure: FakeFailure, times?: number): void;
  /** Queues an update for `getUpdates`; assigns `update_id` when missing. */
  enqueueUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): Update;
  /** Successful calls of `method`. */
  delivered(method: string): RecordedCall[];
  close(): Promise<void>;
}

/** Options of `startFakeTelegram`. */
export interface FakeTelegramOptions {
  botInfo?: UserFromGetMe;
  /** Longest a `getUpdates` call waits for updates, whatever its `timeout`. Default 500 ms. */
  maxPollMs?: number;
}

interface Waiter {
  method: string;
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
}

/** Starts the fake on 127.0.0.1, port 0. */
export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const botInfo = options.botInfo ?? fakeBotInfo;
  const maxPollMs = options.maxPollMs ?? 500;
  const calls: RecordedCall[] = [];
  const waiters = new Set<Waiter>();
  const failures = new Map<string, FakeFailure[]>();
  const queue: Update[] = [];
  const pollers = new Set<() => void>();
  let nextUpdateId = 1000;
  let nextMessageId = 1;

  function record(call: RecordedCall): void {
    calls.push(call);
    for (const w of waiters) {
      if (w.method === call.method && w.predicate(call)) {
        waiters.delete(w);
        w.resolve(call);
      }
    }
  }

  function sendJson(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  function fail(res: ServerResponse, code: number, description: string, parameters?: Record<string, unknown>): void {
    sendJson(res, code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });
  }

  function message(params: Record<string, unknown>): Record<string, unknown> {
    const chatId = Number(params['chat_id']);
    const parsed = params['parse_mode'] === 'HTML' ? parseTelegramHtml(String(params['text'] ?? '')) : null;
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' },
      from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
      text: parsed?.ok ? parsed.text : String(params['text'] ?? ''),
    };
  }

  /** Checks a text the way Telegram does before sending; a string is the error description. */
  function checkText(params: Record<string, unknown>): string | null {
    const text = String(params['text'] ?? '');
    let plain = text;
    if (params['parse_mode'] === 'HTML') {
      const parsed = parseTelegramHtml(text);
      if (!parsed.ok) return `Bad Request: can't parse entities: ${parsed.error}`;
      plain = parsed.text;
    }
    if (plain.trim() === '') return 'Bad Request: message text is empty';
    if (plain.length > 4096) return 'Bad Request: message is too long';
    return null;
  }

  async function getUpdates(params: Record<string, unknown>, res: ServerResponse): Promise<unknown[]> {
    const offset = Number(params['offset'] ?? 0);
    const limit = Math.min(Number(params['limit'] ?? 100) || 100, 100);
    const timeoutMs = Math.min(Number(params['timeout'] ?? 0) * 1000, maxPollMs);
    if (offset > 0) while (queue.length > 0 && queue[0]!.update_id < offset) queue.shift();
    if (queue.length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => { clearTimeout(timer); pollers.delete(wake); resolve(); };
        const timer = setTimeout(wake, timeoutMs);
        pollers.add(wake);
        res.once('close', wake);
      });
    }
    return queue.filter((u) => u.update_id >= offset).slice(0, limit);
  }

  async function answer(method: string, params: Record<string, unknown>, res: ServerResponse): Promise<[number, unknown]> {
    switch (method) {
      case 'getMe': return [200, botInfo];
      case 'sendMessage':
      case 'editMessageText': {
        const problem = checkText(params);
        if (problem !== null) return [400, problem];
        const m = message(params);
        if (method === 'editMessageText') m['message_id'] = Number(params['message_id']);
        return [200, m];
      }
      case 'getUpdates': return [200, await getUpdates(params, res)];
      case 'getWebhookInfo': return [200, { url: '', has_custom_certificate: false, pending_update_count: 0 }];
      case 'sendChatAction':
      case 'setMyCommands':
      case 'deleteMyCommands':
      case 'deleteWebhook':
      case 'setWebhook':
      case 'answerCallbackQuery':
      case 'editMessageReplyMarkup':
      case 'deleteMessage':
        return [200, true];
      default: return [404, 'Not Found: method not found'];
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return fail(res, 404, 'Not Found');
    const [, token, method] = m as unknown as [string, string, string];
    const params = { ...Object.fromEntries(url.searchParams), ...(await readParams(req)) };
    const at = Date.now();
    const pending = failures.get(method);
    const failure = pending?.shift();
    if (failure !== undefined) {
      if ('network' in failure) {
        record({ method, token, params, status: 0, at });
        req.socket.destroy();
        return;
      }
      record({ method, token, params, status: failure.status, at });
      if (failure.status === 429) return fail(res, 429, `Too Many Requests: retry after ${failure.retryAfter}`, { retry_after: failure.retryAfter });
      if ('description' in failure) return fail(res, failure.status, failure.description);
      return fail(res, failure.status, 'Internal Server Error');
    }
    const [status, result] = await answer(method, params, res);
    record({ method, token, params, status, ...(status === 200 ? { result } : {}), at });
    if (res.destroyed) return;
    if (status === 200) sendJson(res, 200, { ok: true, result });
    else fail(res, status, String(result));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => fail(res, 500, `fake telegram: ${String(err)}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    waitFor(method, predicate = () => true, timeoutMs = 5000) {
      const past = calls.find((c) => c.method === method && predicate(c));
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = { method, predicate, resolve: (c) => { clearTimeout(timer); resolve(c); } };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`fake telegram: no ${method} call matched within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    enqueueUpdate(update) {
      const full = { ...update, update_id: update.update_id ?? nextUpdateId++ } as Update;
      queue.push(full);
      for (const wake of [...pollers]) wake();
      return full;
    },
    delivered: (method) => calls.filter((c) => c.method === method && c.status === 200),
    async close() {
      for (const wake of [...pollers]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Parameters of a Bot API call: query string, JSON, urlencoded or multipart body. */
async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'content-type': type } }).formData();
    const params: Record<string, unknown> = {};
    for (const [k, v] of form) params[k] = typeof v === 'string' ? v : `<file ${v.name}>`;
    return params;
  }
  return {};
}

// ---------------------------------------------------------------------------
// Telegram HTML, checked strictly

/** Result of checking a text for `parse_mode: 'HTML'`. */
export type TelegramHtmlCheck =
  | { ok: true; text: string; tags: string[]; links: string[] }
  | { ok: false; error: string };

const allowedTags: Record<string, (attrs: Map<string, string>) => string | null> = {
  b: none, strong: none, i: none, em: none, u: none, ins: none, s: none, strike: none, del: none,
  'tg-spoiler': none, pre: none,
  span: (a) => (a.size === 1 && a.get('class') === 'tg-spoiler' ? null : 'span needs class="tg-spoiler"'),
  a: (a) => {
    const href = a.get('href');
    if (a.size !== 1 || href === undefined) return 'a needs exactly href';
    return /^(https?:\/\/|tg:\/\/|mailto:)/i.test(href) ? null : `unsupported URL "${href}"`;
  },
  code: (a) => (a.size === 0 || (a.size === 1 && /^language-[\w+-]+$/.test(a.get('class') ?? '')) ? null : 'bad code attributes'),
  blockquote: (a) => (a.size === 0 || (a.size === 1 && a.get('expandable') === '') ? null : 'bad blockquote attributes'),
  'tg-emoji': (a) => (a.size === 1 && /^\d+$/.test(a.get('emoji-id') ?? '') ? null : 'tg-emoji needs emoji-id'),
};

function none(attrs: Map<string, string>): string | null {
  return attrs.size === 0 ? null : 'unexpected attributes';
}

const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decodeEntity(raw: string): string | null {
  const m = /^&(?:#(\d+)|#x([0-9a-fA-F]+)|([a-zA-Z]+));$/.exec(raw);
  if (!m) return null;
  if (m[3] !== undefined) return namedEntities[m[3]] ?? null;
  const cp = m[1] !== undefined ? Number(m[1]) : parseInt(m[2]!, 16);
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : null;
}

function decodeAll(s: string): string | null {
  let out = '';
  for (let i = 0; i < s.length; ) {
    if (s[i] === '&') {
      const end = s.indexOf(';', i);
      const decoded = end < 0 ? null : decodeEntity(s.slice(i, end + 1));
      if (decoded === null) return null;
      out += decoded;
      i = end + 1;
    } else {
      if (s[i] === '<' || s[i] === '>') return null;
      out += s[i];
      i++;
    }
  }
  return out;
}

/**
 * Parses Telegram HTML strictly: only Telegram's tags and attributes, properly nested and closed, no `<a>` inside
 * `<a>`, nothing but `<code>` inside `<pre>`, only `&lt; &gt; &amp; &quot;` and numeric entities, and no raw `<`,
 * `>` or `&` in text. Returns the plain text a user would see.
 */
export function parseTelegramHtml(html: string): TelegramHtmlCheck {
  const stack: string[] = [];
  const tags: string[] = [];
  const links: string[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const m = /^<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"<>]*")?)*)\s*>/.exec(html.slice(i));
      if (!m) return { ok: false, error: `unsupported start tag at byte offset ${i}` };
      const [raw, slash, rawName, rawAttrs] = m as unknown as [string, string, string, string];
      const name = rawName.toLowerCase();
      const check = allowedTags[name];
      if (check === undefined) return { ok: false, error: `unsupported tag "${name}" at offset ${i}` };
      if (slash === '/') {
        if (rawAttrs.trim() !== '') return { ok: false, error: `attributes in end tag "${name}"` };
        if (stack.pop() !== name) return { ok: false, error: `unmatched end tag "${name}" at offset ${i}` };
      } else {
        const attrs = new Map<string, string>();
        for (const a of rawAttrs.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) {
          const value = a[2] === undefined ? '' : decodeAll(a[2]);
          if (value === null) return { ok: false, error: `bad attribute value in "${name}"` };
          attrs.set(a[1]!.toLowerCase(), value);
        }
        const problem = check(attrs);
        if (problem !== null) return { ok: false, error: problem };
        if (name === 'a' && stack.includes('a')) return { ok: false, error: 'nested links' };
        const parent = stack.at(-1);
        if (parent === 'code' || (parent === 'pre' && name !== 'code')) return { ok: false, error: `"${name}" inside "${parent}"` };
        if (name === 'a') links.push(attrs.get('href')!);
        stack.push(name);
        tags.push(name);
      }
      i += raw.length;
    } else if (ch === '&') {
      const end = html.indexOf(';', i);
      const decoded = end < 0 || end - i > 12 ? null : decodeEntity(html.slice(i, end + 1));
      if (decoded === null) return { ok: false, error: `bad entity at offset ${i}` };
      text += decoded;
      i = end + 1;
    } else if (ch === '>') {
      return { ok: false, error: `raw ">" at offset ${i}` };
    } else {
      text += ch;
      i++;
    }
  }
  if (stack.length > 0) return { ok: false, error: `unclosed tags: ${stack.join(', ')}` };
  return { ok: true, text, tags, links };
}
