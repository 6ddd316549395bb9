import { type Kysely, sql, type Transaction } from 'kysely';
import type { ClusterPlan, StepError, StepStatus } from '@/lib/cluster/plan';
import type { ClusterRequest } from '@/lib/cluster/request';
import type { DeleteRequest } from '@/lib/cluster/delete-request';
import { instanceProfileOf } from '@/lib/cluster/request';
import { writeAuditEvent } from './audit';
import {
  type AuditAction,
  type AuditEvent,
  type AuditRecord,
  decodeAuditEvent,
  decodeEntry,
  decodeRequest,
  type JournalEntry,
  PLAN_VERSION,
  type RequestRecord,
  type RequestKind,
  type RequestState,
} from './records';
import type { Database, RequestsTable } from './tables';

/**
 * The request journal: what was asked, by whom, and what happened, step by step. It hands out
 * decoded records (records.ts), never rows. Every write a worker makes to a request checks the
 * request's fencing version, so a worker whose lease ran out (and was taken over) can no longer
 * write.
 */

/** Where time comes from: the system's, or a test's. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A worker's hold on a request: writes carry the fencing version it was claimed with. */
export interface Lease {
  requestId: string;
  owner: string;
  fencing: number;
}

/** Another unfinished request holds the cluster's name in this account and Region. */
export class NameTakenError extends Error {
  override name = 'NameTakenError';
}
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

export type NewRequest = {
  id: string;
  clusterName: string;
  account: string;
  region: string;
  plan: ClusterPlan;
  requestedBy: string | null;
  team: string | null;
  policyVersion: string | null;
} & ({ kind: 'create'; request: ClusterRequest } | { kind: 'delete'; request: DeleteRequest });

/** How a request ends: each is also what the audit trail says of it. */
export type FinalState = Extract<RequestState, 'succeeded' | 'failed' | 'rolledBack'>;

export interface Place {
  account: string;
  region: string;
}

export interface RequestFilter {
  state?: RequestState;
  /** Only these teams' requests (a portal person's own teams); absent for every request. */
  teams?: readonly string[];
  /** Part of the cluster name. */
  cluster?: string;
  /** Where the previous page ended: requests older than this one. */
  before?: { createdAt: string; id: string };
  limit: number;
}

export interface AuditFilter {
  /** Only these teams' events (a person's own teams); absent for every event, team or none. */
  teams?: readonly string[];
  team?: string;
  /** Who: a person's email or `client:<id>`, exactly. */
  actor?: string;
  action?: AuditAction;
  kind?: RequestKind;
  /** ISO times: since is inclusive, until exclusive. */
  since?: string;
  until?: string;
  /** Where the previous page ended: events older than this one. */
  before?: { at: string; id: string };
  limit: number;
}

export interface Journal {
  /**
   * Stores a request, queued, with its plan, and audits it, in one transaction. The same id again
   * returns the stored request; another unfinished request for the same account, Region and
   * cluster name is refused by the database's unique index (NameTakenError).
   */
  insert(request: NewRequest): Promise<RequestRecord>;
  find(id: string): Promise<RequestRecord | undefined>;
  /** The unfinished request for this cluster in this account and Region, if there is one. */
  unfinishedFor(place: Place, clusterName: string): Promise<RequestRecord | undefined>;
  /** The newest request for each of these clusters in this account and Region, by cluster name. */
  latestFor(place: Place, clusterNames: readonly string[]): Promise<Map<string, RequestRecord>>;
  /** Requests, newest first, a keyset page at a time: new ones arriving meanwhile neither repeat nor skip a row. */
  list(filter: RequestFilter): Promise<{ requests: RequestRecord[]; next?: { createdAt: string; id: string } }>;
  /** How many requests there are of each kind in each state, and when the oldest queued one was submitted. */
  queueSummary(): Promise<{
    counts: { kind: RequestKind; state: RequestState; count: number }[];
    oldestQueuedAt?: string;
  }>;
  /** The journal of one request, oldest entry first. */
  entries(requestId: string): Promise<JournalEntry[]>;
  /** The clusters (but one) whose succeeded creates here launched instances with this instance profile. */
  clustersUsingInstanceProfile(profile: string, exceptCluster: string): Promise<string[]>;
  /**
   * Takes the oldest request no live worker holds: a queued one, or one whose worker's lease ran
   * out (a process that died). The fencing version goes up, so the old holder's writes now fail.
   */
  claim(
    owner: string,
    leaseMs: number,
  ): Promise<{ lease: Lease; request: RequestRecord; takenOver: boolean } | undefined>;
  /** Extends the lease; throws LeaseLostError once another worker has taken the request. */
  renew(lease: Lease, leaseMs: number): Promise<void>;
  /** Appends a step's status change to the journal, under the lease. */
  record(
    lease: Lease,
    entry: {
      stepIndex: number;
      stepId: string;
      status: StepStatus;
      outputs?: Record<string, string>;
      error?: StepError;
    },
  ): Promise<void>;
  /** Ends the request in its final state and lets go of it. */
  finish(lease: Lease, state: FinalState): Promise<void>;
  /** Hands a request back unfinished (the process is stopping): another worker goes on with it. */
  release(lease: Lease): Promise<void>;
  /** Writes a decision to the audit trail. */
  audit(event: AuditEvent): Promise<void>;
  /** A request's audit trail, oldest first. */
  auditTrail(requestId: string): Promise<(AuditEvent & { at: string })[]>;
  /** The audit trail of every request, newest first, filtered, a keyset page at a time. */
  auditEvents(filter: AuditFilter): Promise<{ events: AuditRecord[]; next?: { at: string; id: string } }>;
}

export function journalStore(db: Kysely<Database>, clock: Clock = systemClock): Journal {
  const now = () => clock.now().toISOString();
  const later = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

  const find = async (id: string) => {
    const row = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decodeRequest(row);
  };

  async function checkedUpdate(
    on: Kysely<Database> | Transaction<Database>,
    lease: Lease,
    changes: Partial<Pick<RequestsTable, 'state' | 'lease_owner' | 'lease_expires_at'>>,
  ): Promise<void> {
    const result = await on
      .updateTable('requests')
      .set({ ...changes, updated_at: now() })
      .where('id', '=', lease.requestId)
      .where('fencing', '=', lease.fencing)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new LeaseLostError(lease.requestId);
  }

  /** The worker's acts, audited as the journal sees them. */
  const workerEvent = (
    record: Pick<RequestRecord, 'id' | 'kind' | 'team'>,
    action: AuditEvent['action'],
    owner: string,
  ) => ({
    requestId: record.id,
    kind: record.kind,
    actor: null,
    team: record.team,
    action,
    policyVersion: null,
    worker: owner,
  });

  return {
    async insert(request) {
      const existing = await find(request.id);
      if (existing) return existing;
      const at = now();
      try {
        const row = await db.transaction().execute(async (tx) => {
          const stored = await tx
            .insertInto('requests')
            .values({
              id: request.id,
              kind: request.kind,
              cluster_name: request.clusterName,
              account: request.account,
              region: request.region,
              request: JSON.stringify(request.request),
              plan: JSON.stringify(request.plan),
              plan_version: PLAN_VERSION,
              instance_profile: request.kind === 'create' ? (instanceProfileOf(request.request) ?? null) : null,
              state: 'queued',
              created_at: at,
              updated_at: at,
              requested_by: request.requestedBy,
              team: request.team,
              policy_version: request.policyVersion,
              lease_owner: null,
              lease_expires_at: null,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await writeAuditEvent(tx, clock.now(), {
            requestId: request.id,
            kind: request.kind,
            actor: request.requestedBy,
            team: request.team,
            action: 'submitted',
            policyVersion: request.policyVersion,
          });
          return stored;
        });
        return decodeRequest(row);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Two posts of one id at once: the other one stored it.
        const raced = await find(request.id);
        if (raced) return raced;
        throw new NameTakenError(request.clusterName);
      }
    },

    find,

    async unfinishedFor(place, clusterName) {
      const row = await db
        .selectFrom('requests')
        .selectAll()
        .where('account', '=', place.account)
        .where('region', '=', place.region)
        .where('cluster_name', '=', clusterName)
        .where('state', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return row && decodeRequest(row);
    },

    async latestFor(place, clusterNames) {
      if (clusterNames.length === 0) return new Map();
      const rows = await db
        .selectFrom('requests')
        .selectAll()
        .where('account', '=', place.account)
        .where('region', '=', place.region)
        .where('cluster_name', 'in', clusterNames)
        .orderBy('created_at', 'asc')
        .execute();
      // Oldest first: each later request of a cluster replaces the earlier one.
      return new Map(rows.map((row) => [row.cluster_name, decodeRequest(row)]));
    },

    async queueSummary() {
      const [counts, oldest] = await Promise.all([
        db
          .selectFrom('requests')
          .select(['kind', 'state', (eb) => eb.fn.countAll<number | string>().as('count')])
          .groupBy(['kind', 'state'])
          .execute(),
        db
          .selectFrom('requests')
          .select((eb) => eb.fn.min('created_at').as('at'))
          .where('state', '=', 'queued')
          .executeTakeFirst(),
      ]);
      return {
        // PostgreSQL counts in bigint, which its driver hands over as a string.
        counts: counts.map((row) => ({ kind: row.kind, state: row.state, count: Number(row.count) })),
        oldestQueuedAt: oldest?.at ?? undefined,
      };
    },

    async list(filter) {
      let query = db.selectFrom('requests').selectAll();
      if (filter.state) query = query.where('state', '=', filter.state);
      if (filter.teams) {
        if (filter.teams.length === 0) return { requests: [] };
        query = query.where('team', 'in', filter.teams);
      }
      if (filter.cluster) {
        const pattern = `%${filter.cluster.replace(/[\\%_]/g, '\\$&')}%`;
        // SQLite has no default escape character for LIKE; PostgreSQL's is the same backslash.
        query = query.where(sql<boolean>`cluster_name like ${pattern} escape '\\'`);
      }
      if (filter.before) {
        const { createdAt, id } = filter.before;
        query = query.where((eb) =>
          eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]),
        );
      }
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
      const requests = rows.slice(0, filter.limit).map(decodeRequest);
      const last = requests.at(-1);
      return {
        requests,
        next: rows.length > filter.limit && last ? { createdAt: last.createdAt, id: last.id } : undefined,
      };
    },

    async entries(requestId) {
      const rows = await db
        .selectFrom('request_steps')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('seq')
        .execute();
      return rows.map(decodeEntry);
    },

    async clustersUsingInstanceProfile(profile, exceptCluster) {
      const rows = await db
        .selectFrom('requests')
        .select('cluster_name')
        .distinct()
        .where('kind', '=', 'create')
        .where('state', '=', 'succeeded')
        .where('instance_profile', '=', profile)
        .where('cluster_name', '<>', exceptCluster)
        .execute();
      return rows.map((row) => row.cluster_name);
    },

    async claim(owner, leaseMs) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const at = now();
        const candidate = await db
          .selectFrom('requests')
          .selectAll()
          .where((eb) =>
            eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('lease_expires_at', '<', at)])]),
          )
          .orderBy('created_at')
          .limit(1)
          .executeTakeFirst();
        if (!candidate) return undefined;
        const fencing = candidate.fencing + 1;
        const claimed = await db
          .updateTable('requests')
          .set({ state: 'running', lease_owner: owner, lease_expires_at: later(leaseMs), fencing, updated_at: at })
          .where('id', '=', candidate.id)
          .where('fencing', '=', candidate.fencing)
          .returningAll()
          .executeTakeFirst();
        if (claimed) {
          const request = decodeRequest(claimed);
          await writeAuditEvent(
            db,
            clock.now(),
            workerEvent(request, candidate.state === 'queued' ? 'claimed' : 'reclaimed', owner),
          );
          return { lease: { requestId: claimed.id, owner, fencing }, request, takenOver: candidate.state !== 'queued' };
        }
        // Another worker claimed it first: look again.
      }
      return undefined;
    },

    async renew(lease, leaseMs) {
      await checkedUpdate(db, lease, { lease_expires_at: later(leaseMs) });
    },

    async record(lease, entry) {
      await db.transaction().execute(async (tx) => {
        await checkedUpdate(tx, lease, {});
        const last = await tx
          .selectFrom('request_steps')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .where('request_id', '=', lease.requestId)
          .executeTakeFirst();
        await tx
          .insertInto('request_steps')
          .values({
            request_id: lease.requestId,
            seq: Number(last?.seq ?? 0) + 1,
            step_index: entry.stepIndex,
            step_id: entry.stepId,
            status: entry.status,
            at: now(),
            outputs: entry.outputs === undefined ? null : JSON.stringify(entry.outputs),
            error: entry.error === undefined ? null : JSON.stringify(entry.error),
            owner: lease.owner,
          })
          .execute();
      });
    },

    async finish(lease, state) {
      await db.transaction().execute(async (tx) => {
        await checkedUpdate(tx, lease, { state, lease_owner: null, lease_expires_at: null });
        const row = await tx
          .selectFrom('requests')
          .select(['id', 'kind', 'team'])
          .where('id', '=', lease.requestId)
          .executeTakeFirstOrThrow();
        await writeAuditEvent(tx, clock.now(), workerEvent(row, state, lease.owner));
      });
    },

    async release(lease) {
      await checkedUpdate(db, lease, { lease_expires_at: now() });
    },

    async audit(event) {
      await writeAuditEvent(db, clock.now(), event);
    },

    async auditTrail(requestId) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('at')
        .execute();
      return rows.map(decodeAuditEvent);
    },

    async auditEvents(filter) {
      if (filter.teams?.length === 0) return { events: [] };
      let query = db
        .selectFrom('audit_events')
        .leftJoin('requests', 'requests.id', 'audit_events.request_id')
        .selectAll('audit_events')
        .select('requests.cluster_name');
      if (filter.teams) query = query.where('audit_events.team', 'in', filter.teams);
      if (filter.team) query = query.where('audit_events.team', '=', filter.team);
      if (filter.actor) query = query.where('audit_events.actor', '=', filter.actor);
      if (filter.action) query = query.where('audit_events.action', '=', filter.action);
      if (filter.kind) query = query.where('audit_events.kind', '=', filter.kind);
      if (filter.since) query = query.where('audit_events.at', '>=', filter.since);
      if (filter.until) query = query.where('audit_events.at', '<', filter.until);
      if (filter.before) {
        const { at, id } = filter.before;
        query = query.where((eb) =>
          eb.or([
            eb('audit_events.at', '<', at),
            eb.and([eb('audit_events.at', '=', at), eb('audit_events.id', '<', id)]),
          ]),
        );
      }
      const rows = await query
        .orderBy('audit_events.at', 'desc')
        .orderBy('audit_events.id', 'desc')
        .limit(filter.limit + 1)
        .execute();
      const events = rows
        .slice(0, filter.limit)
        .map(({ cluster_name, ...row }) => ({ ...decodeAuditEvent(row), clusterName: cluster_name }));
      const last = events.at(-1);
      return { events, next: rows.length > filter.limit && last ? { at: last.at, id: last.id } : undefined };
    },
  };
}

/** SQLite and PostgreSQL each say "unique constraint" their own way. */
function isUniqueViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
