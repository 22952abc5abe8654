/**
 * How answers leave the bot, end to end over the fake Bot API (webhook mode, so each post returns once the update is
 * handled): an answer over 9,000 characters in valid parts, and HTML Telegram refuses re-sent once as plain text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerHtml, splitMessage } from '../../../adapters/telegram/render.ts';
import type { Answer } from '../../../src/answer/types.ts';
import type { Planwatch } from '../../../src/planwatch.ts';
import { createTestPlanwatch, type TestPlanwatch } from '../../support/planwatch.ts';
import { buttons, expectSplitParts, captureLogger, longAnswer, privateChat, startWebhookBot, visibleText, type WebhookBot } from './helpers.ts';

const longQuestion = '浙江全部目标清单';
const question = '河南5G基站目标';

let core: TestPlanwatch;
let long: Answer;
let bot: WebhookBot;
const { logger, lines } = captureLogger();

beforeAll(async () => {
  core = await createTestPlanwatch();
  // The core never lists more than ten facts; a list this long is built from a real fact, answered to one question.
  long = { ...longAnswer(core.planwatch.ask(question).facts[0]!, 120), question: longQuestion };
  const planwatch: Planwatch = { ...core.planwatch, ask: (q, options) => (q === longQuestion ? long : core.planwatch.ask(q, options)) };
  bot = await startWebhookBot(planwatch, { logger });
});

afterAll(async () => {
  await bot.close();
  await core.close();
});

/** sendMessage calls to the private chat from `mark` on. */
const sentSince = (mark: number) =>
  bot.fake.calls.slice(mark).filter((c) => c.method === 'sendMessage' && c.params['chat_id'] === privateChat.id);

describe('telegram delivery', () => {
  it('sends an answer over 9,000 characters as valid HTML parts, in order, the keyboard under the last', async () => {
    const html = renderAnswerHtml(long);
    expect(html.length).toBeGreaterThan(9000);
    const mark = bot.fake.calls.length;
    expect((await bot.post(bot.update(longQuestion))).status).toBe(200);
    const sent = sentSince(mark);
    expect(sent.map((c) => c.params['text'])).toEqual(splitMessage(html));
    expectSplitParts(sent, html);
    for (const c of sent) expect(c.params['parse_mode']).toBe('HTML');
    expect(buttons(sent.at(-1)!).map((b) => b.text)).toContain('更多来源 / More sources');
  });

  it('re-sends a part Telegram cannot parse once, as the plain text it shows, and logs it', async () => {
    bot.fake.failNext('sendMessage', { status: 400, description: "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0" });
    const mark = bot.fake.calls.length;
    const update = bot.update(question);
    expect((await bot.post(update)).status).toBe(200);
    const [refused, plain, ...more] = sentSince(mark);
    expect(more).toEqual([]);
    expect(refused).toMatchObject({ status: 400, params: { parse_mode: 'HTML' } });
    expect(plain!.status).toBe(200);
    expect(plain!.params['parse_mode']).toBeUndefined();
    expect(plain!.params['text']).toBe(visibleText(refused!));
    expect(buttons(plain!)).toEqual(buttons(refused!));
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, msg: 'telegram: HTML refused, part re-sent as plain text' }));
  });

  it('does not retry a message Telegram refuses for good: logged once with the update id, the bot goes on', async () => {
    bot.fake.failNext('sendMessage', { status: 400, description: "Bad Request: can't parse entities: Unsupported start tag" });
    bot.fake.failNext('sendMessage', { status: 400, description: 'Bad Request: message is too long' });
    const mark = bot.fake.calls.length;
    const update = bot.update(question);
    expect((await bot.post(update)).status).toBe(200);
    expect(sentSince(mark).map((c) => c.status)).toEqual([400, 400]);
    expect(lines.filter((l) => l.updateId === update.update_id && l.msg === 'telegram: failed to handle update')).toHaveLength(1);

    const next = bot.fake.calls.length;
    expect((await bot.post(bot.update(question))).status).toBe(200);
    expect(sentSince(next).map((c) => c.status)).toEqual([200]);
  });
});
