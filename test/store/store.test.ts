import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_LEAD, FOLLOWUP_LEAD, type LedgerKey } from '../../src/reminders/ledger.ts';
import { createFactMatcher } from '../../src/reminders/match.ts';
import { createScheduler } from '../../src/reminders/scheduler.ts';
import type { ChatRef } from '../../src/reminders/types.ts';
import { parseDatabaseUrl } from '../../src/store/open.ts';
import { StoreError, type NewSubscription, type Store } from '../../src/store/types.ts';
import { allFacts, henan5g, RecordingNotifier, zhejiangGdp } from '../reminders/fixtures.ts';
import { backends, type Location } from './backends.ts';

const alice: ChatRef = { surface: 'telegram', chatId: '1001' };
const team: ChatRef = { surface: 'slack', chatId: 'C0TEAM' };

function newSub(chat: ChatRef, region: string | null, extra: Partial<NewSubscription> = {}): NewSubscription {
  return {
    chat, selector: { region, program: null, topic: null }, leadDays: [30, 7, 0], timeZone: 'Asia/Shanghai',
    createdAt: '2023-11-30T08:00:00+08:00', ...extra,
  };
}

const key = (subscriptionId: string, lead = 30, factId = henan5g.id): LedgerKey => ({ subscriptionId, factId, lead });
const t0 = new Date('2023-12-01T01:00:00Z');

describe.each(backends)('store: $name', (backend) => {
  let location: Location;
  let store: Store;
  const extra: Store[] = [];

  beforeEach(async () => {
    location = await backend.fresh();
    store = await location.open();
  });

  afterEach(async () => {
    for (const s of extra.splice(0)) await s.close();
    await store.close();
    await location.cleanup();
  });

  async function openAnother(): Promise<Store> {
    const s = await location.open();
    extra.push(s);
    return s;
  }

  it('reports its kind and answers ping', async () => {
    expect(store.kind).toBe(backend.name);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('subscriptions', () => {
    it('adds with fresh ids and reads them back as contract subscriptions', async () => {
      const a = await store.addSubscription(newSub(alice, '河南'));
      const b = await store.addSubscription(newSub(alice, null, { selector: { region: '浙江', program: null, topic: '5G' }, leadDays: [90, 30, 7], timeZone: 'Asia/Tokyo' }));
      expect(a.id).not.toBe(b.id);
      expect(a).toEqual({
        id: a.id, chat: alice, selector: { region: '河南', program: null, topic: null }, leadDays: [30, 7, 0],
        timeZone: 'Asia/Shanghai', active: true, createdAt: '2023-11-30T00:00:00.000Z',
      });
      expect(await store.getSubscription(b.id)).toEqual(b);
      expect(b.selector).toEqual({ region: '浙江', program: null, topic: '5G' });
      expect(b.leadDays).toEqual([90, 30, 7]);
      expect(await store.getSubscription('999999')).toBeUndefined();
      expect(await store.getSubscription('not-a-number')).toBeUndefined();
    });

    it('lists by chat and by active, oldest first', async () => {
      const a = await store.addSubscription(newSub(alice, '河南'));
      const b = await store.addSubscription(newSub(team, '浙江'));
      const c = await store.addSubscription(newSub(alice, '江苏', { active: false }));
      expect((await store.listSubscriptions()).map((s) => s.id)).toEqual([a.id, b.id, c.id]);
      expect((await store.listSubscriptions({ chat: alice })).map((s) => s.id)).toEqual([a.id, c.id]);
      expect((await store.listSubscriptions({ chat: alice, active: true })).map((s) => s.id)).toEqual([a.id]);
      expect((await store.listSubscriptions({ active: false })).map((s) => s.id)).toEqual([c.id]);
      // Same chat id on another surface is another chat.
      expect(await store.listSubscriptions({ chat: { surface: 'slack', chatId: '1001' } })).toEqual([]);
    });

    it('updates, deletes and deactivates a whole chat', async () => {
      const a = await store.addSubscription(newSub(alice, '河南'));
      const b = await store.addSubscription(newSub(alice, '浙江'));
      const c = await store.addSubscription(newSub(team, '浙江'));
      const updated = await store.updateSubscription(a.id, { leadDays: [7], timeZone: 'Europe/Berlin' });
      expect(updated).toMatchObject({ id: a.id, leadDays: [7], timeZone: 'Europe/Berlin', active: true });
      expect(await store.updateSubscription('424242', { active: false })).toBeUndefined();
      expect(await store.deactivateChat(alice)).toBe(2);
      expect(await store.deactivateChat(alice)).toBe(0);
      expect((await store.listSubscriptions({ active: true })).map((s) => s.id)).toEqual([c.id]);
      expect(await store.deleteSubscription(b.id)).toBe(true);
      expect(await store.deleteSubscription(b.id)).toBe(false);
      expect(await store.getSubscription(b.id)).toBeUndefined();
    });

    it.each([
      ['an unknown time zone', { timeZone: 'Mars/Base' }],
      ['no lead days', { leadDays: [] }],
      ['a negative lead', { leadDays: [-3] }],
      ['a bad instant', { createdAt: 'yesterday' }],
    ])('refuses %s with invalid_input', async (_name, change) => {
      const error = await store.addSubscription(newSub(alice, '河南', change)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('invalid_input');
    });
  });

  describe('send ledger', () => {
    it('claims a key once', async () => {
      expect(await store.claim(key('1'), t0)).toBe(true);
      expect(await store.claim(key('1'), t0)).toBe(false);
      expect(await store.claim(key('1', 7), t0)).toBe(true);
      expect(await store.claim(key('2'), t0)).toBe(true);
      expect(await store.claim(key('1', 30, zhejiangGdp.id), t0)).toBe(true);
      expect(await store.getLedgerEntry(key('1'))).toEqual({ ...key('1'), status: 'claimed', updatedAt: t0.toISOString(), detail: null });
    });

    it('lets exactly one of many concurrent claims win, across connections', async () => {
      const other = await openAnother();
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).claim(key('7', FOLLOWUP_LEAD), t0)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('marks sent; a sent key cannot be released or claimed again', async () => {
      await store.claim(key('1'), t0);
      const later = new Date(t0.getTime() + 1000);
      await store.markSent(key('1'), later);
      expect(await store.getLedgerEntry(key('1'))).toMatchObject({ status: 'sent', updatedAt: later.toISOString() });
      expect(await store.release(key('1'), t0)).toBe(false);
      expect(await store.claim(key('1'), later)).toBe(false);
    });

    it('releases a failed claim so it can be claimed again, once', async () => {
      await store.claim(key('1'), t0);
      expect(await store.release(key('1'), t0)).toBe(true);
      expect(await store.getLedgerEntry(key('1'))).toBeUndefined();
      expect(await store.release(key('1'), t0)).toBe(false);
      const again = await Promise.all([store.claim(key('1'), t0), store.claim(key('1'), t0)]);
      expect(again.filter(Boolean)).toHaveLength(1);
    });

    describe('a claim never settled (crash between claim and send)', () => {
      const expiry = { expiryMs: 10 * 60_000 };
      const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

      it.each([
        ['without an expiry it stands for good', at(60 * 24 * 365), undefined, false],
        ['it holds for the expiry', at(10), expiry, false],
        ['it is taken over once older than the expiry', at(10.001), expiry, true],
        ['a clock gone back does not expire it', at(-60), expiry, false],
      ])('%s', async (_name, now, options, won) => {
        expect(await store.claim(key('1'), t0)).toBe(true);
        expect(await store.claim(key('1'), now, options)).toBe(won);
        const stamp = won ? now : t0;
        expect(await store.getLedgerEntry(key('1'))).toEqual({ ...key('1'), status: 'claimed', updatedAt: stamp.toISOString(), detail: null });
      });

      const settle = {
        sent: async () => (await store.claim(key('1'), t0)) && store.markSent(key('1'), t0),
        failed: () => store.markFailed(key('1'), t0, 'blocked'),
        skipped: () => store.markSkipped(key('1'), t0, 'missed'),
      };

      it.each(['sent', 'failed', 'skipped'] as const)('a %s row is never taken over, however old', async (status) => {
        await settle[status]();
        expect(await store.claim(key('1'), at(60 * 24), expiry)).toBe(false);
        expect(await store.markSkipped(key('1'), at(60 * 24), 'missed', expiry)).toBe(false);
        expect(await store.getLedgerEntry(key('1'))).toMatchObject({ status, updatedAt: t0.toISOString() });
      });

      it('an expired claim may be recorded as skipped instead (missed by more than the catch-up window)', async () => {
        await store.claim(key('1'), t0);
        expect(await store.markSkipped(key('1'), at(5), 'missed', expiry)).toBe(false);
        expect(await store.markSkipped(key('1'), at(60 * 25), 'missed', expiry)).toBe(true);
        expect(await store.getLedgerEntry(key('1'))).toMatchObject({ status: 'skipped', detail: 'missed', updatedAt: at(60 * 25).toISOString() });
      });

      it('of many concurrent take-overs, across connections, exactly one wins', async () => {
        await store.claim(key('1'), t0);
        const other = await openAnother();
        const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).claim(key('1'), at(11), expiry)));
        expect(results.filter(Boolean)).toHaveLength(1);
        // Still one row: the key stays unique.
        expect((await store.listLedger()).filter((e) => e.factId === henan5g.id)).toHaveLength(1);
      });

      it('the crashed scheduler cannot release the claim another has taken over', async () => {
        await store.claim(key('1'), t0);
        await store.claim(key('1'), at(11), expiry);
        expect(await store.release(key('1'), t0)).toBe(false);
        expect(await store.getLedgerEntry(key('1'))).toMatchObject({ status: 'claimed', updatedAt: at(11).toISOString() });
        expect(await store.release(key('1'), at(11))).toBe(true);
      });

      it('refuses a negative expiry', async () => {
        await expect(store.claim(key('1'), t0, { expiryMs: -1 })).rejects.toMatchObject({ code: 'invalid_input' });
      });
    });

    it('marks failed (insert or update) and skipped (only when absent)', async () => {
      await store.claim(key('1'), t0);
      await store.markFailed(key('1'), t0, 'Forbidden: bot was blocked');
      await store.markFailed(key('1', 7), t0, 'chat not found');
      expect(await store.getLedgerEntry(key('1'))).toMatchObject({ status: 'failed', detail: 'Forbidden: bot was blocked' });
      expect(await store.getLedgerEntry(key('1', 7))).toMatchObject({ status: 'failed', detail: 'chat not found' });
      expect(await store.markSkipped(key('1'), t0, 'missed')).toBe(false);
      expect(await store.getLedgerEntry(key('1'))).toMatchObject({ status: 'failed' });
      expect(await store.markSkipped(key('1', 0), t0, 'missed')).toBe(true);
      expect(await store.getLedgerEntry(key('1', 0))).toMatchObject({ status: 'skipped', detail: 'missed' });
      expect(await store.claim(key('1', 0), t0)).toBe(false);
    });

    it('lists the ledger, optionally for some subscriptions', async () => {
      await store.claim(key('1'), t0);
      await store.claim(key('2', DIGEST_LEAD), t0);
      await store.markSkipped(key('3', 0), t0, 'missed');
      expect((await store.listLedger()).map((e) => `${e.subscriptionId}/${e.lead}/${e.status}`).sort()).toEqual(['1/30/claimed', '2/-2/claimed', '3/0/skipped']);
      expect((await store.listLedger({ subscriptionIds: ['1', '3'] })).map((e) => e.subscriptionId).sort()).toEqual(['1', '3']);
      expect(await store.listLedger({ subscriptionIds: [] })).toEqual([]);
    });

    it('refuses a malformed key', async () => {
      await expect(store.claim({ subscriptionId: '', factId: henan5g.id, lead: 30 }, t0)).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(store.claim({ subscriptionId: '1', factId: henan5g.id, lead: -5 }, t0)).rejects.toMatchObject({ code: 'invalid_input' });
    });
  });

  describe('feedback and values', () => {
    it('records votes and lists them oldest first', async () => {
      const later = { vote: 'down' as const, question: '江苏5G基站', factIds: [], user: 'U2', chat: team, at: '2023-12-02T00:00:00.000Z' };
      const earlier = { vote: 'up' as const, question: '河南5G基站目标', factIds: [henan5g.id, zhejiangGdp.id], user: 'u1', chat: alice, at: '2023-12-01T09:00:00+08:00' };
      await store.recordFeedback(later);
      await store.recordFeedback(earlier);
      expect(await store.listFeedback()).toEqual([{ ...earlier, at: '2023-12-01T01:00:00.000Z' }, later]);
    });

    it('keeps values and the known fact ids', async () => {
      expect(await store.getValue('x')).toBeUndefined();
      await store.setValue('x', '1');
      await store.setValue('x', '2');
      expect(await store.getValue('x')).toBe('2');
      expect(await store.getKnownFactIds()).toBeNull();
      await store.setKnownFactIds([zhejiangGdp.id, henan5g.id, henan5g.id]);
      expect(await store.getKnownFactIds()).toEqual([henan5g.id, zhejiangGdp.id].sort());
      await store.setKnownFactIds([]);
      expect(await store.getKnownFactIds()).toEqual([]);
    });
  });

  describe('migrations and restarts', () => {
    it('keeps everything across a reopen and does not migrate twice', async () => {
      const a = await store.addSubscription(newSub(alice, '河南'));
      await store.claim(key(a.id), t0);
      await store.markSent(key(a.id), t0);
      await store.close();
      store = await location.open();
      expect(await store.getSubscription(a.id)).toEqual(a);
      expect(await store.getLedgerEntry(key(a.id))).toMatchObject({ status: 'sent' });
      expect(await store.claim(key(a.id), t0)).toBe(false);
      const b = await store.addSubscription(newSub(alice, '浙江'));
      expect(Number(b.id)).toBeGreaterThan(Number(a.id));
    });

    it('refuses a database whose schema is newer than the code', async () => {
      const error = await location.open({ migrations: [] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('schema_too_new');
    });

    it('applies a new numbered migration once, in order', async () => {
      const { sqliteMigrations, postgresMigrations } = await import('../../src/store/migrations.ts');
      const base = backend.name === 'sqlite' ? sqliteMigrations : postgresMigrations;
      const next = [...base, { version: base.length + 1, name: 'test column', statements: ['ALTER TABLE kv ADD COLUMN note TEXT'] }];
      await store.close();
      store = await location.open({ migrations: next });
      await store.close();
      store = await location.open({ migrations: next }); // second open: nothing to do, no "duplicate column"
      await store.setValue('k', 'v');
      expect(await store.getValue('k')).toBe('v');
    });
  });

  describe('schedulers sharing the database', () => {
    async function seedSubscriptions(s: Store, chats: number): Promise<void> {
      for (let i = 0; i < chats; i++) {
        await s.addSubscription(newSub({ surface: 'telegram', chatId: `chat-${i}` }, null));
      }
    }

    it('two concurrent ticks (two connections) send each reminder exactly once', async () => {
      await seedSubscriptions(store, 6);
      const other = await openAnother();
      const left = new RecordingNotifier();
      const right = new RecordingNotifier();
      const matches = createFactMatcher();
      const a = createScheduler({ store, facts: () => allFacts, notifiers: [left], matches });
      const b = createScheduler({ store: other, facts: () => allFacts, notifiers: [right], matches });
      const now = new Date('2023-12-01T04:00:00Z');
      const [ra, rb] = await Promise.all([a.tick(now), b.tick(now)]);
      const deliveries = [...left.deliveries, ...right.deliveries];
      // 6 chats × 2 targets due 30 days before 2023-12-31 (河南 5G, 浙江 GDP).
      expect(deliveries).toHaveLength(12);
      const keys = deliveries.map((d) => `${d.chat.chatId}/${d.message.facts[0]?.id}`);
      expect(new Set(keys).size).toBe(12);
      expect(ra.sent.length + rb.sent.length).toBe(12);
      expect((await store.listLedger()).filter((e) => e.status === 'sent')).toHaveLength(12);
      // And once more from both: nothing new.
      const [again1, again2] = await Promise.all([a.tick(now), b.tick(now)]);
      expect(again1.sent.length + again2.sent.length).toBe(0);
    });

    it('a claim left by a crashed scheduler is sent once by two concurrent ticks after it expires', async () => {
      await seedSubscriptions(store, 3);
      const now = new Date('2023-12-01T04:00:00Z');
      const matches = createFactMatcher();
      // The crashed scheduler claimed every due key, then died before sending any.
      const crashed = await createScheduler({ store, facts: () => allFacts, notifiers: [], matches }).tick(now, { dryRun: true });
      for (const send of crashed.sent) for (const k of send.keys) expect(await store.claim(k, now)).toBe(true);
      expect(crashed.sent).toHaveLength(6);

      const other = await openAnother();
      const left = new RecordingNotifier();
      const right = new RecordingNotifier();
      const a = createScheduler({ store, facts: () => allFacts, notifiers: [left], matches });
      const b = createScheduler({ store: other, facts: () => allFacts, notifiers: [right], matches });
      const tickBoth = async (at: Date) => {
        const [ra, rb] = await Promise.all([a.tick(at), b.tick(at)]);
        return ra.sent.length + rb.sent.length;
      };
      expect(await tickBoth(new Date(now.getTime() + 10 * 60_000))).toBe(0); // the claims still hold
      expect(await tickBoth(new Date(now.getTime() + 11 * 60_000))).toBe(6);
      expect(await tickBoth(new Date(now.getTime() + 30 * 60_000))).toBe(0);
      const keys = [...left.deliveries, ...right.deliveries].map((d) => `${d.chat.chatId}/${d.message.facts[0]?.id}`);
      expect(keys.sort()).toEqual(crashed.sent.map((c) => `${c.chat.chatId}/${c.message.facts[0]?.id}`).sort());
      const ledger = await store.listLedger();
      expect(ledger.filter((e) => e.status === 'sent')).toHaveLength(6);
      expect(ledger.filter((e) => e.status === 'claimed')).toEqual([]);
    });

    it('a restart (reopened store, new scheduler) does not resend', async () => {
      await seedSubscriptions(store, 2);
      const notifier = new RecordingNotifier();
      const matches = createFactMatcher();
      const now = new Date('2023-12-01T04:00:00Z');
      await createScheduler({ store, facts: () => allFacts, notifiers: [notifier], matches }).tick(now);
      expect(notifier.deliveries).toHaveLength(4);
      await store.close();
      store = await location.open();
      const result = await createScheduler({ store, facts: () => allFacts, notifiers: [notifier], matches }).tick(new Date(now.getTime() + 60_000));
      expect(result.sent).toEqual([]);
      expect(notifier.deliveries).toHaveLength(4);
    });
  });
});

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:./data/planwatch.db', { kind: 'sqlite', path: './data/planwatch.db' }],
    ['sqlite:/var/lib/pw.db', { kind: 'sqlite', path: '/var/lib/pw.db' }],
    ['sqlite:///var/lib/pw.db', { kind: 'sqlite', path: '/var/lib/pw.db' }],
    ['sqlite::memory:', { kind: 'sqlite', path: ':memory:' }],
    ['postgres://u@db:5432/pw', { kind: 'postgres', url: 'postgres://u@db:5432/pw' }],
    ['postgresql://u@db/pw', { kind: 'postgres', url: 'postgresql://u@db/pw' }],
  ])('%s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each(['mysql://x', 'sqlite:', './data/x.db'])('refuses %s', (url) => {
    expect(() => parseDatabaseUrl(url)).toThrow(StoreError);
  });
});
