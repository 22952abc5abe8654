import { describe, expect, it } from 'vitest';
import { findTimes, isoDate } from '../../src/extract/time.ts';
import { dueReminders, findActuals, type DuePlan } from '../../src/reminders/due.ts';
import type { LedgerEntry, LedgerStatus } from '../../src/reminders/ledger.ts';
import { createFactMatcher } from '../../src/reminders/match.ts';
import type { Subscription } from '../../src/reminders/types.ts';
import {
  allFacts, beijingData, henan5g, jiangsu5g, subscription, zhejiangGdp, zhejiangGdpActual, zhejiangQ1,
} from './fixtures.ts';

const matches = createFactMatcher();
const region = (r: string) => ({ region: r, program: null, topic: null });
const henanSub = subscription({ id: '1', selector: region('河南') });

function entry(key: string, status: LedgerStatus = 'sent', updatedAt = '2023-01-01T00:00:00.000Z'): LedgerEntry {
  const [subscriptionId, factId, lead] = key.split('/');
  return { subscriptionId: subscriptionId!, factId: factId!, lead: Number(lead), status, updatedAt, detail: null };
}

/** `sub/fact/lead` of each due send, and `sub/fact/lead:reason` of each skip. */
function summarize(plan: DuePlan): { due: string[]; skip: string[] } {
  return {
    due: plan.due.map((d) => `${d.key.subscriptionId}/${d.key.factId}/${d.key.lead}`),
    skip: plan.skip.map((s) => `${s.key.subscriptionId}/${s.key.factId}/${s.key.lead}:${s.reason}`).sort(),
  };
}

interface Case {
  name: string;
  subs?: Subscription[];
  facts?: typeof allFacts;
  ledger?: LedgerEntry[];
  now: string;
  due: string[];
  skip?: string[];
  fireAt?: string;
}

const hn = henan5g.id;
const sentBefore30 = [entry(`1/${hn}/30`)];
const sentBefore7 = [...sentBefore30, entry(`1/${hn}/7`)];
const sentBefore0 = [...sentBefore7, entry(`1/${hn}/0`)];

const cases: Case[] = [
  // Lead times (年底 → 2023-12-31): 30 days, 7 days, the day, then the follow-up.
  { name: '30 days before, one second early: nothing', now: '2023-12-01T00:59:59Z', due: [] },
  { name: '30 days before at 09:00 Shanghai (01:00Z)', now: '2023-12-01T01:00:00Z', due: [`1/${hn}/30`], fireAt: '2023-12-01T01:00:00.000Z' },
  { name: '7 days before', ledger: sentBefore30, now: '2023-12-24T01:00:00Z', due: [`1/${hn}/7`], fireAt: '2023-12-24T01:00:00.000Z' },
  { name: 'the deadline day (lead 0)', ledger: sentBefore7, now: '2023-12-31T01:00:00Z', due: [`1/${hn}/0`] },
  { name: 'between leads: nothing', ledger: sentBefore30, now: '2023-12-10T01:00:00Z', due: [] },
  { name: 'day after: follow-up (lead -1)', ledger: sentBefore0, now: '2024-01-01T01:00:00Z', due: [`1/${hn}/-1`], fireAt: '2024-01-01T01:00:00.000Z' },
  {
    name: 'custom leads 90 and 1',
    subs: [subscription({ id: '1', selector: region('河南'), leadDays: [90, 1] })],
    now: '2023-10-02T01:00:00Z', due: [`1/${hn}/90`], fireAt: '2023-10-02T01:00:00.000Z',
  },
  // Time zones.
  {
    name: 'Asia/Tokyo fires at 00:00Z',
    subs: [subscription({ id: '1', selector: region('河南'), timeZone: 'Asia/Tokyo' })],
    now: '2023-12-01T00:00:00Z', due: [`1/${hn}/30`], fireAt: '2023-12-01T00:00:00.000Z',
  },
  { name: 'Shanghai has not fired at 00:00Z', now: '2023-12-01T00:00:00Z', due: [] },
  {
    name: 'America/New_York fires at 14:00Z (EST)',
    subs: [subscription({ id: '1', selector: region('河南'), timeZone: 'America/New_York' })],
    now: '2023-12-01T14:00:00Z', due: [`1/${hn}/30`], fireAt: '2023-12-01T14:00:00.000Z',
  },
  {
    name: 'America/New_York not yet at 13:59Z',
    subs: [subscription({ id: '1', selector: region('河南'), timeZone: 'America/New_York' })],
    now: '2023-12-01T13:59:00Z', due: [],
  },
  // 一季度 (→ 03-31) and 十四五 (→ 2025-12-31) deadlines.
  {
    name: '一季度: 30 days before 2023-03-31',
    subs: [subscription({ id: '2', selector: region('浙江') })], facts: [zhejiangQ1],
    now: '2023-03-01T01:00:00Z', due: [`2/${zhejiangQ1.id}/30`], fireAt: '2023-03-01T01:00:00.000Z',
  },
  {
    name: '十四五: 7 days before 2025-12-31',
    subs: [subscription({ id: '3', selector: region('江苏') })], facts: [jiangsu5g],
    ledger: [entry(`3/${jiangsu5g.id}/30`)],
    now: '2025-12-24T01:00:00Z', due: [`3/${jiangsu5g.id}/7`], fireAt: '2025-12-24T01:00:00.000Z',
  },
  // The 24-hour catch-up window.
  { name: 'missed 23h59m ago: still due', now: '2023-12-02T00:59:00Z', due: [`1/${hn}/30`] },
  { name: 'missed exactly 24h ago: still due', now: '2023-12-02T01:00:00Z', due: [`1/${hn}/30`] },
  { name: 'missed 24h01m ago: skipped', now: '2023-12-02T01:01:00Z', due: [], skip: [`1/${hn}/30:missed`] },
  {
    name: 'after a week down: old skipped, today due',
    now: '2023-12-24T03:00:00Z', due: [`1/${hn}/7`], skip: [`1/${hn}/30:missed`],
  },
  {
    name: 'a year late: everything skipped',
    now: '2025-01-01T00:00:00Z', due: [],
    skip: [`1/${hn}/-1:missed`, `1/${hn}/0:missed`, `1/${hn}/30:missed`, `1/${hn}/7:missed`],
  },
  // The ledger decides: restarts and clocks going backwards do not resend.
  { name: 'already sent: not due again', ledger: sentBefore30, now: '2023-12-01T01:30:00Z', due: [] },
  // A claim holds its key for 10 minutes; then its scheduler is presumed crashed between claim and send.
  { name: 'claimed by another scheduler (in flight): not due', ledger: [entry(`1/${hn}/30`, 'claimed', '2023-12-01T01:00:00Z')], now: '2023-12-01T01:05:00Z', due: [] },
  { name: 'claimed exactly 10 min ago: still held', ledger: [entry(`1/${hn}/30`, 'claimed', '2023-12-01T01:00:00Z')], now: '2023-12-01T01:10:00Z', due: [] },
  { name: 'claimed 10 min 1 s ago, never sent: due again', ledger: [entry(`1/${hn}/30`, 'claimed', '2023-12-01T01:00:00Z')], now: '2023-12-01T01:10:01Z', due: [`1/${hn}/30`] },
  {
    name: 'claimed, never sent, and now past the catch-up window: skipped',
    ledger: [entry(`1/${hn}/30`, 'claimed', '2023-12-01T01:00:00Z')], now: '2023-12-02T01:01:00Z', due: [], skip: [`1/${hn}/30:missed`],
  },
  { name: 'a claim stamped an hour ahead (the clock went back): held', ledger: [entry(`1/${hn}/30`, 'claimed', '2023-12-01T02:00:00Z')], now: '2023-12-01T01:00:00Z', due: [] },
  {
    name: 'an expired claim no longer speaks for its chat: one message, from the first subscription',
    subs: [
      subscription({ id: '1', selector: region('河南'), chat: { surface: 'telegram', chatId: '42' } }),
      subscription({ id: '2', selector: { region: null, program: null, topic: '5G' }, chat: { surface: 'telegram', chatId: '42' } }),
    ],
    facts: [henan5g], ledger: [entry(`2/${hn}/30`, 'claimed', '2023-12-01T01:00:00Z')], now: '2023-12-01T01:30:00Z',
    due: [`1/${hn}/30`], skip: [`2/${hn}/30:duplicate`],
  },
  { name: 'skipped earlier: never due', ledger: [entry(`1/${hn}/30`, 'skipped')], now: '2023-12-01T02:00:00Z', due: [] },
  { name: 'clock back one hour after the send (02:00Z → 01:00Z)', ledger: sentBefore30, now: '2023-12-01T01:00:00Z', due: [] },
  { name: 'clock back one hour before the fire time', ledger: sentBefore30, now: '2023-12-01T00:30:00Z', due: [] },
  // Selection.
  { name: 'inactive subscription', subs: [subscription({ id: '1', selector: region('河南'), active: false })], now: '2023-12-01T01:00:00Z', due: [] },
  { name: 'other region', subs: [subscription({ id: '1', selector: region('江苏') })], facts: [henan5g], now: '2023-12-01T01:00:00Z', due: [] },
  {
    name: 'everything: only targets with deadlines',
    subs: [subscription({ id: '9', selector: { region: null, program: null, topic: null } })],
    now: '2023-12-01T01:00:00Z',
    due: [`9/${henan5g.id}/30`, `9/${zhejiangGdp.id}/30`],
    skip: [`9/${zhejiangQ1.id}/-1:missed`, `9/${zhejiangQ1.id}/0:missed`, `9/${zhejiangQ1.id}/30:missed`, `9/${zhejiangQ1.id}/7:missed`],
  },
  {
    name: 'one chat, two matching subscriptions: one message',
    subs: [
      subscription({ id: '1', selector: region('河南'), chat: { surface: 'telegram', chatId: '42' } }),
      subscription({ id: '2', selector: { region: null, program: null, topic: '5G' }, chat: { surface: 'telegram', chatId: '42' } }),
    ],
    facts: [henan5g], now: '2023-12-01T01:00:00Z', due: [`1/${hn}/30`], skip: [`2/${hn}/30:duplicate`],
  },
  {
    name: 'the same chat was already sent this fact and lead by another subscription',
    subs: [
      subscription({ id: '1', selector: region('河南'), chat: { surface: 'telegram', chatId: '42' } }),
      subscription({ id: '2', selector: { region: null, program: null, topic: '5G' }, chat: { surface: 'telegram', chatId: '42' } }),
    ],
    facts: [henan5g], ledger: sentBefore30, now: '2023-12-01T01:10:00Z', due: [], skip: [`2/${hn}/30:duplicate`],
  },
  {
    name: 'two chats: one message each',
    subs: [subscription({ id: '1', selector: region('河南') }), subscription({ id: '2', selector: region('河南') })],
    facts: [henan5g], now: '2023-12-01T01:00:00Z', due: [`1/${hn}/30`, `2/${hn}/30`],
  },
];

describe('dueReminders', () => {
  it.each(cases)('$name', (c) => {
    const plan = dueReminders({
      subscriptions: c.subs ?? [henanSub],
      facts: c.facts ?? allFacts,
      ledger: c.ledger ?? [],
      now: new Date(c.now),
      matches,
    });
    expect(summarize(plan)).toEqual({ due: c.due, skip: [...(c.skip ?? [])].sort() });
    if (c.fireAt) expect(plan.due[0]?.fireAt).toBe(c.fireAt);
    for (const d of plan.due) expect(Date.parse(d.fireAt)).toBeLessThanOrEqual(Date.parse(c.now));
  });

  it.each([
    ['2023-12-01T01:00:00Z', 30],
    ['2023-12-24T01:00:00Z', 7],
    ['2023-12-31T01:00:00Z', 0],
    ['2023-12-01T16:30:00Z', 29], // caught up after local midnight: the text counts from the local day
  ])('at %s the reminder says %i days left', (now, days) => {
    const [due] = dueReminders({ subscriptions: [henanSub], facts: [henan5g], ledger: [], now: new Date(now), matches }).due;
    expect(due?.daysLeft).toBe(days);
  });

  it('is pure: the same input gives the same plan', () => {
    const input = { subscriptions: [henanSub], facts: allFacts, ledger: [], now: new Date('2023-12-02T00:00:00Z'), matches };
    expect(summarize(dueReminders(input))).toEqual(summarize(dueReminders(input)));
  });
});

describe('passed-deadline follow-up', () => {
  const zjSub = subscription({ id: '5', selector: region('浙江') });
  const sentLeads = [30, 7, 0].map((l) => entry(`5/${zhejiangGdp.id}/${l}`));

  it.each([
    ['with an actual figure', [zhejiangGdp, zhejiangGdpActual], [zhejiangGdpActual.id]],
    ['without an actual figure', [zhejiangGdp], []],
  ])('%s', (_name, facts, actualIds) => {
    const plan = dueReminders({ subscriptions: [zjSub], facts, ledger: sentLeads, now: new Date('2024-01-01T01:00:00Z'), matches });
    expect(plan.due).toHaveLength(1);
    const [due] = plan.due;
    expect(due?.kind).toBe('followup');
    expect(due?.key.lead).toBe(-1);
    expect(due?.daysLeft).toBe(-1);
    expect(due?.actuals.map((a) => a.id)).toEqual(actualIds);
  });

  it.each([
    ['another year', { year: 2022 }],
    ['another region', { region: '江苏' }],
    ['another metric', { metric: '一般公共预算收入' }],
    ['a target, not an actual', { kind: 'target' as const }],
  ])('does not take an actual of %s', (_name, change) => {
    expect(findActuals(zhejiangGdp, [{ ...zhejiangGdpActual, ...change }])).toEqual([]);
  });

  it('matches the metric after normalization (full-width, spaces)', () => {
    expect(findActuals(zhejiangGdp, [{ ...zhejiangGdpActual, metric: '地区 生产总值' }]).map((f) => f.id)).toEqual([zhejiangGdpActual.id]);
  });
});

describe('deadlines in the far future are not due', () => {
  it('北京 2030 at 2023-12-01', () => {
    const subs = [subscription({ id: '1', selector: region('北京') })];
    expect(dueReminders({ subscriptions: subs, facts: [beijingData], ledger: [], now: new Date('2023-12-01T01:00:00Z'), matches }))
      .toEqual({ due: [], skip: [] });
  });
});

describe('deadlines as plans write them: 年底, 一季度, 十四五', () => {
  const at = (day: string) => `${day}T01:00:00.000Z`; // 09:00 in Asia/Shanghai

  /** The plan at `now` when every lead of `f` but `lead` is already in the ledger. */
  function onlyLead(f: typeof henan5g, leads: number[], lead: number, now: Date): DuePlan {
    const sub = subscription({ id: '1', selector: region(f.region), leadDays: leads });
    const others = [...leads, -1].filter((l) => l !== lead).map((l) => entry(`1/${f.id}/${l}`));
    return dueReminders({ subscriptions: [sub], facts: [f], ledger: others, now, matches });
  }

  // The extractor turns the phrase into the deadline; each lead then fires at 09:00 local on its day,
  // and the follow-up at 09:00 the day after.
  it.each([
    ['到2023年年底', 2023, [30, 7, 0], '2023-12-31', ['2023-12-01', '2023-12-24', '2023-12-31', '2024-01-01']],
    ['一季度', 2023, [30, 7, 0], '2023-03-31', ['2023-03-01', '2023-03-24', '2023-03-31', '2023-04-01']],
    ['到“十四五”末', 2021, [30, 7, 0], '2025-12-31', ['2025-12-01', '2025-12-24', '2025-12-31', '2026-01-01']],
    ['2024年一季度 (leap year, 90 days)', 2023, [90], '2024-03-31', ['2024-01-01', '2024-04-01']],
    ['一季度 (not a leap year, 90 days)', 2023, [90], '2023-03-31', ['2022-12-31', '2023-04-01']],
  ])('%s, document of %i, leads %j → %s', (phrase, docYear, leads, deadline, days) => {
    const [time] = findTimes(phrase.replace(/ \(.*\)$/, ''), docYear);
    expect(time).toBeDefined();
    expect(isoDate(time!.year ?? docYear, time!.monthDay)).toBe(deadline);
    const f = { ...henan5g, deadline };
    for (const [i, lead] of [...leads, -1].entries()) {
      const fire = new Date(at(days[i]!));
      expect(onlyLead(f, leads, lead, new Date(fire.getTime() - 1000)).due).toEqual([]);
      const [due, ...more] = onlyLead(f, leads, lead, fire).due;
      expect(more).toEqual([]);
      expect({ lead: due?.key.lead, fireAt: due?.fireAt, kind: due?.kind }).toEqual({
        lead, fireAt: fire.toISOString(), kind: lead === -1 ? 'followup' : 'reminder',
      });
    }
  });
});
