/**
 * The send ledger's shapes. One row per (subscription, fact, lead) — the unique key
 * that makes a reminder go out once across restarts, replicas and clock changes.
 */
import { z } from 'zod';

/** Lead of the "deadline passed" follow-up in the ledger key. */
export const FOLLOWUP_LEAD = -1;
/** Lead of a new-facts digest entry in the ledger key. */
export const DIGEST_LEAD = -2;
/**
 * How long a `claimed` row stands before another scheduler may take it over. A send takes seconds;
 * a claim this old was left by a scheduler that crashed between claiming and sending. Default 10 min.
 */
export const CLAIM_EXPIRY_MS = 10 * 60_000;

/** What a ledger row identifies: one message about one fact for one subscription. */
export const LedgerKey = z.object({
  subscriptionId: z.string().min(1),
  factId: z.string().min(1),
  /** Days before the deadline (0 = the day); -1 the follow-up; -2 a digest. */
  lead: z.number().int().min(-2),
});
export type LedgerKey = z.infer<typeof LedgerKey>;

/**
 * `claimed`: a scheduler owns the send (in flight; taken over once older than the claim expiry).
 * `sent`: delivered. `failed`: refused for good (blocked chat, or a message the platform refuses).
 * `skipped`: missed by more than the catch-up window, or a duplicate for the chat.
 */
export const LedgerStatus = z.enum(['claimed', 'sent', 'failed', 'skipped']);
export type LedgerStatus = z.infer<typeof LedgerStatus>;

/** One ledger row: its key, where the send stands, and when it last changed. */
export const LedgerEntry = LedgerKey.extend({
  status: LedgerStatus,
  /** ISO-8601 instant of the last change. */
  updatedAt: z.string(),
  /** Why a send failed or was skipped. */
  detail: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** A string form of a key, for sets and maps. */
export function ledgerKeyString(key: LedgerKey): string {
  return `${key.subscriptionId}\u0000${key.factId}\u0000${key.lead}`;
}

/**
 * Whether `entry` is a claim its scheduler never settled: still `claimed` more than `expiryMs` before
 * `now`. A claim stamped after `now` (the clock went back) is live, not expired.
 *
 * @example isExpiredClaim({ ...key, status: 'claimed', updatedAt: '2023-12-01T01:00:00Z', detail: null }, new Date('2023-12-01T01:11:00Z'), CLAIM_EXPIRY_MS) // true
 */
export function isExpiredClaim(entry: LedgerEntry, now: Date, expiryMs: number): boolean {
  return entry.status === 'claimed' && now.getTime() - Date.parse(entry.updatedAt) > expiryMs;
}
