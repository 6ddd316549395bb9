import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { createDatabase, dropDatabase } from '../../scripts/postgres.mjs';
import { migrate, openDatabase } from './connect';
import type { Database } from './tables';

/**
 * The two engines every database test runs against, each giving a new, migrated, empty database:
 * a SQLite file in a temporary folder, and a new database on the run's PostgreSQL.
 */
export const ENGINES = [
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgres],
] as const;

export interface TestDatabase {
  db: Kysely<Database>;
  url: string;
  drop: () => Promise<void>;
}

async function freshSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-console-db-'));
  const url = `file:${join(dir, 'test.db')}`;
  const db = openDatabase(url);
  await migrate(db);
  return {
    db,
    url,
    drop: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freshPostgres(): Promise<TestDatabase> {
  const url = createDatabase(inject('postgresUrl'));
  const db = openDatabase(url);
  await migrate(db);
  return {
    db,
    url,
    drop: async () => {
      await db.destroy();
      dropDatabase(url);
    },
  };
}
