/**
 * Webhook mode end to end: a node http server on port 0 serves `handleWebhook`, the test posts updates to it the way
 * Telegram does, and the adapter answers through the fake Bot API. Also: markup from documents and questions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerHtml, splitMessage } from '../../../adapters/telegram/render.ts';
import type { Planwatch } from '../../../src/planwatch.ts';
import { parseTelegramHtml } from '../../fakes/telegram-api.ts';
import { createTestPlanwatch, type TestDocument, type TestPlanwatch } from '../../support/planwatch.ts';
import { startWebhookBot, visibleText, type WebhookBot } from './helpers.ts';

/** A page that shows markup as text (so its HTML escapes it), with markup in its title and URL too. */
const markupDocument: TestDocument = {
  name: 'doc-markup.html',
  title: '<b>集成电路</b> & <script>alert(1)</script> 行动计划',
  date: '2023-05-01',
  url: 'https://example.gov.cn/ic.html?a=1&b=<2>',
  text: '<p>到2023年底，浙江&lt;b&gt;集成电路&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;晶圆厂达到12个。</p>',
};

let core: TestPlanwatch;
let planwatch: Planwatch;
let bot: WebhookBot;

beforeAll(async () => {
  core = await createTestPlanwatch({ documents: [markupDocument] });
  planwatch = core.planwatch;
  bot = await startWebhookBot(planwatch);
});

afterAll(async () => {
  await bot.close();
  await core.close();
});

describe('telegram adapter, webhook mode', () => {
  it('starts with setWebhook (url and secret), never polls', () => {
    expect(bot.adapter.webhookPath).toBe('/telegram/webhook');
    const set = bot.fake.calls.find((c) => c.method === 'setWebhook');
    expect(set?.params).toMatchObject({ url: 'https://bot.example.org/telegram/webhook', secret_token: bot.secret });
    expect(bot.fake.calls.map((c) => c.method)).not.toContain('getUpdates');
    expect(bot.fake.calls.map((c) => c.method)).not.toContain('getMe');
    expect(bot.adapter.isReady()).toBe(true);
  });

  it('refuses a wrong or missing secret with 401 and runs no handler', async () => {
    const u = bot.update('河南5G基站目标');
    const mark = bot.fake.calls.length;
    expect((await bot.post(u, 'wrong-secret')).status).toBe(401);
    expect((await bot.post(u, null)).status).toBe(401);
    expect((await bot.post(u, `${bot.secret}x`)).status).toBe(401);
    expect(bot.fake.calls.slice(mark)).toEqual([]);
    // No handler ran: the update was not even marked as delivered, so the right secret gets it answered.
    expect((await bot.post(u)).status).toBe(200);
    const sent = bot.fake.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params['text']).toBe(splitMessage(renderAnswerHtml(planwatch.ask('河南5G基站目标')))[0]);
  });

  it('answers a redelivered update once', async () => {
    const u = bot.update('浙江数字经济核心产业增加值目标');
    const mark = bot.fake.calls.length;
    expect((await bot.post(u)).status).toBe(200);
    expect((await bot.post(u)).status).toBe(200);
    expect((await bot.post(u)).status).toBe(200);
    expect(bot.fake.calls.slice(mark).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('refuses other methods and bodies that are not updates', async () => {
    expect((await fetch(bot.endpoint, { method: 'GET' })).status).toBe(405);
    expect((await bot.post('{not json')).status).toBe(400);
  });

  it('renders a question and a document containing <b>, & and <script> as valid, escaped HTML', async () => {
    const question = '浙江 <b>集成电路</b> & <script>alert(1)</script> 晶圆厂目标';
    const expected = planwatch.ask(question);
    // The test's premise: the answer cites the ingested document, whose quote and title carry the markup as text.
    const source = expected.sources[0]!;
    expect(source.document).toBe(core.documents[0]!.id);
    for (const markup of ['<b>', '&', '<script>']) {
      expect(source.quote).toContain(markup);
      expect(source.title).toContain(markup);
    }
    const mark = bot.fake.calls.length;
    expect((await bot.post(bot.update(question))).status).toBe(200);
    const sent = bot.fake.calls.slice(mark).find((c) => c.method === 'sendMessage');
    expect(sent?.status).toBe(200);
    const html = String(sent!.params['text']);
    expect(html).not.toMatch(/<script|<b>集成/);
    const check = parseTelegramHtml(html);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.text).toContain(expected.headline);
    expect(check.text).toContain(source.quote);
    expect(check.text).toContain(source.title);
    expect(check.links).toEqual([new URL(source.url!).href]);

    // A refused question with markup is as safe.
    const refusedMark = bot.fake.calls.length;
    const refusedQuestion = '<i>火星</i> & <u>殖民地</u>人口目标';
    expect(planwatch.ask(refusedQuestion).answered).toBe(false);
    expect((await bot.post(bot.update(refusedQuestion))).status).toBe(200);
    const refused = bot.fake.calls.slice(refusedMark).find((c) => c.method === 'sendMessage');
    expect(refused?.status).toBe(200);
    expect(visibleText(refused!)).toContain(planwatch.ask(refusedQuestion).reason!);
  });
});
