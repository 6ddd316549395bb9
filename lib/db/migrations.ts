import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The database's migrations, in order. They live in code, not in files read at run time, so the
 * built server carries them; Kysely's Migrator runs them at startup and records each one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-request-journal': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('requests')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('cluster_name', 'text', (column) => column.notNull())
        .addColumn('account', 'text', (column) => column.notNull())
        .addColumn('region', 'text', (column) => column.notNull())
        .addColumn('request', 'text', (column) => column.notNull())
        .addColumn('plan', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('requested_by', 'text')
        .addColumn('team', 'text')
        .addColumn('policy_version', 'text')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', 'text')
        .addColumn('fencing', 'integer', (column) => column.notNull().defaultTo(0))
        .execute();
      // At most one unfinished request per account, Region and cluster name: the database says no
      // to a second, whichever server process takes it.
      await db.schema
        .createIndex('requests_one_unfinished_per_cluster')
        .on('requests')
        .columns(['account', 'region', 'cluster_name'])
        .unique()
        .where(sql<boolean>`state in ('queued', 'running')`)
        .execute();
      await db.schema.createIndex('requests_by_state').on('requests').columns(['state', 'created_at']).execute();
      await db.schema.createIndex('requests_newest_first').on('requests').columns(['created_at', 'id']).execute();

      await db.schema
        .createTable('request_steps')
        .addColumn('request_id', 'text', (column) => column.notNull().references('requests.id'))
        .addColumn('seq', 'integer', (column) => column.notNull())
        .addColumn('step_index', 'integer', (column) => column.notNull())
        .addColumn('step_id', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('outputs', 'text')
        .addColumn('error', 'text')
        .addColumn('owner', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('request_steps_pk', ['request_id', 'seq'])
        .execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('request_id', 'text', (column) => column.notNull().references('requests.id'))
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor', 'text')
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('audit_events_by_request').on('audit_events').columns(['request_id', 'at']).execute();
    },
  },
};
