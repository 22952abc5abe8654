/**
 * Picks the store from `DATABASE_URL`'s form: `sqlite:PATH` (the embedded default) or
 * `postgres://…` / `postgresql://…` (several replicas).
 */
import { openPostgresStore, type PostgresStoreOptions } from './postgres.ts';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite.ts';
import { StoreError, type Store } from './types.ts';

/** The default `DATABASE_URL`: a SQLite file under `./data/`, created on first use. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/planwatch.db';

/** Options passed through to the selected implementation. */
export interface OpenStoreOptions {
  sqlite?: SqliteStoreOptions;
  postgres?: PostgresStoreOptions;
}

/** Where a database URL points. */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * Parses a database URL: `sqlite:./data/x.db`, `sqlite:/abs/x.db`, `sqlite:///abs/x.db`,
 * `sqlite::memory:`, `postgres://…`, `postgresql://…`. Throws `invalid_url` otherwise.
 */
export function parseDatabaseUrl(databaseUrl: string): StoreLocation {
  const url = databaseUrl.trim();
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  const m = /^sqlite:(.*)$/i.exec(url);
  if (m) {
    let path = m[1]!;
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') throw new StoreError('invalid_url', `store: "${databaseUrl}" names no SQLite file`);
    return { kind: 'sqlite', path };
  }
  throw new StoreError('invalid_url', `store: unsupported DATABASE_URL "${databaseUrl}" (expected sqlite:PATH or postgres://…)`);
}

/**
 * Opens and migrates the store `databaseUrl` names. Default `sqlite:./data/planwatch.db`
 * (relative to the working directory).
 *
 * @example const store = await openStore(env.DATABASE_URL);
 */
export async function openStore(databaseUrl: string = DEFAULT_DATABASE_URL, options: OpenStoreOptions = {}): Promise<Store> {
  const location = parseDatabaseUrl(databaseUrl || DEFAULT_DATABASE_URL);
  return location.kind === 'sqlite'
    ? openSqliteStore(location.path, options.sqlite)
    : openPostgresStore(location.url, options.postgres);
}
