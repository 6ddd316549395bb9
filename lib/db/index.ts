import 'server-only';
import type { Kysely } from 'kysely';
import { DEFAULT_DATABASE_URL, migrate, openDatabase } from './connect';
import type { Database } from './tables';

interface Opened {
  db: Promise<Kysely<Database>>;
}

/**
 * The app's database, opened and migrated once per process: DATABASE_URL, or a SQLite file at
 * ./data/ecs-console.db. Kept on globalThis so every route's bundle and the worker share it.
 */
export function database(): Promise<Kysely<Database>> {
  const holder = globalThis as { __ecsConsoleDatabase?: Opened };
  holder.__ecsConsoleDatabase ??= {
    db: (async () => {
      const db = openDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
      await migrate(db);
      return db;
    })(),
  };
  holder.__ecsConsoleDatabase.db.catch(() => {
    holder.__ecsConsoleDatabase = undefined; // a later request tries again, and says what is wrong
  });
  return holder.__ecsConsoleDatabase.db;
}
