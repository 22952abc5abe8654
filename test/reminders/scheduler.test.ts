import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/knowledge/schema.ts';
import { createFactMatcher } from '../../src/reminders/match.ts';
import { createScheduler } from '../../src/reminders/scheduler.ts';
import type { ChatRef } from '../../src/reminders/types.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { allFacts, beijingData, henan5g, jiangsu5g, RecordingNotifier, zhejiangGdp } from './fixtures.ts';

const matches = createFactMatcher();
const alice: ChatRef = { surface: 'telegram', chatId: '1001' };
const bob: ChatRef = { surface: 'telegram', chatId: '2002' };
const team: ChatRef = { surface: 'slack', chatId: 'C0TEAM' };
const thirtyDaysBefore = new Date('2023-12-01T04:00:00Z'); // 12:00 Shanghai
const plusMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

let store: Store;

async function subscribe(chat: ChatRef, region: string | null, topic: string | null = null) {
  return store.addSubscription({
    chat, selector: { region, program: null, topic }, leadDays: [30, 7, 0], timeZone: 'Asia/Shanghai',
    createdAt: '2023-11-01T00:00:00Z',
  });
}

beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe('tick', () => {
  it('sends the due reminder once, with the fact and its source', async () => {
    await subscribe(alice, '河南');
    const telegram = new RecordingNotifier('telegram');
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram], matches });
    const first = await scheduler.tick(thirtyDaysBefore);
    expect(first.sent).toHaveLength(1);
    expect(telegram.deliveries).toHaveLength(1);
    const { chat, message } = telegram.deliveries[0]!;
    expect(chat).toEqual(alice);
    expect(message.intent).toBe('reminder');
    expect(message.facts[0]?.id).toBe(henan5g.id);
    expect(message.text).toContain(henan5g.citations[0]!.title);
    const second = await scheduler.tick(plusMinutes(thirtyDaysBefore, 1));
    expect(second.sent).toEqual([]);
    expect(telegram.deliveries).toHaveLength(1);
  });

  it('a clock going back an hour does not resend', async () => {
    await subscribe(alice, '河南');
    const telegram = new RecordingNotifier('telegram');
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram], matches });
    await scheduler.tick(new Date('2023-12-01T02:00:00Z'));
    for (const back of ['2023-12-01T01:00:00Z', '2023-12-01T01:30:00Z', '2023-12-01T02:00:00Z']) {
      expect((await scheduler.tick(new Date(back))).sent).toEqual([]);
    }
    expect(telegram.deliveries).toHaveLength(1);
  });

  it('a crash between claim and send: the claim expires after 10 minutes and the reminder goes out once', async () => {
    const sub = await subscribe(alice, '河南');
    const key = { subscriptionId: sub.id, factId: henan5g.id, lead: 30 };
    expect(await store.claim(key, thirtyDaysBefore)).toBe(true); // the crashed scheduler's claim
    const telegram = new RecordingNotifier('telegram');
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram], matches });
    expect((await scheduler.tick(plusMinutes(thirtyDaysBefore, 10))).sent).toEqual([]);
    expect((await scheduler.tick(plusMinutes(thirtyDaysBefore, 11))).sent.map((s) => s.keys)).toEqual([[key]]);
    expect((await scheduler.tick(plusMinutes(thirtyDaysBefore, 30))).sent).toEqual([]);
    expect(telegram.to(alice.chatId)).toHaveLength(1);
    expect(await store.getLedgerEntry(key)).toMatchObject({ status: 'sent', updatedAt: plusMinutes(thirtyDaysBefore, 11).toISOString() });
  });

  it('the claim expiry is a due option', async () => {
    const sub = await subscribe(alice, '河南');
    await store.claim({ subscriptionId: sub.id, factId: henan5g.id, lead: 30 }, thirtyDaysBefore);
    const telegram = new RecordingNotifier('telegram');
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram], matches, due: { claimExpiryMs: 60_000 } });
    expect((await scheduler.tick(plusMinutes(thirtyDaysBefore, 2))).sent).toHaveLength(1);
  });

  it('routes each chat to the notifier of its surface', async () => {
    await subscribe(alice, '河南');
    await subscribe(team, '河南');
    const telegram = new RecordingNotifier('telegram');
    const slack = new RecordingNotifier('slack');
    await createScheduler({ store, facts: () => allFacts, notifiers: [telegram, slack], matches }).tick(thirtyDaysBefore);
    expect(telegram.deliveries.map((d) => d.chat)).toEqual([alice]);
    expect(slack.deliveries.map((d) => d.chat)).toEqual([team]);
  });

  it('blocked: deactivates the chat, records failure, never retries', async () => {
    const a = await subscribe(alice, '河南');
    const a2 = await subscribe(alice, '浙江');
    await subscribe(bob, '河南');
    const telegram = new RecordingNotifier('telegram');
    telegram.failNext(alice.chatId, 'blocked');
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram], matches });
    const result = await scheduler.tick(thirtyDaysBefore);
    expect(result.deactivated).toEqual([alice]);
    expect(result.failed.map((f) => [f.chat.chatId, f.failure])).toEqual([[alice.chatId, 'blocked']]);
    expect(telegram.to(bob.chatId)).toHaveLength(1);
    // The chat's other subscription (浙江 GDP, also due) was not attempted after the block.
    expect(telegram.attempts.filter((d) => d.chat.chatId === alice.chatId)).toHaveLength(1);
    expect((await store.listSubscriptions({ chat: alice })).map((s) => s.active)).toEqual([false, false]);
    const failedKey = result.failed[0]!.keys[0]!;
    expect(await store.getLedgerEntry(failedKey)).toMatchObject({ status: 'failed' });
    expect([a.id, a2.id]).toContain(failedKey.subscriptionId);
    const next = await scheduler.tick(plusMinutes(thirtyDaysBefore, 1));
    expect(next.sent).toEqual([]);
    expect(telegram.to(alice.chatId)).toHaveLength(0);
  });

  it('permanent (the platform refused this message): recorded failed, not retried, the chat stays subscribed', async () => {
    const sub = await subscribe(alice, '河南');
    const telegram = new RecordingNotifier('telegram');
    telegram.failNext(alice.chatId, 'permanent');
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram], matches });
    const first = await scheduler.tick(thirtyDaysBefore);
    expect(first.failed.map((f) => f.failure)).toEqual(['permanent']);
    expect(first.deactivated).toEqual([]);
    const key = { subscriptionId: sub.id, factId: henan5g.id, lead: 30 };
    expect(await store.getLedgerEntry(key)).toMatchObject({ status: 'failed', detail: "Bad Request: can't parse entities" });
    expect((await scheduler.tick(plusMinutes(thirtyDaysBefore, 11))).sent).toEqual([]);
    expect(telegram.attempts).toHaveLength(1);
    expect((await store.getSubscription(sub.id))?.active).toBe(true);
    // The next lead still goes out.
    expect((await scheduler.tick(new Date('2023-12-24T01:00:00Z'))).sent.map((s) => s.keys[0]!.lead)).toEqual([7]);
  });

  it.each(['transient', 'crash'] as const)('%s error: retried next tick, delivered once overall', async (failure) => {
    await subscribe(alice, '河南');
    const telegram = new RecordingNotifier('telegram');
    telegram.failNext(alice.chatId, failure);
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram], matches });
    const first = await scheduler.tick(thirtyDaysBefore);
    expect(first.sent).toEqual([]);
    expect(first.failed.map((f) => f.failure)).toEqual(['transient']);
    expect(first.deactivated).toEqual([]);
    expect(await store.listLedger()).toEqual([]); // the claim was released
    const second = await scheduler.tick(plusMinutes(thirtyDaysBefore, 1));
    expect(second.sent).toHaveLength(1);
    await scheduler.tick(plusMinutes(thirtyDaysBefore, 2));
    expect(telegram.attempts).toHaveLength(2);
    expect(telegram.to(alice.chatId)).toHaveLength(1);
    expect((await store.listSubscriptions({ chat: alice }))[0]?.active).toBe(true);
  });

  it('dry run: computes without claiming, sending or skipping', async () => {
    await subscribe(alice, null);
    const telegram = new RecordingNotifier('telegram');
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram], matches });
    const dry = await scheduler.tick(thirtyDaysBefore, { dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.sent.map((s) => s.message.facts[0]?.id)).toEqual([henan5g.id, zhejiangGdp.id]);
    expect(dry.skipped.length).toBeGreaterThan(0); // 一季度 keys long past
    expect(telegram.attempts).toEqual([]);
    expect(await store.listLedger()).toEqual([]);
    const real = await scheduler.tick(thirtyDaysBefore);
    expect(real.sent.map((s) => s.message.headline)).toEqual(dry.sent.map((s) => s.message.headline));
    expect((await store.listLedger()).filter((e) => e.status === 'skipped')).toHaveLength(real.skipped.length);
  });

  it('a chat without a notifier for its surface fails without claiming', async () => {
    await subscribe(team, '河南');
    const result = await createScheduler({ store, facts: () => allFacts, notifiers: [new RecordingNotifier('telegram')], matches })
      .tick(thirtyDaysBefore);
    expect(result.failed.map((f) => f.failure)).toEqual(['no_notifier']);
    expect(await store.listLedger()).toEqual([]);
  });

  it('sends the follow-up with the actual figure the day after the deadline', async () => {
    await subscribe(alice, '浙江');
    const telegram = new RecordingNotifier('telegram');
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram], matches });
    await scheduler.tick(new Date('2024-01-01T01:00:00Z'));
    const followups = telegram.deliveries.filter((d) => d.message.headline.startsWith('已到期'));
    expect(followups).toHaveLength(1);
    expect(followups[0]!.message.facts.map((f) => f.kind)).toEqual(['target', 'actual']);
  });
});

describe('start and stop', () => {
  it('ticks on an interval and stop waits for the tick in progress', async () => {
    await subscribe(alice, '河南');
    const telegram = new RecordingNotifier('telegram');
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram], matches });
    let ticks = 0;
    scheduler.start(5, () => {
      ticks++;
      return plusMinutes(thirtyDaysBefore, ticks);
    });
    while (ticks < 4) await new Promise((r) => setTimeout(r, 5));
    await scheduler.stop();
    const after = ticks;
    await new Promise((r) => setTimeout(r, 30));
    expect(ticks).toBe(after);
    expect(telegram.deliveries).toHaveLength(1);
  });
});

describe('digest of newly ingested facts', () => {
  const newJiangsu: Fact = { ...jiangsu5g, id: 'js-2025-abcdef01', metric: '5G基站数', value: '26万个' };

  it('one digest per chat with the new matching facts; never twice', async () => {
    await subscribe(alice, '江苏');
    await subscribe(alice, null, '5G'); // also matches; still one digest, each fact once
    await subscribe(bob, '北京');
    await subscribe(team, '河南');
    const telegram = new RecordingNotifier('telegram');
    const slack = new RecordingNotifier('slack');
    const scheduler = createScheduler({ store, facts: () => allFacts, notifiers: [telegram, slack], matches });
    const before = [henan5g.id, zhejiangGdp.id];
    const after = [henan5g, zhejiangGdp, jiangsu5g, newJiangsu, beijingData];
    const result = await scheduler.digest(before, after, thirtyDaysBefore);
    expect(telegram.to(alice.chatId)).toHaveLength(1);
    expect(telegram.to(alice.chatId)[0]!.message.intent).toBe('digest');
    expect(telegram.to(alice.chatId)[0]!.message.facts.map((f) => f.id).sort()).toEqual([jiangsu5g.id, newJiangsu.id].sort());
    expect(telegram.to(bob.chatId)[0]!.message.facts.map((f) => f.id)).toEqual([beijingData.id]);
    expect(slack.deliveries).toEqual([]); // nothing new for 河南
    expect(result.sent).toHaveLength(2);
    const again = await scheduler.digest(before, after, thirtyDaysBefore);
    expect(again.sent).toEqual([]);
  });

  it('digestFromStore: the first run only remembers; later runs send what is new', async () => {
    await subscribe(alice, '江苏');
    const telegram = new RecordingNotifier('telegram');
    let facts: Fact[] = [henan5g, jiangsu5g];
    const scheduler = createScheduler({ store, facts: () => facts, notifiers: [telegram], matches });
    expect((await scheduler.digestFromStore(thirtyDaysBefore)).sent).toEqual([]);
    expect(await store.getKnownFactIds()).toEqual([henan5g.id, jiangsu5g.id].sort());
    facts = [henan5g, jiangsu5g, newJiangsu];
    expect((await scheduler.digestFromStore(thirtyDaysBefore)).sent).toHaveLength(1);
    expect(telegram.deliveries[0]!.message.facts.map((f) => f.id)).toEqual([newJiangsu.id]);
    expect((await scheduler.digestFromStore(thirtyDaysBefore)).sent).toEqual([]);
  });
});
