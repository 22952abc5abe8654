/**
 * The one store interface behind reminders and feedback. Two implementations pass one
 * shared test suite: SQLite (embedded default) and PostgreSQL (several replicas).
 */
import type { LedgerEntry, LedgerKey } from '../reminders/ledger.ts';
import type { ChatRef, Selector, Subscription } from '../reminders/types.ts';
import type { FeedbackVote } from '../planwatch.ts';

/** What a new subscription needs; the store assigns the id (a short number: `/unsubscribe 3`). */
export interface NewSubscription {
  chat: ChatRef;
  selector: Selector;
  leadDays: number[];
  timeZone: string;
  /** ISO-8601 instant. */
  createdAt: string;
  /** Default true. */
  active?: boolean;
}

/** Fields of a subscription that may change. */
export interface SubscriptionPatch {
  leadDays?: number[];
  timeZone?: string;
  active?: boolean;
}

/** Which subscriptions to list; no filter lists all, oldest first. */
export interface SubscriptionFilter {
  chat?: ChatRef;
  active?: boolean;
}

/** Which ledger rows to list; no filter lists all. */
export interface LedgerFilter {
  subscriptionIds?: readonly string[];
}

/** How `claim` and `markSkipped` treat a row some scheduler claimed but never settled. */
export interface ClaimOptions {
  /**
   * A row still `claimed` more than this many ms before `now` is taken over: its scheduler crashed
   * between claiming and sending. Default: never (a claim stands until released or settled).
   */
  expiryMs?: number;
}

/** Which store implementation. */
export type StoreKind = 'sqlite' | 'postgres';

/**
 * Persistence of subscriptions, the send ledger, feedback votes and small values.
 * All methods are async so both implementations share one shape.
 */
export interface Store {
  readonly kind: StoreKind;

  /** Creates a subscription with a fresh id. */
  addSubscription(input: NewSubscription): Promise<Subscription>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  /** Subscriptions in creation order (by id). */
  listSubscriptions(filter?: SubscriptionFilter): Promise<Subscription[]>;
  /** Applies `patch`; undefined when the id is unknown. */
  updateSubscription(id: string, patch: SubscriptionPatch): Promise<Subscription | undefined>;
  /** Deletes a subscription for good; false when the id is unknown. Its ledger rows stay. */
  deleteSubscription(id: string): Promise<boolean>;
  /** Turns off every active subscription of `chat` (blocked bot, archived channel); returns how many. */
  deactivateChat(chat: ChatRef): Promise<number>;

  /**
   * Claims a send: inserts the ledger row as `claimed` (stamped `now`) unless the key has a row, or
   * takes over an expired claim (see `ClaimOptions`). Exactly one of any number of concurrent
   * callers (processes included) gets true.
   */
  claim(key: LedgerKey, now: Date, options?: ClaimOptions): Promise<boolean>;
  /** Marks a claimed key delivered. */
  markSent(key: LedgerKey, now: Date): Promise<void>;
  /** Marks a key failed for good (blocked chat); inserts the row when missing. */
  markFailed(key: LedgerKey, now: Date, detail: string): Promise<void>;
  /**
   * Records a key as skipped unless it has a row (an expired claim, see `ClaimOptions`, counts as
   * none); true when this call recorded it.
   */
  markSkipped(key: LedgerKey, now: Date, detail: string, options?: ClaimOptions): Promise<boolean>;
  /**
   * Deletes the claim stamped `claimedAt` so the send is retried; false when the row is settled or
   * another scheduler has since taken the claim over (its send must not be undone).
   */
  release(key: LedgerKey, claimedAt: Date): Promise<boolean>;
  getLedgerEntry(key: LedgerKey): Promise<LedgerEntry | undefined>;
  listLedger(filter?: LedgerFilter): Promise<LedgerEntry[]>;

  recordFeedback(vote: FeedbackVote): Promise<void>;
  /** Votes, oldest first. */
  listFeedback(): Promise<FeedbackVote[]>;

  /** A small stored value (JSON text by convention); undefined when unset. */
  getValue(key: string): Promise<string | undefined>;
  setValue(key: string, value: string): Promise<void>;
  /** The fact ids known at the last digest, or null before the first. */
  getKnownFactIds(): Promise<string[] | null>;
  setKnownFactIds(ids: readonly string[]): Promise<void>;

  /** Readiness: resolves when the database answers a trivial query, rejects otherwise. */
  ping(): Promise<void>;
  /** Releases the connection(s). */
  close(): Promise<void>;
}

/** Key of the known fact ids in the value table. */
export const KNOWN_FACT_IDS_KEY = 'digest.known_fact_ids';

/** A store error for broken invariants, with a stable code. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: 'invalid_url' | 'schema_too_new' | 'invalid_row' | 'invalid_input',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
