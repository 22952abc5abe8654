/**
 * The Slack adapter end to end: Bolt in HTTP mode receiving signed requests over real HTTP,
 * answering through the fake Slack Web API. Assertions are relative to what the core returns.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { actionIds, decodeFeedbackValue } from '../../../adapters/slack/actions.ts';
import { createSlackAdapter } from '../../../adapters/slack/index.ts';
import { escapeMrkdwn, plainMessageText } from '../../../adapters/slack/render.ts';
import { Answer } from '../../../src/answer/types.ts';
import { DeliveryError } from '../../../src/reminders/types.ts';
import { fakeSlackIdentity, startFakeSlack, type FakeSlackCall } from '../../fakes/slack-api.ts';
import { createTestPlanwatch } from '../../support/planwatch.ts';
import { pino } from 'pino';
import { buttonOf, buttonsOf, shownTexts, startHarness, type Harness } from './harness.ts';

const zjQuestion = '浙江数字经济核心产业增加值目标';
const bot = `<@${fakeSlackIdentity.userId}>`;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const mention = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention', user: 'U0ANALYST', text, ts: '1700000100.000100', channel: 'C0PLANS', event_ts: '1700000100.000100', ...extra,
});
const dm = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message', channel_type: 'im', user: 'U0ANALYST', text, ts: '1700000200.000100', channel: 'D0ANALYST', event_ts: '1700000200.000100', ...extra,
});
const posted = (channel: string) => (c: FakeSlackCall) => c.ok && c.body.channel === channel;

describe('slack adapter: questions', () => {
  it('answers a mention in its thread with blocks and a fallback holding the figure and a citation', async () => {
    h = await startHarness();
    const a = h.planwatch.ask(zjQuestion);
    expect(a.answered).toBe(true);
    const res = await h.sendEvent(mention(`${bot} ${zjQuestion}`));
    expect(res.status).toBe(200);

    const call = await h.fake.waitFor('chat.postMessage', posted('C0PLANS'));
    expect(call.body.thread_ts).toBe('1700000100.000100');
    expect(call.body.text).toContain(a.figure!);
    expect(call.body.text).toContain(a.sources[0]!.title);
    const blocks = call.body.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]?.type).toBe('section');
    expect(blocks[0]?.text?.text).toContain(`*${a.figure}*`);
    expect(shownTexts(call.body).some((t) => t.includes(a.sources[0]!.title) && t.includes(a.sources[0]!.date))).toBe(true);
    expect(buttonsOf(call.body).map((b) => b.action_id)).toEqual([actionIds.feedbackUp, actionIds.feedbackDown]);

    // A follow-up mention inside that thread is answered in the same thread.
    await h.sendEvent(mention(`${bot} 河南5G基站`, { ts: '1700000150.000100', thread_ts: '1700000100.000100' }));
    const b = h.planwatch.ask('河南5G基站');
    const followUp = await h.fake.waitFor('chat.postMessage', (c) => posted('C0PLANS')(c) && String(c.body.text).includes(b.headline));
    expect(followUp.body.thread_ts).toBe('1700000100.000100');
  });

  it('answers every plain DM and ignores bots, edits, other subtypes and itself', async () => {
    h = await startHarness();
    await h.sendEvent(dm(zjQuestion, { bot_id: 'B0OTHER', user: 'U0OTHERBOT' }));
    await h.sendEvent(dm(zjQuestion, { subtype: 'bot_message', user: undefined, bot_id: 'B0OTHER' }));
    await h.sendEvent(dm(zjQuestion, { subtype: 'message_changed' }));
    await h.sendEvent(dm(zjQuestion, { subtype: 'file_share' }));
    await h.sendEvent(dm(zjQuestion, { user: fakeSlackIdentity.userId }));
    await h.sendEvent(dm(zjQuestion, { channel_type: 'channel', channel: 'C0OTHER' }));
    await h.sendEvent(dm(`${zjQuestion}?`, { ts: '1700000300.000100' }));

    const a = h.planwatch.ask(`${zjQuestion}?`);
    const call = await h.fake.waitFor('chat.postMessage', posted('D0ANALYST'));
    expect(call.body.text).toContain(a.figure!);
    expect(call.body.thread_ts).toBeUndefined();
    await h.adapter.stop(); // every acknowledged event handled
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('verifies the bot identity with auth.test when no ids are given, and ignores its own DMs', async () => {
    h = await startHarness({ withBotIds: false });
    await h.fake.waitFor('auth.test');
    await h.sendEvent(dm(zjQuestion, { user: fakeSlackIdentity.userId }));
    await h.sendEvent(dm('河南5G基站', { ts: '1700000400.000100' }));
    const call = await h.fake.waitFor('chat.postMessage', posted('D0ANALYST'));
    expect(call.body.text).toContain(h.planwatch.ask('河南5G基站').figure!);
    await h.adapter.stop(); // every acknowledged event handled
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('answers a retried event (same event_id, X-Slack-Retry-Num) once', async () => {
    h = await startHarness();
    const event = mention(`${bot} ${zjQuestion}`);
    expect((await h.sendEvent(event, { eventId: 'Ev0RETRIED' })).status).toBe(200);
    expect((await h.sendEvent(event, { eventId: 'Ev0RETRIED', retryNum: 1 })).status).toBe(200);
    expect((await h.sendEvent(event, { eventId: 'Ev0RETRIED', retryNum: 2 })).status).toBe(200);
    // A later, different event is answered: by then the retries have been handled.
    await h.sendEvent(mention(`${bot} 河南5G基站`, { ts: '1700000999.000100' }), { eventId: 'Ev0SENTINEL' });
    await h.fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === '1700000999.000100');
    await h.adapter.stop(); // every acknowledged event handled
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.body.thread_ts === '1700000100.000100')).toHaveLength(1);
  });

  it('honours a 429 from chat.postMessage (waits Retry-After) and posts one message', async () => {
    h = await startHarness();
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await h.sendEvent(mention(`${bot} ${zjQuestion}`));
    await h.fake.waitFor('chat.postMessage', posted('C0PLANS'), 8000);
    const attempts = h.fake.callsOf('chat.postMessage');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    await h.adapter.stop(); // every acknowledged event handled
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.ok)).toHaveLength(1);
  });

  it('logs a failing handler through the one error handler and tells the user', async () => {
    h = await startHarness({
      wrap: (p) => ({ ...p, ask: () => { throw new Error('core exploded'); } }),
    });
    await h.sendEvent(mention(`${bot} ${zjQuestion}`));
    const notice = await h.fake.waitFor('chat.postMessage', posted('C0PLANS'));
    expect(notice.body.thread_ts).toBe('1700000100.000100');
    await expect.poll(() => h!.logs.find((l) => l.msg === 'slack: handling failed')).toBeDefined();
    const entry = h.logs.find((l) => l.msg === 'slack: handling failed')!;
    expect(JSON.stringify(entry.err)).toContain('core exploded');
  });
});

describe('slack adapter: slash command', () => {
  it('acknowledges before the answer, answers privately, then shares the answer in the channel', async () => {
    h = await startHarness();
    const a = h.planwatch.ask(zjQuestion);
    // The private answer is held at the fake until the acknowledgement is in: the ack never waits for the answer,
    // so Slack's 3 seconds hold however long answering takes.
    const held = h.fake.hold('response');
    const res = await h.sendCommand(zjQuestion, { responseId: 'cmd1' });
    expect(res.status).toBe(200);
    await held.arrived;
    expect(h.fake.callsOf('response')).toEqual([]);
    held.release();

    const reply = await h.fake.waitFor('response', (c) => c.responseId === 'cmd1');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toContain(a.figure!);
    const share = buttonOf(reply, actionIds.share);
    expect(share.value).toBe(zjQuestion);
    expect(shownTexts(reply.body).some((t) => t.includes(zjQuestion))).toBe(true);

    const click = await h.click(share, { channel: 'C0PLANS', responseId: 'share1', ephemeral: true });
    expect(click.status).toBe(200);
    const shared = await h.fake.waitFor('chat.postMessage', posted('C0PLANS'));
    expect(shared.body.text).toContain(a.figure!);
    expect(shared.body.thread_ts).toBeUndefined();
    expect(buttonsOf(shared.body).some((b) => b.action_id === actionIds.share)).toBe(false);
    const removed = await h.fake.waitFor('response', (c) => c.responseId === 'share1');
    expect(removed.body.delete_original).toBe(true);
  });

  it('shares through the response_url when the bot is not in the channel', async () => {
    h = await startHarness();
    await h.sendCommand(zjQuestion, { responseId: 'cmd2' });
    const share = buttonOf(await h.fake.waitFor('response', (c) => c.responseId === 'cmd2'), actionIds.share);
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await h.click(share, { channel: 'C0NOTJOINED', responseId: 'share2', ephemeral: true });
    const inChannel = await h.fake.waitFor('response', (c) => c.responseId === 'share2' && c.body.response_type === 'in_channel');
    expect(inChannel.body.text).toContain(h.planwatch.ask(zjQuestion).figure!);
  });

  it.each([
    ['help', (h: Harness) => h.planwatch.help().text.split('\n')[0]!],
    ['', (h: Harness) => h.planwatch.help().text.split('\n')[0]!],
    ['deadlines 浙江', (h: Harness) => h.planwatch.deadlines('浙江').text.split('\n')[0]!],
  ])('answers "/plans %s" privately', async (text, expected) => {
    h = await startHarness();
    await h.sendCommand(text, { responseId: 'sub' });
    const reply = await h.fake.waitFor('response', (c) => c.responseId === 'sub');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(shownTexts(reply.body).join('\n')).toContain(expected(h));
  });

  it('subscribes, lists and unsubscribes the channel', async () => {
    h = await startHarness();
    await h.sendCommand('subscribe 浙江', { responseId: 's1', channel: 'C0SUBS' });
    await h.fake.waitFor('response', (c) => c.responseId === 's1');
    const chat = { surface: 'slack' as const, chatId: 'C0SUBS' };
    const listed = await h.planwatch.subscriptions(chat);
    await h.sendCommand('subscriptions', { responseId: 's2', channel: 'C0SUBS' });
    const reply = await h.fake.waitFor('response', (c) => c.responseId === 's2');
    expect(shownTexts(reply.body).join('\n')).toContain(listed.text.split('\n')[0]!);
    await h.sendCommand('unsubscribe', { responseId: 's3', channel: 'C0SUBS' });
    await h.fake.waitFor('response', (c) => c.responseId === 's3');
    expect((await h.planwatch.subscriptions(chat)).text).not.toBe(listed.text);
  });
});

describe('slack adapter: request verification', () => {
  const body = JSON.stringify({ type: 'event_callback', event_id: 'Ev0SIG', team_id: 'T0TEAM', api_app_id: 'A0PLANS',
    event: { type: 'app_mention', user: 'U0ANALYST', text: `${bot} ${zjQuestion}`, ts: '1.1', channel: 'C0SIG' } });

  it.each([
    ['a wrong secret', { secret: 'not-the-secret' }],
    ['a tampered signature', { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' }],
    ['an unknown signature version', { signature: 'v1=abc' }],
    ['no signature', { signature: null }],
    ['a stale timestamp (10 minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
  ])('refuses %s with 401', async (_name, sign) => {
    h = await startHarness();
    const res = await h.post(body, 'application/json', sign);
    expect(res.status).toBe(401);
    await h.adapter.stop(); // every acknowledged event handled
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it.each([
    ['broken JSON', '{"type": "event_callback", ', 'application/json'],
    ['a form payload that is not JSON', 'payload=%7Bnot-json', 'application/x-www-form-urlencoded'],
  ])('answers %s with 400 and keeps serving', async (_name, raw, contentType) => {
    h = await startHarness();
    expect((await h.post(raw, contentType)).status).toBe(400);
    expect((await h.sendEvent(mention(`${bot} ${zjQuestion}`))).status).toBe(200);
    await h.fake.waitFor('chat.postMessage', posted('C0PLANS'));
  });

  it('refuses an oversized body with 413 and other paths or methods with 404', async () => {
    h = await startHarness();
    expect((await h.post('x'.repeat(2 * 1024 * 1024), 'application/json')).status).toBe(413);
    expect((await fetch(`${h.url}/slack/other`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${h.url}/slack/events`)).status).toBe(404);
    expect((await h.sendEvent(mention(`${bot} ${zjQuestion}`))).status).toBe(200);
  });

  it('answers the url_verification challenge', async () => {
    h = await startHarness();
    const res = await h.post(JSON.stringify({ type: 'url_verification', challenge: 'ch4llenge', token: 'x' }), 'application/json');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'ch4llenge' });
  });
});

describe('slack adapter: escaping', () => {
  // A page showing Slack markup as text (so its HTML escapes it), with broadcasts in its title too.
  const documents = [{
    name: 'doc-evil.html', title: '光伏 <!here> <!channel> 通知', date: '2023-05-01', url: 'https://example.gov.cn/x?a=1&b=<2>',
    text: '<p>到2023年底，浙江光伏&lt;!channel&gt; &lt;@U123&gt;装机容量达到25%。&lt;!everyone&gt;</p>',
  }];
  const forbidden = ['<!channel>', '<!here>', '<!everyone>', '<@U123>'];

  it('escapes <!channel> and <@U123> from a document and from the question', async () => {
    h = await startHarness({ documents });
    // The question as Slack sends it when someone types the characters literally, plus a real @here.
    const typed = '浙江光伏装机 &lt;!channel&gt; &lt;@U123&gt; <!here>';
    const plain = '浙江光伏装机 <!channel> <@U123> @here';
    const a = h.planwatch.ask(plain);
    // The test's premise: the answer cites the hostile document, whose quote and title carry the markup.
    const source = a.sources[0]!;
    expect(source.document).toMatch(/^doc-evil_/);
    expect(source.quote).toContain('<@U123>');
    expect(source.title).toContain('<!channel>');
    expect(source.title).toContain('<!here>');

    await h.sendCommand(typed, { responseId: 'esc' });
    const reply = await h.fake.waitFor('response', (c) => c.responseId === 'esc');
    await h.sendEvent(mention(`${bot} ${typed}`));
    const inThread = await h.fake.waitFor('chat.postMessage', posted('C0PLANS'));

    for (const call of [reply, inThread]) {
      const shown = shownTexts(call.body).join('\n');
      for (const bad of forbidden) expect(shown).not.toContain(bad);
      expect(shown).toContain('&lt;@U123&gt;');
      expect(shown).toContain(escapeMrkdwn(source.quote));
      expect(shown).toContain(escapeMrkdwn(source.title));
    }
    // The private reply shows the question, escaped.
    expect(shownTexts(reply.body).join('\n')).toContain('&lt;!channel&gt; &lt;@U123&gt; @here');
    // The source link keeps its URL (with & as &amp;) and an escaped title.
    expect(shownTexts(inThread.body).join('\n')).toContain('<https://example.gov.cn/x?a=1&amp;b=%3C2%3E|光伏 &lt;!here&gt; &lt;!channel&gt; 通知>');
  });
});

describe('slack adapter: long answers', () => {
  /** Slack's documented Block Kit limits. */
  const blockKit = { blocks: 50, sectionText: 3000, fields: 10, fieldText: 2000 };

  function expectWithinBlockKit(call: FakeSlackCall): void {
    expect(call.ok).toBe(true); // the fake refuses what Slack would (invalid_blocks)
    const blocks = (call.body.blocks ?? []) as Array<{ text?: { text: string }; fields?: Array<{ text: string }> }>;
    expect(blocks.length).toBeLessThanOrEqual(blockKit.blocks);
    for (const block of blocks) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(blockKit.sectionText);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(blockKit.fields);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(blockKit.fieldText);
    }
  }

  async function bigHarness(): Promise<{ harness: Harness; big: Answer }> {
    const base = await createTestPlanwatch();
    const big = bigAnswer(base.planwatch.ask(zjQuestion), 80);
    await base.close();
    return { harness: await startHarness({ wrap: (p) => ({ ...p, ask: (q) => ({ ...big, question: q }) }) }), big };
  }

  function expectNothingLost(calls: FakeSlackCall[], big: Answer): void {
    const everything = calls.flatMap((c) => shownTexts(c.body)).join('\n');
    for (const source of big.sources) expect(everything).toContain(`[${source.n}] `);
    for (const row of big.rows) expect(everything).toContain(row.metric);
  }

  it('posts an 80-fact answer within Slack limits, the rest in the thread, nothing lost', async () => {
    const { harness, big } = await bigHarness();
    h = harness;
    await h.sendEvent(mention(`${bot} 全部目标`));
    await h.fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === '1700000100.000100');
    await h.adapter.stop(); // waits for the follow-ups

    const all = h.fake.callsOf('chat.postMessage');
    expect(all.length).toBeGreaterThan(1);
    for (const call of all) expectWithinBlockKit(call);
    expect(all.every((c) => c.body.thread_ts === '1700000100.000100')).toBe(true);
    expect(buttonsOf(all[0]!.body).map((b) => b.action_id)).toEqual([actionIds.feedbackUp, actionIds.feedbackDown]);
    expectNothingLost(all, big);
  });

  it('answers an 80-fact slash command within Slack limits in at most five responses, nothing lost', async () => {
    const { harness, big } = await bigHarness();
    h = harness;
    await h.sendCommand('全部目标', { responseId: 'big' });
    await h.fake.waitFor('response', (c) => c.responseId === 'big');
    await h.adapter.stop();

    const all = h.fake.callsOf('response');
    expect(all.length).toBeGreaterThan(1);
    expect(all.length).toBeLessThanOrEqual(5); // what a response_url accepts
    for (const call of all) {
      expectWithinBlockKit(call);
      expect(call.body.response_type).toBe('ephemeral');
    }
    expectNothingLost(all, big);
  });
});

describe('slack adapter: stop', () => {
  it.each([
    ['a mention', 'chat.postMessage', (h: Harness) => h.sendEvent(mention(`${bot} ${zjQuestion}`))],
    ['a slash command', 'response', (h: Harness) => h.sendCommand(zjQuestion, { responseId: 'stop' })],
  ])('waits for the answer to %s acknowledged before it, and takes nothing new', async (_name, method, send) => {
    h = await startHarness();
    const held = h.fake.hold(method);
    expect((await send(h)).status).toBe(200);
    await held.arrived;

    let stopped = false;
    const stopping = h.adapter.stop().then(() => { stopped = true; });
    // One turn of the event loop is all a stop() that did not wait would need.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    expect((await h.sendEvent(mention(`${bot} 河南5G基站`, { ts: '1700000500.000100' }))).status).toBe(503);

    held.release();
    await stopping;
    const answers = h.fake.callsOf(method).filter((c) => c.ok);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body.text).toContain(h.planwatch.ask(zjQuestion).figure!);
  });
});

describe('slack adapter: blocks Slack refuses', () => {
  it('re-posts the answer once as plain text, in the same thread, and logs it', async () => {
    h = await startHarness();
    h.fake.failNext('chat.postMessage', { error: 'invalid_blocks' });
    await h.sendEvent(mention(`${bot} ${zjQuestion}`));
    await h.fake.waitFor('chat.postMessage', posted('C0PLANS'));
    await h.adapter.stop();

    const [refused, plain, ...more] = h.fake.callsOf('chat.postMessage');
    expect(more).toEqual([]);
    expect(refused!.ok).toBe(false);
    expect(refused!.body.blocks).toBeDefined();
    expect(plain!.ok).toBe(true);
    expect(plain!.body.blocks).toBeUndefined();
    expect(plain!.body.text).toBe(plainMessageText(h.planwatch.ask(zjQuestion)));
    expect(plain!.body.thread_ts).toBe('1700000100.000100');
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 40, msg: 'slack: blocks refused, answer re-sent as plain text' }));
  });

  it('answers a slash command as plain text when the response_url refuses the blocks', async () => {
    h = await startHarness();
    h.fake.failNext('response', { error: 'invalid_blocks' });
    await h.sendCommand(zjQuestion, { responseId: 'plain' });
    await h.fake.waitFor('response', (c) => c.ok);
    await h.adapter.stop();

    const [refused, plain, ...more] = h.fake.callsOf('response');
    expect(more).toEqual([]);
    expect(refused!.status).toBe(400);
    expect(plain!.body).toMatchObject({ response_type: 'ephemeral', text: plainMessageText(h.planwatch.ask(zjQuestion)) });
    expect(plain!.body.blocks).toBeUndefined();
  });

  it('gives up after the plain text is refused too: one failure logged, no retry', async () => {
    h = await startHarness();
    h.fake.failNext('chat.postMessage', { error: 'invalid_blocks' }, 2);
    await h.sendEvent(mention(`${bot} ${zjQuestion}`));
    await h.fake.waitFor('chat.postMessage', (c) => c.body.text !== undefined && c.body.blocks === undefined);
    await h.adapter.stop();
    // The answer twice (blocks, plain text), then the apology the user sees instead.
    expect(h.fake.callsOf('chat.postMessage').map((c) => c.ok)).toEqual([false, false, true]);
    expect(h.logs.filter((l) => l.msg === 'slack: handling failed')).toHaveLength(1);
  });
});

describe('slack adapter: feedback', () => {
  it('stores a 👎 click with question, facts, user and channel, and thanks privately', async () => {
    h = await startHarness();
    const a = h.planwatch.ask(zjQuestion);
    await h.sendEvent(mention(`${bot} ${zjQuestion}`));
    const answer = await h.fake.waitFor('chat.postMessage', posted('C0PLANS'));
    const down = buttonOf(answer, actionIds.feedbackDown);
    expect(decodeFeedbackValue(down.value)?.f).toEqual(a.facts.map((f) => f.id));

    const res = await h.click(down, { channel: 'C0PLANS', user: 'U0REVIEWER', responseId: 'fb1' });
    expect(res.status).toBe(200);
    const thanks = await h.fake.waitFor('response', (c) => c.responseId === 'fb1');
    expect(thanks.body.response_type).toBe('ephemeral');
    expect(thanks.body.replace_original).toBe(false);
    const votes = await h.planwatch.listFeedback();
    expect(votes).toEqual([{
      vote: 'down', question: zjQuestion, factIds: a.facts.map((f) => f.id), user: 'U0REVIEWER',
      chat: { surface: 'slack', chatId: 'C0PLANS' }, at: expect.any(String),
    }]);
    expect(Number.isNaN(Date.parse(votes[0]!.at))).toBe(false);
  });
});

describe('slack notifier', () => {
  it('posts a reminder answer to the chat', async () => {
    h = await startHarness();
    const a = h.planwatch.ask(zjQuestion);
    await h.adapter.notifier.send({ surface: 'slack', chatId: 'C0REMIND' }, a);
    const call = await h.fake.waitFor('chat.postMessage', posted('C0REMIND'));
    expect(call.body.text).toContain(a.figure!);
    expect(h.adapter.notifier.surface).toBe('slack');
  });

  it.each(['channel_not_found', 'is_archived', 'not_in_channel', 'account_inactive'])('maps %s to DeliveryError blocked', async (error) => {
    h = await startHarness();
    h.fake.failNext('chat.postMessage', { error });
    const chat = { surface: 'slack' as const, chatId: 'C0GONE' };
    const failure = await h.adapter.notifier.send(chat, h.planwatch.ask(zjQuestion)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ failure: 'blocked', chat });
  });

  it.each([
    ['invalid_blocks, as blocks and as plain text', 'invalid_blocks', 2],
    ['msg_too_long', 'msg_too_long', 1],
  ])('maps %s to DeliveryError permanent, without retrying', async (_name, error, times) => {
    h = await startHarness();
    h.fake.failNext('chat.postMessage', { error }, times);
    const chat = { surface: 'slack' as const, chatId: 'C0REFUSED' };
    const failure = await h.adapter.notifier.send(chat, h.planwatch.ask(zjQuestion)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ failure: 'permanent', chat });
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(times);
  });

  it.each([
    ['5xx after retries', { status: 500 as const }],
    ['429 after retries', { status: 429 as const, retryAfter: 0 }],
  ])('maps %s to DeliveryError transient', async (_name, failure) => {
    h = await startHarness();
    h.fake.failNext('chat.postMessage', failure, 10);
    const error = await h.adapter.notifier.send({ surface: 'slack', chatId: 'C0BUSY' }, h.planwatch.ask(zjQuestion)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DeliveryError', failure: 'transient' });
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(3); // retried: 1 + 2 retries
  });

  it('maps a network failure to DeliveryError transient', async () => {
    const fake = await startFakeSlack();
    const apiUrl = fake.apiUrl;
    await fake.close(); // nothing listens there any more
    const core = await createTestPlanwatch();
    const adapter = createSlackAdapter({
      botToken: 'xoxb-test', signingSecret: 's', slackApiUrl: apiUrl, planwatch: core.planwatch, logger: pino({ level: 'silent' }),
      botUserId: 'U1', botId: 'B1', retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 5 },
    });
    const error = await adapter.notifier.send({ surface: 'slack', chatId: 'C0X' }, core.planwatch.ask(zjQuestion)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DeliveryError', failure: 'transient' });
  });
});

describe('slack adapter: lifecycle', () => {
  it('is ready once started in HTTP mode, refuses requests before, and rejects a config without a signing secret', async () => {
    const core = await createTestPlanwatch();
    const logger = pino({ level: 'silent' });
    expect(() => createSlackAdapter({ botToken: 'xoxb-1', planwatch: core.planwatch, logger })).toThrow(/signingSecret/);
    h = await startHarness();
    expect(h.adapter.isReady()).toBe(true);
    await h.adapter.stop();
    expect(h.adapter.isReady()).toBe(false);
    expect((await h.sendEvent(mention(`${bot} ${zjQuestion}`))).status).toBe(503);
  });
});

describe('slack adapter: socket mode', () => {
  it('uses Socket Mode when an app token is given (connects with it) and reports a refused app token', async () => {
    const fake = await startFakeSlack();
    const core = await createTestPlanwatch();
    try {
      const adapter = createSlackAdapter({
        botToken: 'xoxb-test', appToken: 'xapp-test', slackApiUrl: fake.apiUrl, planwatch: core.planwatch,
        logger: pino({ level: 'silent' }), botUserId: 'U1', botId: 'B1', retryConfig: { retries: 0 },
      });
      // The fake has no WebSocket endpoint; an app token Slack refuses makes start() fail (other errors are retried).
      fake.failNext('apps.connections.open', { error: 'invalid_auth' });
      await expect(adapter.start()).rejects.toThrow(/invalid_auth/);
      const open = await fake.waitFor('apps.connections.open');
      expect(open.headers.authorization).toBe('Bearer xapp-test');
      expect(adapter.isReady()).toBe(false);
    } finally {
      await fake.close();
    }
  });
});

/** An answer listing `n` facts (rows and sources), built from a real one so it follows the contract. */
function bigAnswer(seed: Answer, n: number): Answer {
  const fact = seed.facts[0]!;
  const facts = Array.from({ length: n }, (_, i) => ({ ...fact, id: `zj-2023-${String(i).padStart(8, '0')}`, metric: `指标${i}号${fact.metric}` }));
  return Answer.parse({
    ...seed,
    intent: 'list',
    headline: `浙江 2023年目标（${n}项）`,
    figure: null,
    rows: facts.map((f, i) => ({ region: f.region, year: f.year, metric: f.metric, figure: `增长${i}%`, kind: f.kind, source: i + 1, factId: f.id })),
    sources: facts.map((f, i) => ({ ...f.citations[0]!, quote: `${f.citations[0]!.quote}，`.repeat(8), n: i + 1, factId: f.id })),
    facts: facts.slice(0, 10),
    notes: ['部分目标为“力争”值。'],
  });
}
