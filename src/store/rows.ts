/**
 * The one row handling of both stores: validating input, turning rows into contract types.
 * SQLite keeps arrays as JSON text and booleans as 0/1; PostgreSQL has real ones. Both are read here.
 */
import { LedgerEntry, type LedgerKey } from '../reminders/ledger.ts';
import { isValidTimeZone } from '../reminders/time.ts';
import { Subscription } from '../reminders/types.ts';
import type { FeedbackVote } from '../planwatch.ts';
import { StoreError, type ClaimOptions, type NewSubscription, type SubscriptionPatch } from './types.ts';

/** An instant as the stores keep it: `toISOString()` form. Throws `invalid_input` otherwise. */
export function toInstant(value: string | Date, what: string): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new StoreError('invalid_input', `store: invalid ${what} "${String(value)}"`);
  return d.toISOString();
}

function checkLeadDays(leadDays: readonly number[]): void {
  if (leadDays.length === 0 || leadDays.some((d) => !Number.isInteger(d) || d < 0 || d > 3650)) {
    throw new StoreError('invalid_input', `store: invalid leadDays ${JSON.stringify(leadDays)}`);
  }
}

function checkTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new StoreError('invalid_input', `store: invalid timeZone "${timeZone}"`);
}

/** Validates a new subscription (leads 0…3650, a known zone, an instant). */
export function checkNewSubscription(input: NewSubscription): NewSubscription {
  checkLeadDays(input.leadDays);
  checkTimeZone(input.timeZone);
  if (!input.chat.chatId) throw new StoreError('invalid_input', 'store: empty chatId');
  return { ...input, createdAt: toInstant(input.createdAt, 'createdAt') };
}

/** Validates a subscription patch. */
export function checkPatch(patch: SubscriptionPatch): void {
  if (patch.leadDays !== undefined) checkLeadDays(patch.leadDays);
  if (patch.timeZone !== undefined) checkTimeZone(patch.timeZone);
}

/**
 * The instant before which a `claimed` row has expired (`now` − `expiryMs`), in the stores'
 * `toISOString()` form; null when claims never expire (SQL: `updated_at < NULL` holds for no row).
 */
export function claimExpiredBefore(now: Date, options: ClaimOptions = {}): string | null {
  if (options.expiryMs === undefined) return null;
  if (!Number.isFinite(options.expiryMs) || options.expiryMs < 0) {
    throw new StoreError('invalid_input', `store: invalid claim expiryMs ${String(options.expiryMs)}`);
  }
  return new Date(now.getTime() - options.expiryMs).toISOString();
}

/** Validates a ledger key. */
export function checkKey(key: LedgerKey): void {
  if (!key.subscriptionId || !key.factId || !Number.isInteger(key.lead) || key.lead < -2) {
    throw new StoreError('invalid_input', `store: invalid ledger key ${JSON.stringify(key)}`);
  }
}

/** An array column: PostgreSQL's array, or SQLite's JSON text; throws `invalid_row` on bad JSON. */
function arrayColumn<T>(value: T[] | string, what: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new StoreError('invalid_row', `store: ${what} is not JSON: ${JSON.stringify(value)}`, { cause: error });
  }
}

/** The columns both stores read a subscription from. */
export interface SubscriptionRow {
  id: number | string | bigint;
  surface: string;
  chat_id: string;
  region: string | null;
  program: string | null;
  topic: string | null;
  /** PostgreSQL: INTEGER[]; SQLite: JSON text. */
  lead_days: number[] | string;
  time_zone: string;
  /** PostgreSQL: BOOLEAN; SQLite: 0 or 1. */
  active: boolean | number;
  created_at: string | Date;
}

/** A subscription row as the contract type; throws `invalid_row` on a corrupt row. */
export function subscriptionFromRow(row: SubscriptionRow): Subscription {
  const parsed = Subscription.safeParse({
    id: String(row.id),
    chat: { surface: row.surface, chatId: row.chat_id },
    selector: { region: row.region, program: row.program, topic: row.topic },
    leadDays: arrayColumn(row.lead_days, `lead_days of subscription ${String(row.id)}`),
    timeZone: row.time_zone,
    active: typeof row.active === 'number' ? row.active === 1 : row.active,
    createdAt: toInstant(row.created_at, 'created_at'),
  });
  if (!parsed.success) {
    throw new StoreError('invalid_row', `store: subscription row ${String(row.id)} is invalid: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** The columns both stores read a ledger row from. */
export interface LedgerRow {
  subscription_id: string;
  fact_id: string;
  lead: number;
  status: string;
  updated_at: string | Date;
  detail: string | null;
}

/** A ledger row as the contract type. */
export function ledgerFromRow(row: LedgerRow): LedgerEntry {
  const parsed = LedgerEntry.safeParse({
    subscriptionId: row.subscription_id,
    factId: row.fact_id,
    lead: Number(row.lead),
    status: row.status,
    updatedAt: toInstant(row.updated_at, 'updated_at'),
    detail: row.detail,
  });
  if (!parsed.success) throw new StoreError('invalid_row', `store: ledger row is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** The columns both stores read a vote from. */
export interface FeedbackRow {
  vote: string;
  question: string;
  /** PostgreSQL: TEXT[]; SQLite: JSON text. */
  fact_ids: string[] | string;
  user_id: string;
  surface: string;
  chat_id: string;
  at: string | Date;
}

/** A feedback row as the facade's `FeedbackVote`. */
export function feedbackFromRow(row: FeedbackRow): FeedbackVote {
  if (row.vote !== 'up' && row.vote !== 'down') throw new StoreError('invalid_row', `store: invalid vote "${row.vote}"`);
  if (row.surface !== 'telegram' && row.surface !== 'slack' && row.surface !== 'console') {
    throw new StoreError('invalid_row', `store: invalid surface "${row.surface}"`);
  }
  const factIds = arrayColumn(row.fact_ids, 'fact_ids of a vote');
  if (!Array.isArray(factIds) || factIds.some((id) => typeof id !== 'string')) {
    throw new StoreError('invalid_row', 'store: fact_ids of a vote are not strings');
  }
  return {
    vote: row.vote,
    question: row.question,
    factIds: factIds as string[],
    user: row.user_id,
    chat: { surface: row.surface, chatId: row.chat_id },
    at: toInstant(row.at, 'at'),
  };
}

/** The stored form of the known fact ids: a JSON array, sorted, without repeats. */
export function knownFactIdsValue(ids: readonly string[]): string {
  return JSON.stringify([...new Set(ids)].sort());
}

/** Parses the stored known fact ids (a JSON array of strings). */
export function parseKnownFactIds(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== 'string')) {
    throw new StoreError('invalid_row', 'store: known fact ids are not a JSON array of strings');
  }
  return parsed as string[];
}
