import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, RequestKind, RequestState, RequestsTable, RequestStepsTable } from './schema';

/**
 * The request journal: what was asked, by whom, and what happened, step by step. Every write a
 * worker makes to a request checks the request's fencing version, so a worker whose lease ran out
 * (and was taken over) can no longer write.
 */

export type StoredRequest = Selectable<RequestsTable>;
export type JournalEntry = Selectable<RequestStepsTable>;

/** A worker's hold on a request: writes carry the fencing version it was claimed with. */
export interface Lease {
  requestId: string;
  owner: string;
  fencing: number;
}

export class NameTakenError extends Error {
  override name = 'NameTakenError';
}
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

export interface NewRequest {
  id: string;
  /** A create unless said otherwise. */
  kind?: RequestKind;
  clusterName: string;
  account: string;
  region: string;
  request: unknown;
  plan: unknown;
  requestedBy?: string | null;
  team?: string | null;
  policyVersion?: string | null;
}

const isoNow = () => new Date().toISOString();

/**
 * Stores a request, queued, with its plan and an audit event, in one transaction. The same id
 * again returns the stored request (a double click, a retried post); another unfinished request
 * for the same account, Region and cluster name is refused by the database's unique index.
 */
export async function submitRequest(db: Kysely<Database>, request: NewRequest): Promise<StoredRequest> {
  const existing = await findRequest(db, request.id);
  if (existing) return existing;
  const now = isoNow();
  try {
    return await db.transaction().execute(async (tx) => {
      const stored = await tx
        .insertInto('requests')
        .values({
          id: request.id,
          kind: request.kind ?? 'create',
          cluster_name: request.clusterName,
          account: request.account,
          region: request.region,
          request: JSON.stringify(request.request),
          plan: JSON.stringify(request.plan),
          state: 'queued',
          created_at: now,
          updated_at: now,
          requested_by: request.requestedBy ?? null,
          team: request.team ?? null,
          policy_version: request.policyVersion ?? null,
          lease_owner: null,
          lease_expires_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(tx, request.id, request.requestedBy ?? null, 'submitted', null, {
        team: request.team ?? null,
        policy_version: request.policyVersion ?? null,
      });
      return stored;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two posts of one id at once: the other one stored it.
    const raced = await findRequest(db, request.id);
    if (raced) return raced;
    throw new NameTakenError(request.clusterName);
  }
}

export function findRequest(db: Kysely<Database>, id: string): Promise<StoredRequest | undefined> {
  return db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Takes the oldest request no live worker holds: a queued one, or one whose worker's lease ran
 * out (a process that died). The fencing version goes up, so the old holder's writes now fail.
 */
export async function claimRequest(
  db: Kysely<Database>,
  owner: string,
  leaseMs: number,
): Promise<{ lease: Lease; request: StoredRequest } | undefined> {
  const now = isoNow();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const candidate = await db
      .selectFrom('requests')
      .selectAll()
      .where((eb) =>
        eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('lease_expires_at', '<', now)])]),
      )
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (!candidate) return undefined;
    const fencing = candidate.fencing + 1;
    const claimed = await db
      .updateTable('requests')
      .set({
        state: 'running',
        lease_owner: owner,
        lease_expires_at: new Date(Date.now() + leaseMs).toISOString(),
        fencing,
        updated_at: now,
      })
      .where('id', '=', candidate.id)
      .where('fencing', '=', candidate.fencing)
      .returningAll()
      .executeTakeFirst();
    if (claimed) {
      await audit(db, claimed.id, null, candidate.state === 'queued' ? 'claimed' : 'reclaimed', owner);
      return { lease: { requestId: claimed.id, owner, fencing }, request: claimed };
    }
    // Another worker claimed it first: look again.
  }
  return undefined;
}

/** Extends the lease; throws LeaseLostError once another worker has taken the request. */
export async function renewLease(db: Kysely<Database>, lease: Lease, leaseMs: number): Promise<void> {
  await checkedUpdate(db, lease, { lease_expires_at: new Date(Date.now() + leaseMs).toISOString() });
}

/** Appends a step's status change to the journal, under the lease. */
export async function recordStep(
  db: Kysely<Database>,
  lease: Lease,
  entry: { stepIndex: number; stepId: string; status: string; outputs?: unknown; error?: unknown },
): Promise<void> {
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
        at: isoNow(),
        outputs: entry.outputs === undefined ? null : JSON.stringify(entry.outputs),
        error: entry.error === undefined ? null : JSON.stringify(entry.error),
        owner: lease.owner,
      })
      .execute();
  });
}

/** Ends the request in its final state and lets go of it. */
export async function finishRequest(db: Kysely<Database>, lease: Lease, state: RequestState): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await checkedUpdate(tx, lease, { state, lease_owner: null, lease_expires_at: null });
    await audit(tx, lease.requestId, null, state, lease.owner);
  });
}

/** Hands a request back unfinished (the process is stopping): another worker goes on with it. */
export async function releaseRequest(db: Kysely<Database>, lease: Lease): Promise<void> {
  await checkedUpdate(db, lease, { lease_expires_at: isoNow() });
}

/** The journal of one request, oldest entry first. */
export function journalOf(db: Kysely<Database>, requestId: string): Promise<JournalEntry[]> {
  return db.selectFrom('request_steps').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
}

async function checkedUpdate(
  db: Kysely<Database> | Transaction<Database>,
  lease: Lease,
  changes: Partial<Pick<StoredRequest, 'state' | 'lease_owner' | 'lease_expires_at'>>,
): Promise<void> {
  const result = await db
    .updateTable('requests')
    .set({ ...changes, updated_at: isoNow() })
    .where('id', '=', lease.requestId)
    .where('fencing', '=', lease.fencing)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LeaseLostError(lease.requestId);
}

function audit(
  db: Kysely<Database> | Transaction<Database>,
  requestId: string,
  actor: string | null,
  action: string,
  detail: string | null = null,
  decidedFor: { team: string | null; policy_version: string | null } = { team: null, policy_version: null },
) {
  return db
    .insertInto('audit_events')
    .values({ id: randomUUID(), request_id: requestId, at: isoNow(), actor, action, detail, ...decidedFor })
    .execute();
}

/** SQLite and PostgreSQL each say "unique constraint" their own way. */
function isUniqueViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
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

/**
 * Requests, newest first, a page at a time. Keyset pagination: the next page starts after the last
 * request shown, so new requests arriving meanwhile neither repeat nor skip a row.
 */
export async function listRequests(
  db: Kysely<Database>,
  filter: RequestFilter,
): Promise<{ requests: StoredRequest[]; next?: { createdAt: string; id: string } }> {
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
  const requests = rows.slice(0, filter.limit);
  const last = requests.at(-1);
  return {
    requests,
    next: rows.length > filter.limit && last ? { createdAt: last.created_at, id: last.id } : undefined,
  };
}

/**
 * The clusters (other than `exceptCluster`) that requests made here gave this existing instance
 * profile, newest first. The stored request is JSON with keys in one order, so a text match finds it.
 */
export async function succeededCreatesUsingProfile(
  db: Kysely<Database>,
  profile: string,
  exceptCluster: string,
): Promise<string[]> {
  const pattern = `%${JSON.stringify({ instanceProfile: profile })
    .slice(1, -1)
    .replace(/[\\%_]/g, '\\$&')}%`;
  const rows = await db
    .selectFrom('requests')
    .select('cluster_name')
    .distinct()
    .where('kind', '=', 'create')
    .where('state', '=', 'succeeded')
    .where('cluster_name', '<>', exceptCluster)
    .where(sql<boolean>`request like ${pattern} escape '\\'`)
    .execute();
  return rows.map((row) => row.cluster_name);
}

/** The newest request for each of these clusters in this account and Region, by cluster name. */
export async function latestRequestsOf(
  db: Kysely<Database>,
  place: { account: string; region: string },
  clusterNames: readonly string[],
): Promise<Map<string, StoredRequest>> {
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
  return new Map(rows.map((row) => [row.cluster_name, row]));
}
