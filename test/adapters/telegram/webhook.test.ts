/**
 * Webhook mode end to end: a node http server on port 0 serves `handleWebhook`, the test posts updates to it the way
 * Telegram does, and the adapter answers through the fake Bot API. Also: markup from documents and questions.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../../adapters/telegram/index.ts';
import { renderAnswerHtml, splitMessage } from '../../../adapters/telegram/render.ts';
import type { Planwatch } from '../../../src/planwatch.ts';
import { fakeBotInfo, parseTelegramHtml, startFakeTelegram, type FakeTelegram } from '../../fakes/telegram-api.ts';
import { createTestPlanwatch, type TestDocument, type TestPlanwatch } from '../../support/planwatch.ts';
import { captureLogger, privateChat, textMessage, visibleText } from './helpers.ts';

const secret = 'wh_s3cret-token';
const markupDocument: TestDocument = {
  name: 'doc-markup',
  title: '<b>集成电路</b> & <script>alert(1)</script> 行动计划',
  date: '2023-05-01',
  url: 'https://example.gov.cn/ic.html?a=1&b=<2>',
  text: '<b>集成电路</b> & <script>alert(1)</script> 晶圆厂达到12个',
};

let fake: FakeTelegram;
let core: TestPlanwatch;
let planwatch: Planwatch;
let adapter: TelegramAdapter;
let server: Server;
let endpoint: string;
let nextUpdateId = 90_000;
const { logger } = captureLogger();

beforeAll(async () => {
  fake = await startFakeTelegram();
  core = await createTestPlanwatch({ documents: [markupDocument] });
  planwatch = core.planwatch;
  adapter = createTelegramAdapter({
    token: '123456:WEBHOOK',
    apiRoot: `${fake.apiRoot}/`,
    planwatch,
    logger,
    botInfo: fakeBotInfo,
    webhook: { url: 'https://bot.example.org/telegram/webhook', secret },
  });
  server = createServer((req, res) => {
    if (req.url === adapter.webhookPath) adapter.handleWebhook(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}${adapter.webhookPath}`;
  await adapter.start();
});

afterAll(async () => {
  await adapter.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await fake.close();
  await core.close();
});

function update(text: string): Update {
  return { ...textMessage(privateChat, text), update_id: nextUpdateId++ } as Update;
}

/** Posts an update the way Telegram does; `secretHeader` null leaves the header out. */
async function post(body: Update | string, secretHeader: string | null = secret): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secretHeader !== null ? { 'x-telegram-bot-api-secret-token': secretHeader } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('telegram adapter, webhook mode', () => {
  it('starts with setWebhook (url and secret), never polls', () => {
    expect(adapter.webhookPath).toBe('/telegram/webhook');
    const set = fake.calls.find((c) => c.method === 'setWebhook');
    expect(set?.params).toMatchObject({ url: 'https://bot.example.org/telegram/webhook', secret_token: secret });
    expect(fake.calls.map((c) => c.method)).not.toContain('getUpdates');
    expect(fake.calls.map((c) => c.method)).not.toContain('getMe');
    expect(adapter.isReady()).toBe(true);
  });

  it('refuses a wrong or missing secret with 401 and runs no handler', async () => {
    const u = update('河南5G基站目标');
    const mark = fake.calls.length;
    expect((await post(u, 'wrong-secret')).status).toBe(401);
    expect((await post(u, null)).status).toBe(401);
    expect((await post(u, `${secret}x`)).status).toBe(401);
    expect(fake.calls.slice(mark)).toEqual([]);
    // No handler ran: the update was not even marked as delivered, so the right secret gets it answered.
    expect((await post(u)).status).toBe(200);
    const sent = fake.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params['text']).toBe(splitMessage(renderAnswerHtml(planwatch.ask('河南5G基站目标')))[0]);
  });

  it('answers a redelivered update once', async () => {
    const u = update('浙江数字经济核心产业增加值目标');
    const mark = fake.calls.length;
    expect((await post(u)).status).toBe(200);
    expect((await post(u)).status).toBe(200);
    expect((await post(u)).status).toBe(200);
    expect(fake.calls.slice(mark).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('refuses other methods and bodies that are not updates', async () => {
    expect((await fetch(endpoint, { method: 'GET' })).status).toBe(405);
    expect((await post('{not json')).status).toBe(400);
  });

  it('renders a question and a document containing <b>, & and <script> as valid, escaped HTML', async () => {
    const question = '浙江 <b>集成电路</b> & <script>alert(1)</script> 晶圆厂目标';
    const expected = planwatch.ask(question);
    expect(expected.facts[0]?.citations[0]?.document).toBe(markupDocument.name);
    const mark = fake.calls.length;
    expect((await post(update(question))).status).toBe(200);
    const sent = fake.calls.slice(mark).find((c) => c.method === 'sendMessage');
    expect(sent?.status).toBe(200);
    const html = String(sent!.params['text']);
    expect(html).not.toMatch(/<script|<b>集成/);
    const check = parseTelegramHtml(html);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const source = expected.sources[0]!;
    expect(check.text).toContain(source.quote);
    expect(check.text).toContain(source.title);
    expect(check.links).toEqual([new URL(source.url!).href]);

    // A refused question with markup is as safe.
    const refusedMark = fake.calls.length;
    expect((await post(update('<b>火星</b> & <script>x</script>'))).status).toBe(200);
    const refused = fake.calls.slice(refusedMark).find((c) => c.method === 'sendMessage');
    expect(refused?.status).toBe(200);
    visibleText(refused!);
  });

});
