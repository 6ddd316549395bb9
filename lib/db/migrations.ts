import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
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
  '0002-people-and-decisions': {
    async up(db: Kysely<unknown>) {
      // Better Auth's tables, as its Kysely adapter reads them (column names are its own). The
      // types mean the same on both engines: SQLite keeps booleans and times by affinity.
      const times = (table: CreateTableBuilder<string>) =>
        table
          .addColumn('createdAt', 'timestamptz', (column) => column.notNull())
          .addColumn('updatedAt', 'timestamptz', (column) => column.notNull());
      await times(
        db.schema
          .createTable('auth_users')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('name', 'text', (column) => column.notNull())
          .addColumn('email', 'text', (column) => column.notNull().unique())
          .addColumn('emailVerified', 'boolean', (column) => column.notNull())
          .addColumn('image', 'text'),
      ).execute();
      await times(
        db.schema
          .createTable('auth_sessions')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('expiresAt', 'timestamptz', (column) => column.notNull())
          .addColumn('token', 'text', (column) => column.notNull().unique())
          .addColumn('ipAddress', 'text')
          .addColumn('userAgent', 'text')
          .addColumn('userId', 'text', (column) => column.notNull().references('auth_users.id').onDelete('cascade')),
      ).execute();
      await times(
        db.schema
          .createTable('auth_accounts')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('accountId', 'text', (column) => column.notNull())
          .addColumn('providerId', 'text', (column) => column.notNull())
          .addColumn('userId', 'text', (column) => column.notNull().references('auth_users.id').onDelete('cascade'))
          .addColumn('accessToken', 'text')
          .addColumn('refreshToken', 'text')
          .addColumn('idToken', 'text')
          .addColumn('accessTokenExpiresAt', 'timestamptz')
          .addColumn('refreshTokenExpiresAt', 'timestamptz')
          .addColumn('scope', 'text')
          .addColumn('password', 'text'),
      ).execute();
      await times(
        db.schema
          .createTable('auth_verifications')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('identifier', 'text', (column) => column.notNull())
          .addColumn('value', 'text', (column) => column.notNull())
          .addColumn('expiresAt', 'timestamptz', (column) => column.notNull()),
      ).execute();
      await db.schema.createIndex('auth_sessions_userId_idx').on('auth_sessions').column('userId').execute();
      await db.schema.createIndex('auth_accounts_userId_idx').on('auth_accounts').column('userId').execute();
      await db.schema
        .createIndex('auth_verifications_identifier_idx')
        .on('auth_verifications')
        .column('identifier')
        .execute();

      // A refused request is never stored, but its decision is audited: the audit trail may no
      // longer point only at stored requests. It also says for which team, under which rules.
      await db.schema
        .createTable('audit_events_v2')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('request_id', 'text', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor', 'text')
        .addColumn('team', 'text')
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('policy_version', 'text')
        .addColumn('detail', 'text')
        .execute();
      await sql`insert into audit_events_v2 (id, request_id, at, actor, action, detail)
        select id, request_id, at, actor, action, detail from audit_events`.execute(db);
      await db.schema.dropTable('audit_events').execute();
      await db.schema.alterTable('audit_events_v2').renameTo('audit_events').execute();
      await db.schema.createIndex('audit_events_by_request').on('audit_events').columns(['request_id', 'at']).execute();
      await db.schema.createIndex('audit_events_newest_first').on('audit_events').columns(['at', 'id']).execute();
    },
  },
  '0003-delete-requests': {
    async up(db: Kysely<unknown>) {
      // A request now creates a cluster or deletes one; every earlier request created one.
      await db.schema
        .alterTable('requests')
        .addColumn('kind', 'text', (column) => column.notNull().defaultTo('create'))
        .execute();
    },
  },
  '0004-versioned-records': {
    async up(db: Kysely<unknown>) {
      // Every stored request says the shape of its request and plan; those stored so far are shape 1.
      await db.schema
        .alterTable('requests')
        .addColumn('plan_version', 'integer', (column) => column.notNull().defaultTo(1))
        .execute();
      // "Which clusters use this instance profile" is a column, not a text search of the JSON.
      await db.schema.alterTable('requests').addColumn('instance_profile', 'text').execute();
      const creates = await sql<{ id: string; request: string }>`select id, request from requests
        where kind = 'create'`.execute(db);
      for (const { id, request } of creates.rows) {
        const profile = instanceProfileOfShape1(request);
        if (profile) await sql`update requests set instance_profile = ${profile} where id = ${id}`.execute(db);
      }
      await db.schema.createIndex('requests_by_instance_profile').on('requests').column('instance_profile').execute();
      // The audit trail says what kind of request each event is about.
      await db.schema.alterTable('audit_events').addColumn('kind', 'text').execute();
      await sql`update audit_events set kind = (select kind from requests where requests.id = audit_events.request_id)`.execute(
        db,
      );
    },
  },
};

/** The profile a shape-1 create request's new group launches with: the one named, or ecsInstanceRole. */
function instanceProfileOfShape1(stored: string): string | undefined {
  const { infrastructure } = JSON.parse(stored) as {
    infrastructure?: { type?: string; instances?: { instanceProfile?: string } };
  };
  if (infrastructure?.type !== 'ec2NewGroup') return undefined;
  return infrastructure.instances?.instanceProfile ?? 'ecsInstanceRole';
}
