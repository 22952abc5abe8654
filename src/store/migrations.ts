/**
 * Versioned schema migrations, one list per dialect. Each runs once, in order, inside a
 * transaction on open; `schema_migrations` records which ran. Append new versions; never edit
 * a released one.
 */

/** One numbered schema change. */
export interface Migration {
  version: number;
  name: string;
  /** Statements, run in order. */
  statements: readonly string[];
}

/** SQLite migrations. */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions, send ledger, feedback, values',
    statements: [
      `CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        surface TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        region TEXT,
        program TEXT,
        topic TEXT,
        lead_days TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX subscriptions_chat ON subscriptions (surface, chat_id)`,
      `CREATE TABLE send_ledger (
        subscription_id TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        lead INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
        updated_at TEXT NOT NULL,
        detail TEXT,
        CONSTRAINT send_ledger_key UNIQUE (subscription_id, fact_id, lead)
      )`,
      `CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        question TEXT NOT NULL,
        fact_ids TEXT NOT NULL,
        user_id TEXT NOT NULL,
        surface TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        at TEXT NOT NULL
      )`,
      `CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      )`,
    ],
  },
];

/** PostgreSQL migrations. */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions, send ledger, feedback, values',
    statements: [
      `CREATE TABLE subscriptions (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        surface TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        region TEXT,
        program TEXT,
        topic TEXT,
        lead_days INTEGER[] NOT NULL,
        time_zone TEXT NOT NULL,
        active BOOLEAN NOT NULL DEFAULT TRUE,
        created_at TIMESTAMPTZ NOT NULL
      )`,
      `CREATE INDEX subscriptions_chat ON subscriptions (surface, chat_id)`,
      `CREATE TABLE send_ledger (
        subscription_id TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        lead INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
        updated_at TIMESTAMPTZ NOT NULL,
        detail TEXT,
        CONSTRAINT send_ledger_key UNIQUE (subscription_id, fact_id, lead)
      )`,
      `CREATE TABLE feedback (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        question TEXT NOT NULL,
        fact_ids TEXT[] NOT NULL,
        user_id TEXT NOT NULL,
        surface TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL
      )`,
      `CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      )`,
    ],
  },
];

/** The highest version of a migration list. */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}
