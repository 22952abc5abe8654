/**
 * The two store backends for the shared suite: a fresh SQLite file, or a fresh schema in the
 * local PostgreSQL (dropped afterwards). Not a test file itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../src/store/open.ts';
import type { Migration } from '../../src/store/migrations.ts';
import type { Store } from '../../src/store/types.ts';

/** The local PostgreSQL the tests use (trust auth). */
export const TEST_POSTGRES_URL = process.env.PLANWATCH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One fresh, empty database location; `open` may be called several times (restart, replicas). */
export interface Location {
  open(options?: { migrations?: readonly Migration[] }): Promise<Store>;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  fresh(): Promise<Location>;
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'planwatch-store-'));
    // A directory that does not exist yet: the store creates it on first use.
    const url = `sqlite:${join(dir, 'data', 'planwatch.db')}`;
    return {
      open: (options = {}) => openStore(url, { sqlite: options }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

export const postgresBackend: Backend = {
  name: 'postgres',
  async fresh() {
    const schema = `pw_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    return {
      open: (options = {}) => openStore(TEST_POSTGRES_URL, { postgres: { schema, max: 4, ...options } }),
      cleanup: async () => {
        const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await admin.connect();
        try {
          await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        } finally {
          await admin.end();
        }
      },
    };
  },
};

export const backends: Backend[] = [sqliteBackend, postgresBackend];
