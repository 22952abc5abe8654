/**
 * The adapter end to end in long-polling mode: grammY polls the fake Bot API over real HTTP, the test core answers.
 * Assertions are relative to what the core returns for the same question.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../../adapters/telegram/index.ts';
import { escapeHtml, renderAnswerHtml, splitMessage } from '../../../adapters/telegram/render.ts';
import { decodeFactIds } from '../../../adapters/telegram/send.ts';
import type { Planwatch } from '../../../src/planwatch.ts';
import { startFakeTelegram, type FakeTelegram, type RecordedCall } from '../../fakes/telegram-api.ts';
import { createTestPlanwatch, type TestPlanwatch } from '../../support/planwatch.ts';
import { buttons, callbackQuery, captureLogger, groupChat, privateChat, textMessage, visibleText } from './helpers.ts';

let fake: FakeTelegram;
let core: TestPlanwatch;
let planwatch: Planwatch;
let adapter: TelegramAdapter;
const { logger, lines } = captureLogger();

beforeAll(async () => {
  fake = await startFakeTelegram();
  core = await createTestPlanwatch();
  planwatch = core.planwatch;
  adapter = createTelegramAdapter({
    token: '123456:TEST',
    apiRoot: fake.apiRoot,
    planwatch,
    logger,
    retry: { maxRetryAttempts: 2, maxDelaySeconds: 5 },
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter.stop();
  await fake.close();
  await core.close();
});

/** Calls recorded from now on. */
function since(): (method: string, predicate?: (c: RecordedCall) => boolean) => Promise<RecordedCall> {
  const mark = fake.calls.length;
  return (method, predicate = () => true) => fake.waitFor(method, (c) => fake.calls.indexOf(c) >= mark && predicate(c));
}

function callsSince(mark: number, method: string): RecordedCall[] {
  return fake.calls.slice(mark).filter((c) => c.method === method);
}

const toChat = (chat: { id: number }) => (c: RecordedCall) => c.params['chat_id'] === chat.id && c.status === 200;

/** The first message the adapter sends for `answer`, as it must look. */
const firstPart = (answer: Parameters<typeof renderAnswerHtml>[0]) => splitMessage(renderAnswerHtml(answer))[0];

/** A chat used only by `drain`. */
const drainChat = { ...privateChat, id: 7999 };

/** Waits until the bot has handled everything queued before (updates are handled in order): /help in its own chat. */
async function drain(): Promise<void> {
  const next = since();
  fake.enqueueUpdate(textMessage(drainChat, '/help'));
  await next('sendMessage', toChat(drainChat));
}

describe('telegram adapter, long polling', () => {
  it('starts: getMe, commands in Chinese and English, deleteWebhook before the first getUpdates', async () => {
    await fake.waitFor('getUpdates');
    const methods = fake.calls.map((c) => c.method);
    expect(methods).toContain('getMe');
    expect(methods.indexOf('deleteWebhook')).toBeGreaterThanOrEqual(0);
    expect(methods.indexOf('deleteWebhook')).toBeLessThan(methods.indexOf('getUpdates'));
    const commands = fake.calls.filter((c) => c.method === 'setMyCommands');
    expect(commands.map((c) => c.params['language_code'] ?? 'default').sort()).toEqual(['default', 'en']);
    for (const c of commands) {
      expect((c.params['commands'] as { command: string }[]).map((x) => x.command))
        .toEqual(['start', 'help', 'ask', 'deadlines', 'subscribe', 'unsubscribe', 'subscriptions']);
    }
    expect(adapter.isReady()).toBe(true);
    expect(adapter.webhookPath).toBeNull();
  });

  it('answers a private question with the figure in bold, the citation and valid HTML, under a keyboard', async () => {
    const question = '河南5G基站目标';
    const expected = planwatch.ask(question);
    expect(expected.answered).toBe(true);
    const next = since();
    fake.enqueueUpdate(textMessage(privateChat, question));
    const sent = await next('sendMessage', toChat(privateChat));
    const typing = await next('sendChatAction');
    expect(typing.params).toMatchObject({ chat_id: privateChat.id, action: 'typing' });
    expect(fake.calls.indexOf(typing)).toBeLessThan(fake.calls.indexOf(sent));

    expect(sent.params['parse_mode']).toBe('HTML');
    expect(sent.params['reply_parameters']).toBeUndefined();
    expect(String(sent.params['text'])).toContain(`<b>${escapeHtml(expected.figure!)}</b>`);
    const text = visibleText(sent);
    expect(text).toContain(expected.headline);
    expect(text).toContain(expected.sources[0]!.title);
    expect(text).toContain(expected.sources[0]!.quote);
    const [more, remind, ...rest] = buttons(sent).map((b) => b.callback_data);
    expect(rest).toEqual([]);
    expect(remind).toBe(`sub:${expected.facts[0]!.id}`);
    // "More sources" names the answer's first facts, as many as fit in Telegram's 64 bytes.
    expect(more).toMatch(/^more:/);
    expect(Buffer.byteLength(more!)).toBeLessThanOrEqual(64);
    const ids = decodeFactIds(more!.slice('more:'.length));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected.facts.slice(0, ids.length).map((f) => f.id));
  });

  it('stays quiet in a group unless mentioned; a mention is answered as a reply, without the mention', async () => {
    const quiet = textMessage(groupChat, '河南5G基站目标');
    const mark = fake.calls.length;
    fake.enqueueUpdate(quiet);
    await drain();
    expect(callsSince(mark, 'sendMessage').filter(toChat(groupChat))).toEqual([]);
    expect(callsSince(mark, 'sendChatAction').filter((c) => c.params['chat_id'] === groupChat.id)).toEqual([]);

    const next = since();
    const update = fake.enqueueUpdate(textMessage(groupChat, '@PlanWatch_Bot 河南5G基站目标'));
    const sent = await next('sendMessage', toChat(groupChat));
    expect(sent.params['reply_parameters']).toMatchObject({ message_id: update.message!.message_id });
    expect(sent.params['text']).toBe(firstPart(planwatch.ask('河南5G基站目标')));
  });

  it('answers a reply to the bot in a group', async () => {
    const next = since();
    const update = fake.enqueueUpdate(textMessage(groupChat, '浙江数字经济核心产业增加值目标', { replyToBot: true }));
    const sent = await next('sendMessage', toChat(groupChat));
    expect(sent.params['reply_parameters']).toMatchObject({ message_id: update.message!.message_id });
    expect(sent.params['text']).toBe(firstPart(planwatch.ask('浙江数字经济核心产业增加值目标')));
  });

  it.each([
    ['/ask in a group', groupChat, '/ask 河南5G基站目标', () => planwatch.ask('河南5G基站目标')],
    ['/ask@bot in a group', groupChat, '/ask@planwatch_bot 浙江数字经济目标', () => planwatch.ask('浙江数字经济目标')],
    ['/help', privateChat, '/help', () => planwatch.help('zh')],
    ['/start', privateChat, '/start', () => planwatch.help('zh')],
    ['/deadlines 浙江', privateChat, '/deadlines 浙江', () => planwatch.deadlines('浙江')],
    ['an unknown command in private', privateChat, '/frobnicate', () => planwatch.help('zh')],
  ])('%s', async (_name, chat, text, expected) => {
    const next = since();
    fake.enqueueUpdate(textMessage(chat, text));
    const sent = await next('sendMessage', toChat(chat));
    expect(sent.params['text']).toBe(firstPart(expected()));
    visibleText(sent);
  });

  it('"More sources" sends the expanded citations and answers the callback query; "Remind me" subscribes', async () => {
    let next = since();
    fake.enqueueUpdate(textMessage(privateChat, '浙江数字经济核心产业增加值目标'));
    const answer = await next('sendMessage', toChat(privateChat));
    const [more, remind] = buttons(answer);
    const messageId = (answer.result as { message_id: number }).message_id;

    next = since();
    const tap = fake.enqueueUpdate(callbackQuery(privateChat, messageId, more!.callback_data));
    const ack = await next('answerCallbackQuery');
    expect(ack.params['callback_query_id']).toBe(tap.callback_query!.id);
    // Every citation of every fact the button names, quotes included, as a reply to the answer.
    const ids = decodeFactIds(more!.callback_data.slice('more:'.length));
    const expected = splitMessage(renderAnswerHtml(planwatch.sources(ids, 'zh'), { expanded: true }));
    const sent = fake.calls.slice(fake.calls.indexOf(answer) + 1, fake.calls.indexOf(ack)).filter((c) => c.method === 'sendMessage' && toChat(privateChat)(c));
    expect(sent.map((c) => c.params['text'])).toEqual(expected);
    expect(sent[0]!.params['reply_parameters']).toMatchObject({ message_id: messageId });
    const shown = sent.map(visibleText).join('\n');
    for (const id of ids) {
      for (const citation of planwatch.fact(id)!.citations) {
        expect(shown).toContain(citation.title);
        expect(shown).toContain(citation.quote);
      }
    }

    const chat = { surface: 'telegram' as const, chatId: String(privateChat.id) };
    const before = (await planwatch.subscriptions(chat)).text;
    next = since();
    fake.enqueueUpdate(callbackQuery(privateChat, messageId, remind!.callback_data));
    await next('answerCallbackQuery');
    const factId = remind!.callback_data.slice('sub:'.length);
    expect(planwatch.fact(factId)).toBeDefined();
    expect((await planwatch.subscriptions(chat)).text).not.toBe(before);
    await planwatch.unsubscribe(chat, '');
  });

  it('honours 429 retry_after and delivers the answer once', async () => {
    fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
    const mark = fake.calls.length;
    const next = since();
    fake.enqueueUpdate(textMessage(privateChat, '河南5G基站目标'));
    const sent = await next('sendMessage', toChat(privateChat));
    await drain();
    const attempts = callsSince(mark, 'sendMessage').filter((c) => c.params['chat_id'] === privateChat.id);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(sent.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(sent.params['text']).toBe(attempts[0]!.params['text']);
  });

  it('retries a dropped connection and sends the answer once', async () => {
    fake.failNext('sendMessage', { network: true });
    const mark = fake.calls.length;
    fake.enqueueUpdate(textMessage(privateChat, '浙江数字经济核心产业增加值目标'));
    await drain();
    const attempts = callsSince(mark, 'sendMessage').filter((c) => c.params['chat_id'] === privateChat.id);
    expect(attempts.map((c) => c.status)).toEqual([0, 200]);
    expect(attempts[1]!.params['text']).toBe(firstPart(planwatch.ask('浙江数字经济核心产业增加值目标')));
  });

  it('a chat that blocked the bot loses its subscriptions; the bot keeps running', async () => {
    const blocked = { id: 7002, type: 'private' as const, first_name: 'Gone' };
    const chat = { surface: 'telegram' as const, chatId: String(blocked.id) };
    const none = (await planwatch.subscriptions({ surface: 'telegram', chatId: 'nobody' })).text;

    let next = since();
    fake.enqueueUpdate(textMessage(blocked as unknown as typeof privateChat, '/subscribe 浙江'));
    await next('sendMessage', toChat(blocked));
    expect((await planwatch.subscriptions(chat)).text).not.toBe(none);

    fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    next = since();
    const update = fake.enqueueUpdate(textMessage(blocked as unknown as typeof privateChat, '河南5G基站目标'));
    await next('sendMessage', (c) => c.status === 403);
    await vi.waitFor(async () => expect((await planwatch.subscriptions(chat)).text).toBe(none));
    await vi.waitFor(() =>
      expect(lines).toContainEqual(expect.objectContaining({ updateId: update.update_id, chatId: String(blocked.id), deactivated: 1 })));
    await drain();
    expect(adapter.isReady()).toBe(true);
  });

  it('logs a failing update with its id and goes on', async () => {
    fake.failNext('sendMessage', { status: 400, description: 'Bad Request: something unexpected' });
    const update = fake.enqueueUpdate(textMessage(privateChat, '河南5G基站目标'));
    await drain();
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, updateId: update.update_id, msg: 'telegram: failed to handle update' }));
  });

  it('stops: no getUpdates after stop, not ready', async () => {
    await adapter.stop();
    expect(adapter.isReady()).toBe(false);
    const count = fake.calls.filter((c) => c.method === 'getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(fake.calls.filter((c) => c.method === 'getUpdates').length).toBe(count);
  });
});
