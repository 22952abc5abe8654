/**
 * Shared pieces of the Telegram adapter tests: updates as Telegram sends them, Answers built from the test core's
 * facts, a pino logger whose lines the test can read, and the adapter in webhook mode behind a real server.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Update } from 'grammy/types';
import { expect } from 'vitest';
import { pino, type Logger } from 'pino';
import { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterOptions } from '../../../adapters/telegram/index.ts';
import type { Answer, FactHit } from '../../../src/answer/types.ts';
import type { Planwatch } from '../../../src/planwatch.ts';
import { fakeBotInfo, parseTelegramHtml, startFakeTelegram, type FakeTelegram, type RecordedCall } from '../../fakes/telegram-api.ts';

export const user = { id: 7001, is_bot: false, first_name: 'Analyst', language_code: 'zh-hans' };
export const privateChat = { id: 7001, type: 'private' as const, first_name: 'Analyst' };
export const groupChat = { id: -100123, type: 'supergroup' as const, title: 'Plans' };

let messageId = 500;

type NewUpdate = Omit<Update, 'update_id'>;

/** A text message; entities for a leading /command and for @mentions are computed like Telegram does. */
export function textMessage(
  chat: typeof privateChat | typeof groupChat,
  text: string,
  extra: { replyToBot?: boolean } = {},
): NewUpdate {
  const entities: { type: 'bot_command' | 'mention'; offset: number; length: number }[] = [];
  const command = /^\/[\w@]+/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@\w+/g)) {
    if (command && m.index < command[0].length) continue;
    entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  }
  return {
    message: {
      message_id: messageId++,
      date: 1_700_000_000,
      chat,
      from: user,
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...(extra.replyToBot === true
        ? { reply_to_message: { message_id: 1, date: 1_700_000_000, chat, from: { id: fakeBotInfo.id, is_bot: true, first_name: 'planwatch', username: fakeBotInfo.username }, text: '…' } }
        : {}),
    },
  } as NewUpdate;
}

/** A tap on an inline button under the bot's message `messageId` in `chat`. */
export function callbackQuery(chat: typeof privateChat | typeof groupChat, messageId: number, data: string): NewUpdate {
  return {
    callback_query: {
      id: `cq-${messageId}-${data.length}-${Math.random().toString(36).slice(2)}`,
      from: user,
      chat_instance: 'ci-1',
      data,
      message: { message_id: messageId, date: 1_700_000_000, chat, from: { id: fakeBotInfo.id, is_bot: true, first_name: 'planwatch' }, text: '…' },
    },
  } as NewUpdate;
}

/** The plain text of a recorded sendMessage, after checking its HTML is valid Telegram HTML. */
export function visibleText(call: RecordedCall): string {
  const check = parseTelegramHtml(String(call.params['text']));
  if (!check.ok) throw new Error(`invalid Telegram HTML: ${check.error}\n${String(call.params['text'])}`);
  return check.text;
}

/**
 * Checks the parts one long answer was sent as: each accepted, valid HTML within Telegram's 4,096 characters, in
 * order, together the whole text (only the newlines at the cuts dropped), the keyboard on the last part only.
 * Returns the parts' visible texts.
 */
export function expectSplitParts(sent: RecordedCall[], html: string): string[] {
  expect(sent.length).toBeGreaterThanOrEqual(3);
  const texts = sent.map((c) => {
    expect(c.status).toBe(200);
    expect(String(c.params['text']).length).toBeLessThanOrEqual(4096);
    return visibleText(c);
  });
  const ids = sent.map((c) => (c.result as { message_id: number }).message_id);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(texts.join('').replace(/\n/g, '')).toBe(visibleText({ ...sent[0]!, params: { text: html } }).replace(/\n/g, ''));
  expect(sent.slice(0, -1).every((c) => buttons(c).length === 0)).toBe(true);
  return texts;
}

/** Inline keyboard buttons of a recorded call. */
export function buttons(call: RecordedCall): { text: string; callback_data: string }[] {
  const markup = call.params['reply_markup'] as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

/** A pino logger writing JSON lines into `lines`. */
export function captureLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

/** A list answer of `count` rows and sources, built from a real fact's shape: long enough to need splitting. */
export function longAnswer(fact: FactHit, count: number): Answer {
  const c = fact.citations[0]!;
  const facts = Array.from({ length: count }, (_, i) => ({ ...fact, id: `${fact.id.slice(0, 8)}${String(i).padStart(8, '0')}` }));
  return {
    question: `${fact.region}${fact.metric}`,
    answered: true,
    intent: 'list',
    language: 'zh',
    text: '(long)',
    headline: `${fact.region} ${count} 项目标`,
    figure: null,
    rows: facts.map((f, i) => ({ region: f.region, year: f.year, metric: `${f.metric}${i}`, figure: f.figure,
      kind: f.kind, source: i + 1, factId: f.id })),
    notes: ['<note> & "quoted"'],
    sources: facts.map((f, i) => ({ ...c, quote: `${c.quote}（第${i + 1}条，含 <b>&amp;</b> 😀）`, n: i + 1, factId: f.id })),
    facts: facts.slice(0, 10),
    suggestions: [],
    reason: null,
  };
}

/** The adapter in webhook mode behind a node http server on port 0, answering through a fake Bot API. */
export interface WebhookBot {
  fake: FakeTelegram;
  adapter: TelegramAdapter;
  /** The webhook URL on 127.0.0.1. */
  endpoint: string;
  secret: string;
  /** Posts an update the way Telegram does and resolves once the bot has handled it; `secretHeader` null leaves the header out. */
  post(body: Update | string, secretHeader?: string | null): Promise<Response>;
  /** A new update with a text message. */
  update(text: string, chat?: typeof privateChat | typeof groupChat): Update;
  close(): Promise<void>;
}

let webhookUpdateId = 90_000;

/** Starts a fake Bot API and the adapter in webhook mode over `planwatch`. */
export async function startWebhookBot(
  planwatch: Planwatch,
  options: { logger?: Logger; secret?: string; retry?: TelegramAdapterOptions['retry'] } = {},
): Promise<WebhookBot> {
  const secret = options.secret ?? 'wh_s3cret-token';
  const fake = await startFakeTelegram();
  const adapter = createTelegramAdapter({
    token: '123456:WEBHOOK',
    apiRoot: `${fake.apiRoot}/`,
    planwatch,
    logger: options.logger ?? captureLogger().logger,
    botInfo: fakeBotInfo,
    webhook: { url: 'https://bot.example.org/telegram/webhook', secret },
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const server = createServer((req, res) => {
    if (req.url === adapter.webhookPath) adapter.handleWebhook(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}${adapter.webhookPath}`;
  await adapter.start();
  return {
    fake,
    adapter,
    endpoint,
    secret,
    // grammY answers the webhook request once the update's handlers have finished.
    post: (body, secretHeader = secret) => fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secretHeader !== null ? { 'x-telegram-bot-api-secret-token': secretHeader } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    update: (text, chat = privateChat) => ({ ...textMessage(chat, text), update_id: webhookUpdateId++ }) as Update,
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
}
