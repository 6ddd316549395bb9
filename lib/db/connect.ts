import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { MIGRATIONS } from './migrations';
import type { Database } from './tables';
import { log } from '@/lib/telemetry/log';

/** The embedded default: a SQLite file in the app's folder. */
export const DEFAULT_DATABASE_URL = 'file:./data/ecs-console.db';

export type Engine = 'sqlite' | 'postgres';

export function engineOf(url: string): Engine {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  if (url.startsWith('file:')) return 'sqlite';
  throw new DatabaseSetupError('unsupportedUrl', url);
}

/** A setup problem the server reports by name, with what to do about it. */
export class DatabaseSetupError extends Error {
  override name = 'DatabaseSetupError';
  constructor(
    readonly problem: 'unsupportedUrl' | 'unreachable' | 'notWritable' | 'corrupt' | 'newerVersion',
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/**
 * Opens the database a DATABASE_URL names: `file:<path>` for SQLite (WAL, so readers do not wait
 * for the writer), `postgres://…` for PostgreSQL (for several replicas).
 */
export function openDatabase(url: string): Kysely<Database> {
  if (engineOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection PostgreSQL ends (a restart, a dropped database) is an event, not a crash:
    // the pool replaces it on the next query.
    pool.on('error', (error) => log.warn({ detail: error.message }, 'an idle PostgreSQL connection ended'));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const path = url.slice('file:'.length);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Brings the database to this version of the app; a database from a newer version is refused. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error } = await migrator.migrateToLatest();
  if (!error) return;
  // A migration this version does not know was run by a newer one.
  const newer = /previously executed migration (\S+) is missing/.exec(String((error as Error).message));
  if (newer) throw new DatabaseSetupError('newerVersion', newer[1]!);
  throw error;
}

/** Whether the database answers and holds every migration this version of the app knows. */
export async function isMigrated(db: Kysely<Database>): Promise<boolean> {
  const migrations = await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).getMigrations();
  return migrations.every((migration) => migration.executedAt !== undefined);
}
