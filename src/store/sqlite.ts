/**
 * The embedded store: one SQLite file (better-sqlite3), WAL mode, a busy timeout so several
 * processes on one machine can share it. The claim is one `INSERT … ON CONFLICT` on the ledger's
 * unique key that only updates an expired claim; SQLite runs writes one at a time, so one caller wins.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { LedgerEntry, LedgerKey } from '../reminders/ledger.ts';
import type { ChatRef, Subscription } from '../reminders/types.ts';
import type { FeedbackVote } from '../planwatch.ts';
import { latestVersion, sqliteMigrations, type Migration } from './migrations.ts';
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

/** Options of `openSqliteStore`. */
export interface SqliteStoreOptions {
  /** Milliseconds to wait for a lock held by another connection. Default 5000. */
  busyTimeoutMs?: number;
  /** Migrations to apply (tests only). Default: the shipped list. */
  migrations?: readonly Migration[];
}

/** Applies pending migrations in one immediate transaction; refuses a database newer than this code. */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = sqliteMigrations): number[] {
  const run = db.transaction((): number[] => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    )`);
    const applied = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version),
    );
    const newest = Math.max(0, ...applied);
    if (newest > latestVersion(migrations)) {
      throw new StoreError('schema_too_new', `store/sqlite: database schema version ${newest} is newer than this planwatch (${latestVersion(migrations)})`);
    }
    const ran: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      for (const sql of m.statements) db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(m.version, m.name);
      ran.push(m.version);
    }
    return ran;
  });
  return run.immediate();
}

/**
 * Opens (creating the file and its directory on first use) and migrates a SQLite store.
 * `path` may be `:memory:`.
 *
 * @example const store = openSqliteStore('./data/planwatch.db');
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrateSqlite(db, options.migrations);
  return new SqliteStore(db);
}

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async addSubscription(input: NewSubscription): Promise<Subscription> {
    const s = checkNewSubscription(input);
    const result = this.#db
      .prepare(
        `INSERT INTO subscriptions (surface, chat_id, region, program, topic, lead_days, time_zone, active, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.chat.surface, s.chat.chatId, s.selector.region, s.selector.program, s.selector.topic,
        JSON.stringify(s.leadDays), s.timeZone, s.active === false ? 0 : 1, s.createdAt);
    const created = await this.getSubscription(String(result.lastInsertRowid));
    if (!created) throw new StoreError('invalid_row', `store/sqlite: subscription ${String(result.lastInsertRowid)} missing after insert`);
    return created;
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    if (!/^\d+$/.test(id)) return undefined;
    const row = this.#db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(Number(id)) as SubscriptionRow | undefined;
    return row ? subscriptionFromRow(row) : undefined;
  }

  async listSubscriptions(filter: SubscriptionFilter = {}): Promise<Subscription[]> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (filter.chat) {
      where.push('surface = ? AND chat_id = ?');
      params.push(filter.chat.surface, filter.chat.chatId);
    }
    if (filter.active !== undefined) {
      where.push('active = ?');
      params.push(filter.active ? 1 : 0);
    }
    const sql = `SELECT * FROM subscriptions${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return (this.#db.prepare(sql).all(...params) as SubscriptionRow[]).map(subscriptionFromRow);
  }

  async updateSubscription(id: string, patch: SubscriptionPatch): Promise<Subscription | undefined> {
    checkPatch(patch);
    if (!/^\d+$/.test(id)) return undefined;
    const sets: string[] = [];
    const params: Array<string | number> = [];
    if (patch.leadDays !== undefined) {
      sets.push('lead_days = ?');
      params.push(JSON.stringify(patch.leadDays));
    }
    if (patch.timeZone !== undefined) {
      sets.push('time_zone = ?');
      params.push(patch.timeZone);
    }
    if (patch.active !== undefined) {
      sets.push('active = ?');
      params.push(patch.active ? 1 : 0);
    }
    if (sets.length) this.#db.prepare(`UPDATE subscriptions SET ${sets.join(', ')} WHERE id = ?`).run(...params, Number(id));
    return this.getSubscription(id);
  }

  async deleteSubscription(id: string): Promise<boolean> {
    if (!/^\d+$/.test(id)) return false;
    return this.#db.prepare('DELETE FROM subscriptions WHERE id = ?').run(Number(id)).changes === 1;
  }

  async deactivateChat(chat: ChatRef): Promise<number> {
    return this.#db
      .prepare('UPDATE subscriptions SET active = 0 WHERE surface = ? AND chat_id = ? AND active = 1')
      .run(chat.surface, chat.chatId).changes;
  }

  /**
   * Inserts the key's row with `status`, or overwrites a claim older than `options.expiryMs`;
   * true when this call wrote. Instants are `toISOString()` text, so text order is time order.
   */
  #insertUnlessHeld(key: LedgerKey, status: 'claimed' | 'skipped', now: Date, detail: string | null, options?: ClaimOptions): boolean {
    checkKey(key);
    return (
      this.#db
        .prepare(
          `INSERT INTO send_ledger (subscription_id, fact_id, lead, status, updated_at, detail)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (subscription_id, fact_id, lead) DO UPDATE
             SET status = excluded.status, updated_at = excluded.updated_at, detail = excluded.detail
             WHERE send_ledger.status = 'claimed' AND send_ledger.updated_at < ?`,
        )
        .run(key.subscriptionId, key.factId, key.lead, status, toInstant(now, 'now'), detail, claimExpiredBefore(now, options))
        .changes === 1
    );
  }

  async claim(key: LedgerKey, now: Date, options?: ClaimOptions): Promise<boolean> {
    return this.#insertUnlessHeld(key, 'claimed', now, null, options);
  }

  async markSent(key: LedgerKey, now: Date): Promise<void> {
    checkKey(key);
    this.#db
      .prepare(`UPDATE send_ledger SET status = 'sent', updated_at = ?, detail = NULL WHERE subscription_id = ? AND fact_id = ? AND lead = ?`)
      .run(toInstant(now, 'now'), key.subscriptionId, key.factId, key.lead);
  }

  async markFailed(key: LedgerKey, now: Date, detail: string): Promise<void> {
    checkKey(key);
    this.#db
      .prepare(
        `INSERT INTO send_ledger (subscription_id, fact_id, lead, status, updated_at, detail)
         VALUES (?, ?, ?, 'failed', ?, ?)
         ON CONFLICT (subscription_id, fact_id, lead) DO UPDATE SET status = 'failed', updated_at = excluded.updated_at, detail = excluded.detail`,
      )
      .run(key.subscriptionId, key.factId, key.lead, toInstant(now, 'now'), detail);
  }

  async markSkipped(key: LedgerKey, now: Date, detail: string, options?: ClaimOptions): Promise<boolean> {
    return this.#insertUnlessHeld(key, 'skipped', now, detail, options);
  }

  async release(key: LedgerKey, claimedAt: Date): Promise<boolean> {
    checkKey(key);
    return (
      this.#db
        .prepare(
          `DELETE FROM send_ledger
           WHERE subscription_id = ? AND fact_id = ? AND lead = ? AND status = 'claimed' AND updated_at = ?`,
        )
        .run(key.subscriptionId, key.factId, key.lead, toInstant(claimedAt, 'claimedAt')).changes === 1
    );
  }

  async getLedgerEntry(key: LedgerKey): Promise<LedgerEntry | undefined> {
    const row = this.#db
      .prepare('SELECT * FROM send_ledger WHERE subscription_id = ? AND fact_id = ? AND lead = ?')
      .get(key.subscriptionId, key.factId, key.lead) as LedgerRow | undefined;
    return row ? ledgerFromRow(row) : undefined;
  }

  async listLedger(filter: LedgerFilter = {}): Promise<LedgerEntry[]> {
    const ids = filter.subscriptionIds;
    if (ids && ids.length === 0) return [];
    const sql = ids
      ? `SELECT * FROM send_ledger WHERE subscription_id IN (SELECT value FROM json_each(?)) ORDER BY updated_at, subscription_id, fact_id, lead`
      : 'SELECT * FROM send_ledger ORDER BY updated_at, subscription_id, fact_id, lead';
    const rows = (ids ? this.#db.prepare(sql).all(JSON.stringify(ids)) : this.#db.prepare(sql).all()) as LedgerRow[];
    return rows.map(ledgerFromRow);
  }

  async recordFeedback(vote: FeedbackVote): Promise<void> {
    this.#db
      .prepare('INSERT INTO feedback (vote, question, fact_ids, user_id, surface, chat_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(vote.vote, vote.question, JSON.stringify(vote.factIds), vote.user, vote.chat.surface, vote.chat.chatId, toInstant(vote.at, 'at'));
  }

  async listFeedback(): Promise<FeedbackVote[]> {
    return (this.#db.prepare('SELECT * FROM feedback ORDER BY at, id').all() as FeedbackRow[]).map(feedbackFromRow);
  }

  async getValue(key: string): Promise<string | undefined> {
    const row = this.#db.prepare('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  async setValue(key: string, value: string): Promise<void> {
    this.#db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async getKnownFactIds(): Promise<string[] | null> {
    return parseKnownFactIds(await this.getValue(KNOWN_FACT_IDS_KEY));
  }

  async setKnownFactIds(ids: readonly string[]): Promise<void> {
    await this.setValue(KNOWN_FACT_IDS_KEY, knownFactIdsValue(ids));
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
