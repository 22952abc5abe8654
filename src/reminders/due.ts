/**
 * "What is due at `now`": a pure function of subscriptions, facts, the ledger and `now`.
 * No clock and no I/O; the scheduler claims, sends and records what this returns.
 *
 * Rules:
 * - a reminder fires at 09:00 in the subscription's zone on (deadline − lead) for each lead;
 * - the follow-up fires at 09:00 on the day after the deadline (ledger lead -1);
 * - a key already in the ledger (any status) is never due again, so a clock going backwards or
 *   a restart does not resend; except a claim older than the claim expiry, whose scheduler died
 *   between claiming and sending: that key is due again (and claimable again, once);
 * - a fire time in the last 24 h is due (catch-up after downtime); older ones are skipped;
 * - one chat gets one message per (fact, lead) even when several of its subscriptions match.
 */
import { normalizeForMatch } from '../documents/normalize.ts';
import type { Fact } from '../knowledge/schema.ts';
import { CLAIM_EXPIRY_MS, FOLLOWUP_LEAD, isExpiredClaim, ledgerKeyString, type LedgerEntry, type LedgerKey } from './ledger.ts';
import type { FactMatcher } from './match.ts';
import { addDays, daysBetween, localDate, zonedInstant } from './time.ts';
import type { Subscription } from './types.ts';

/** Tunables of the due logic, each with its default. */
export interface DueOptions {
  /** Local hour of sends. Default 9. */
  sendHour?: number;
  /** How late a missed send may still go out, in ms. Default 24 h. */
  catchUpMs?: number;
  /** Send the "deadline passed" follow-up. Default true. */
  followups?: boolean;
  /** Age after which an unsettled claim no longer holds its key, in ms. Default 10 min (`CLAIM_EXPIRY_MS`). */
  claimExpiryMs?: number;
}

/** Defaults of `DueOptions`. */
export const dueDefaults: Required<DueOptions> = {
  sendHour: 9, catchUpMs: 24 * 60 * 60 * 1000, followups: true, claimExpiryMs: CLAIM_EXPIRY_MS,
};

/** Input of `dueReminders`. */
export interface DueInput {
  /** All subscriptions; inactive ones are ignored (but keep their chat known for de-duplication). */
  subscriptions: readonly Subscription[];
  facts: readonly Fact[];
  /** Every ledger row relevant to these subscriptions. */
  ledger: readonly LedgerEntry[];
  now: Date;
  matches: FactMatcher;
  options?: DueOptions;
}

/** One message to send now. */
export interface DueSend {
  key: LedgerKey;
  kind: 'reminder' | 'followup';
  subscription: Subscription;
  fact: Fact;
  /** ISO-8601 instant the send was scheduled for (≤ now). */
  fireAt: string;
  /** The date at `now` in the subscription's zone. */
  today: string;
  /** Days from `today` to the deadline (negative for follow-ups). */
  daysLeft: number;
  /** Follow-ups: `actual` facts of the same region, city, metric and year, latest source first. */
  actuals: Fact[];
}

/** A key to record as skipped, never sent. */
export interface DueSkip {
  key: LedgerKey;
  reason: 'missed' | 'duplicate';
  fireAt: string;
}

/** What `dueReminders` decided. */
export interface DuePlan {
  due: DueSend[];
  skip: DueSkip[];
}

/** Same region, city, normalized metric and year as `target`, kind `actual`. */
export function findActuals(target: Fact, facts: readonly Fact[]): Fact[] {
  const metric = normalizeForMatch(target.metric);
  return facts
    .filter(
      (f) =>
        f.kind === 'actual' &&
        f.region === target.region &&
        (f.city ?? null) === (target.city ?? null) &&
        f.year === target.year &&
        normalizeForMatch(f.metric) === metric,
    )
    .sort((a, b) => (b.citations[0]?.date ?? '').localeCompare(a.citations[0]?.date ?? '') || a.id.localeCompare(b.id));
}

function chatKey(s: Subscription): string {
  return `${s.chat.surface}\u0000${s.chat.chatId}`;
}

/**
 * The sends due at `now` and the ledger keys to mark skipped.
 *
 * @example
 * const plan = dueReminders({ subscriptions, facts, ledger: await store.listLedger(), now, matches });
 * for (const send of plan.due) { ... claim, send, mark ... }
 */
export function dueReminders(input: DueInput): DuePlan {
  const { sendHour, catchUpMs, followups, claimExpiryMs } = { ...dueDefaults, ...input.options };
  const nowMs = input.now.getTime();
  // An expired claim holds nothing: its key is planned as if the row were not there.
  const ledger = input.ledger.filter((e) => !isExpiredClaim(e, input.now, claimExpiryMs));
  const recorded = new Set(ledger.map(ledgerKeyString));
  const chatOfSubscription = new Map(input.subscriptions.map((s) => [s.id, chatKey(s)]));
  // (chat, fact, lead) already claimed or sent by any subscription of the chat.
  const deliveredToChat = new Set<string>();
  for (const e of ledger) {
    const chat = chatOfSubscription.get(e.subscriptionId);
    if (chat && (e.status === 'sent' || e.status === 'claimed')) deliveredToChat.add(`${chat}\u0000${e.factId}\u0000${e.lead}`);
  }

  const candidates: Array<{ send: DueSend; fireMs: number }> = [];
  const skip: DueSkip[] = [];
  const subscriptions = [...input.subscriptions]
    .filter((s) => s.active)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id, 'en', { numeric: true }));

  for (const subscription of subscriptions) {
    const zone = subscription.timeZone;
    const today = localDate(input.now, zone);
    for (const fact of input.facts) {
      const deadline = fact.deadline;
      if (fact.kind !== 'target' || !deadline) continue;
      if (!input.matches(fact, subscription.selector)) continue;
      const slots: Array<{ lead: number; date: string }> = [...new Set(subscription.leadDays)].map((lead) => ({
        lead,
        date: addDays(deadline, -lead),
      }));
      if (followups) slots.push({ lead: FOLLOWUP_LEAD, date: addDays(deadline, 1) });
      for (const { lead, date } of slots) {
        const fireMs = zonedInstant(date, sendHour, 0, zone).getTime();
        if (fireMs > nowMs) continue;
        const key: LedgerKey = { subscriptionId: subscription.id, factId: fact.id, lead };
        if (recorded.has(ledgerKeyString(key))) continue;
        const fireAt = new Date(fireMs).toISOString();
        if (nowMs - fireMs > catchUpMs) {
          skip.push({ key, reason: 'missed', fireAt });
          continue;
        }
        const kind = lead === FOLLOWUP_LEAD ? 'followup' : 'reminder';
        candidates.push({
          fireMs,
          send: {
            key, kind, subscription, fact, fireAt, today,
            daysLeft: daysBetween(today, deadline),
            actuals: kind === 'followup' ? findActuals(fact, input.facts) : [],
          },
        });
      }
    }
  }

  const due: DueSend[] = [];
  for (const { send } of candidates) {
    const dedupe = `${chatKey(send.subscription)}\u0000${send.fact.id}\u0000${send.key.lead}`;
    if (deliveredToChat.has(dedupe)) {
      skip.push({ key: send.key, reason: 'duplicate', fireAt: send.fireAt });
      continue;
    }
    deliveredToChat.add(dedupe);
    due.push(send);
  }
  due.sort(
    (a, b) =>
      a.fireAt.localeCompare(b.fireAt) ||
      a.fact.deadline!.localeCompare(b.fact.deadline!) ||
      a.key.subscriptionId.localeCompare(b.key.subscriptionId, 'en', { numeric: true }) ||
      a.key.factId.localeCompare(b.key.factId),
  );
  return { due, skip };
}
