/**
 * The shared store for several replicas: PostgreSQL through a `pg` pool. The claim is one
 * `INSERT … ON CONFLICT DO UPDATE … WHERE <the claim expired> RETURNING`: the conflicting row is
 * locked and the condition re-checked on its latest version, so of any number of schedulers ticking
 * at the same moment exactly one wins each (subscription, fact, lead), expired claim or not.
 */
import pg from 'pg';
import type { LedgerEntry, LedgerKey } from '../reminders/ledger.ts';
import type { ChatRef, Subscription } from '../reminders/types.ts';
import type { FeedbackVote } from '../planwatch.ts';
import { latestVersion, postgresMigrations, type Migration } from './migrations.ts';
import {
  checkKey,
  checkNewSubscription,
  checkPatch,
  claimExpiredBefore,
  feedbackFromRow,
  knownFactIdsValue,
  ledgerFromRow,
  parseKnownFactIds,
  subscriptionFromRow,
  toInstant,
  type FeedbackRow,
  type LedgerRow,
  type SubscriptionRow,
} from './rows.ts';
import {
  KNOWN_FACT_IDS_KEY,
  StoreError,
  type ClaimOptions,
  type LedgerFilter,
  type NewSubscription,
  type Store,
  type SubscriptionFilter,
  type SubscriptionPatch,
} from './types.ts';

/** Options of `openPostgresStore`. */
export interface PostgresStoreOptions {
  /** Schema to use (created when missing) via `search_path`; tests use one per run. Default: the server's. */
  schema?: string;
  /** Pool size. Default 5. */
  max?: number;
  /** Migrations to apply (tests only). Default: the shipped list. */
  migrations?: readonly Migration[];
  /** Errors of idle pooled connections (server restart); the next query reconnects. Default: ignored. */
  onIdleError?: (error: Error) => void;
}

const SCHEMA_RE = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** Arbitrary constant of the advisory lock serialising migrations across replicas. */
const MIGRATION_LOCK = 7_482_001;

/** Applies pending migrations in one transaction under an advisory lock. */
export async function migratePostgres(
  client: pg.PoolClient | pg.Client,
  migrations: readonly Migration[] = postgresMigrations,
  schema?: string,
): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    if (newest > latestVersion(migrations)) {
      throw new StoreError('schema_too_new', `store/postgres: database schema version ${newest} is newer than this planwatch (${latestVersion(migrations)})`);
    }
    const ran: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      for (const sql of m.statements) await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      ran.push(m.version);
    }
    await client.query('COMMIT');
    return ran;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * Opens a pool on `url` (`postgres://user@host:5432/db`) and runs pending migrations.
 *
 * @example const store = await openPostgresStore('postgres://postgres@127.0.0.1:5432/planwatch');
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_RE.test(schema)) {
    throw new StoreError('invalid_url', `store/postgres: invalid schema name "${schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 5,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => options.onIdleError?.(error));
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  try {
    await migratePostgres(client, options.migrations, schema);
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  return new PostgresStore(pool);
}

const SUBSCRIPTION_COLUMNS = 'id, surface, chat_id, region, program, topic, lead_days, time_zone, active, created_at';

class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  #closed = false;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async addSubscription(input: NewSubscription): Promise<Subscription> {
    const s = checkNewSubscription(input);
    const { rows } = await this.#pool.query<SubscriptionRow>(
      `INSERT INTO subscriptions (surface, chat_id, region, program, topic, lead_days, time_zone, active, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [s.chat.surface, s.chat.chatId, s.selector.region, s.selector.program, s.selector.topic, s.leadDays, s.timeZone,
        s.active !== false, s.createdAt],
    );
    return subscriptionFromRow(rows[0]!);
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const { rows } = await this.#pool.query<SubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = $1`, [id]);
    return rows[0] ? subscriptionFromRow(rows[0]) : undefined;
  }

  async listSubscriptions(filter: SubscriptionFilter = {}): Promise<Subscription[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.chat) {
      params.push(filter.chat.surface, filter.chat.chatId);
      where.push(`surface = $${params.length - 1} AND chat_id = $${params.length}`);
    }
    if (filter.active !== undefined) {
      params.push(filter.active);
      where.push(`active = $${params.length}`);
    }
    const { rows } = await this.#pool.query<SubscriptionRow>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`,
      params,
    );
    return rows.map(subscriptionFromRow);
  }

  async updateSubscription(id: string, patch: SubscriptionPatch): Promise<Subscription | undefined> {
    checkPatch(patch);
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const sets: string[] = [];
    const params: unknown[] = [];
    if (patch.leadDays !== undefined) {
      params.push(patch.leadDays);
      sets.push(`lead_days = $${params.length}`);
    }
    if (patch.timeZone !== undefined) {
      params.push(patch.timeZone);
      sets.push(`time_zone = $${params.length}`);
    }
    if (patch.active !== undefined) {
      params.push(patch.active);
      sets.push(`active = $${params.length}`);
    }
    if (sets.length === 0) return this.getSubscription(id);
    params.push(id);
    const { rows } = await this.#pool.query<SubscriptionRow>(
      `UPDATE subscriptions SET ${sets.join(', ')} WHERE id = $${params.length} RETURNING ${SUBSCRIPTION_COLUMNS}`,
      params,
    );
    return rows[0] ? subscriptionFromRow(rows[0]) : undefined;
  }

  async deleteSubscription(id: string): Promise<boolean> {
    if (!/^\d{1,18}$/.test(id)) return false;
    const result = await this.#pool.query('DELETE FROM subscriptions WHERE id = $1', [id]);
    return result.rowCount === 1;
  }

  async deactivateChat(chat: ChatRef): Promise<number> {
    const result = await this.#pool.query(
      'UPDATE subscriptions SET active = FALSE WHERE surface = $1 AND chat_id = $2 AND active',
      [chat.surface, chat.chatId],
    );
    return result.rowCount ?? 0;
  }

  /** Inserts the key's row with `status`, or overwrites a claim older than `options.expiryMs`; true when this call wrote. */
  async #insertUnlessHeld(key: LedgerKey, status: 'claimed' | 'skipped', now: Date, detail: string | null, options?: ClaimOptions): Promise<boolean> {
    checkKey(key);
    const { rows } = await this.#pool.query(
      `INSERT INTO send_ledger (subscription_id, fact_id, lead, status, updated_at, detail)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (subscription_id, fact_id, lead) DO UPDATE
         SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at, detail = EXCLUDED.detail
         WHERE send_ledger.status = 'claimed' AND send_ledger.updated_at < $7::timestamptz
       RETURNING 1 AS won`,
      [key.subscriptionId, key.factId, key.lead, status, now, detail, claimExpiredBefore(now, options)],
    );
    return rows.length === 1;
  }

  async claim(key: LedgerKey, now: Date, options?: ClaimOptions): Promise<boolean> {
    return this.#insertUnlessHeld(key, 'claimed', now, null, options);
  }

  async markSent(key: LedgerKey, now: Date): Promise<void> {
    checkKey(key);
    await this.#pool.query(
      `UPDATE send_ledger SET status = 'sent', updated_at = $4, detail = NULL WHERE subscription_id = $1 AND fact_id = $2 AND lead = $3`,
      [key.subscriptionId, key.factId, key.lead, now],
    );
  }

  async markFailed(key: LedgerKey, now: Date, detail: string): Promise<void> {
    checkKey(key);
    await this.#pool.query(
      `INSERT INTO send_ledger (subscription_id, fact_id, lead, status, updated_at, detail)
       VALUES ($1, $2, $3, 'failed', $4, $5)
       ON CONFLICT (subscription_id, fact_id, lead) DO UPDATE SET status = 'failed', updated_at = EXCLUDED.updated_at, detail = EXCLUDED.detail`,
      [key.subscriptionId, key.factId, key.lead, now, detail],
    );
  }

  async markSkipped(key: LedgerKey, now: Date, detail: string, options?: ClaimOptions): Promise<boolean> {
    return this.#insertUnlessHeld(key, 'skipped', now, detail, options);
  }

  async release(key: LedgerKey, claimedAt: Date): Promise<boolean> {
    checkKey(key);
    const result = await this.#pool.query(
      `DELETE FROM send_ledger
       WHERE subscription_id = $1 AND fact_id = $2 AND lead = $3 AND status = 'claimed' AND updated_at = $4`,
      [key.subscriptionId, key.factId, key.lead, claimedAt],
    );
    return result.rowCount === 1;
  }

  async getLedgerEntry(key: LedgerKey): Promise<LedgerEntry | undefined> {
    const { rows } = await this.#pool.query<LedgerRow>(
      'SELECT * FROM send_ledger WHERE subscription_id = $1 AND fact_id = $2 AND lead = $3',
      [key.subscriptionId, key.factId, key.lead],
    );
    return rows[0] ? ledgerFromRow(rows[0]) : undefined;
  }

  async listLedger(filter: LedgerFilter = {}): Promise<LedgerEntry[]> {
    const ids = filter.subscriptionIds;
    if (ids && ids.length === 0) return [];
    const order = 'ORDER BY updated_at, subscription_id, fact_id, lead';
    const { rows } = ids
      ? await this.#pool.query<LedgerRow>(`SELECT * FROM send_ledger WHERE subscription_id = ANY($1::text[]) ${order}`, [ids])
      : await this.#pool.query<LedgerRow>(`SELECT * FROM send_ledger ${order}`);
    return rows.map(ledgerFromRow);
  }

  async recordFeedback(vote: FeedbackVote): Promise<void> {
    await this.#pool.query(
      'INSERT INTO feedback (vote, question, fact_ids, user_id, surface, chat_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [vote.vote, vote.question, vote.factIds, vote.user, vote.chat.surface, vote.chat.chatId, toInstant(vote.at, 'at')],
    );
  }

  async listFeedback(): Promise<FeedbackVote[]> {
    const { rows } = await this.#pool.query<FeedbackRow>(
      'SELECT vote, question, fact_ids, user_id, surface, chat_id, at FROM feedback ORDER BY at, id',
    );
    return rows.map(feedbackFromRow);
  }

  async getValue(key: string): Promise<string | undefined> {
    const { rows } = await this.#pool.query<{ value: string }>('SELECT value FROM kv WHERE key = $1', [key]);
    return rows[0]?.value;
  }

  async setValue(key: string, value: string): Promise<void> {
    await this.#pool.query(
      'INSERT INTO kv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
      [key, value],
    );
  }

  async getKnownFactIds(): Promise<string[] | null> {
    return parseKnownFactIds(await this.getValue(KNOWN_FACT_IDS_KEY));
  }

  async setKnownFactIds(ids: readonly string[]): Promise<void> {
    await this.setValue(KNOWN_FACT_IDS_KEY, knownFactIdsValue(ids));
  }

  async ping(): Promise<void> {
    await this.#pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}
