/**
 * The Telegram notifier over real HTTP against the fake: long answers split in order, and Telegram's refusals
 * mapped to `DeliveryError('blocked' | 'permanent' | 'transient')`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../../adapters/telegram/index.ts';
import { renderAnswerHtml } from '../../../adapters/telegram/render.ts';
import { DeliveryError, type ChatRef } from '../../../src/reminders/types.ts';
import { fakeBotInfo, startFakeTelegram, type FakeFailure, type FakeTelegram } from '../../fakes/telegram-api.ts';
import { createTestPlanwatch, type TestPlanwatch } from '../../support/planwatch.ts';
import { buttons, expectSplitParts, captureLogger, longAnswer, visibleText } from './helpers.ts';

let fake: FakeTelegram;
let core: TestPlanwatch;
let adapter: TelegramAdapter;
const chat: ChatRef = { surface: 'telegram', chatId: '8001' };

beforeAll(async () => {
  fake = await startFakeTelegram();
  core = await createTestPlanwatch();
  adapter = createTelegramAdapter({
    token: '123456:NOTIFY',
    apiRoot: fake.apiRoot,
    planwatch: core.planwatch,
    logger: captureLogger().logger,
    botInfo: fakeBotInfo,
    retry: { maxRetryAttempts: 1, maxDelaySeconds: 2 },
  });
});

afterAll(async () => {
  await fake.close();
  await core.close();
});

describe('telegram notifier', () => {
  it('sends a 9,000-character answer as valid parts, in order, the keyboard under the last', async () => {
    const fact = core.planwatch.ask('河南5G基站目标').facts[0]!;
    const answer = longAnswer(fact, 120);
    const html = renderAnswerHtml(answer);
    expect(html.length).toBeGreaterThan(9000);
    const mark = fake.calls.length;
    await adapter.notifier.send(chat, answer);
    const sent = fake.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    expectSplitParts(sent, html);
    for (const c of sent) expect(c.params['chat_id']).toBe(8001);
    expect(buttons(sent.at(-1)!).map((b) => b.callback_data)[0]).toMatch(/^more:/);
  });

  it.each<[string, FakeFailure, number, DeliveryError['failure']]>([
    ['403 bot was blocked', { status: 403, description: 'Forbidden: bot was blocked by the user' }, 1, 'blocked'],
    ['400 chat not found', { status: 400, description: 'Bad Request: chat not found' }, 1, 'blocked'],
    ['400 message is too long', { status: 400, description: 'Bad Request: message is too long' }, 1, 'permanent'],
    ["400 can't parse entities, as HTML and as plain text", { status: 400, description: "Bad Request: can't parse entities: x" }, 2, 'permanent'],
    ['5xx after the retries', { status: 502 }, 2, 'transient'],
    ['network errors after the retries', { network: true }, 2, 'transient'],
    ['429 longer than maxDelaySeconds', { status: 429, retryAfter: 600 }, 1, 'transient'],
  ])('%s → DeliveryError %s', async (_name, failure, times, expected) => {
    fake.failNext('sendMessage', failure, times);
    const mark = fake.calls.length;
    const error = await adapter.notifier.send(chat, core.planwatch.help()).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).failure).toBe(expected);
    expect((error as DeliveryError).chat).toEqual(chat);
    expect(fake.calls.slice(mark).filter((c) => c.method === 'sendMessage' && c.status === 200)).toEqual([]);
  });

  it("delivers a reminder Telegram cannot parse as plain text, sent once more", async () => {
    fake.failNext('sendMessage', { status: 400, description: "Bad Request: can't parse entities: x" });
    const mark = fake.calls.length;
    const reminder = core.planwatch.ask('河南5G基站目标');
    await adapter.notifier.send(chat, reminder);
    const sent = fake.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    expect(sent.map((c) => [c.status, c.params['parse_mode']])).toEqual([[400, 'HTML'], [200, undefined]]);
    expect(sent[1]!.params['text']).toBe(visibleText({ ...sent[0]!, params: { text: renderAnswerHtml(reminder) } }));
  });

  it('delivers after one passing 5xx', async () => {
    fake.failNext('sendMessage', { status: 500 });
    const mark = fake.calls.length;
    await adapter.notifier.send(chat, core.planwatch.help());
    expect(fake.calls.slice(mark).filter((c) => c.method === 'sendMessage').map((c) => c.status)).toEqual([500, 200]);
  });
});
