import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate, openDatabase } from './connect';
import type { Database } from './schema';

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
  const server = inject('postgresUrl');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client(server);
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = server.replace(/\/[^/]*$/, `/${name}`);
  const db = openDatabase(url);
  await migrate(db);
  return {
    db,
    url,
    drop: async () => {
      await db.destroy();
      const cleanup = new pg.Client(server);
      await cleanup.connect();
      await cleanup.query(`drop database ${name} with (force)`);
      await cleanup.end();
    },
  };
}
