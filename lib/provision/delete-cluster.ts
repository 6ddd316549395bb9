import 'server-only';
import { createHash } from 'node:crypto';
import type { Cluster } from '@aws-sdk/client-ecs';
import type { Kysely } from 'kysely';
import { currentPlace } from '@/lib/aws/account';
import { countServices, countTasks, instanceProfilesOfRole } from '@/lib/aws/cluster-usage';
import { describeClustersNamed, findCluster, tagOf } from '@/lib/aws/clusters';
import { describeAwsError } from '@/lib/aws/errors';
import { actorOf } from '@/lib/auth/principal';
import { canSee, type Viewer } from '@/lib/auth/viewer';
import { ECS_INSTANCE_ROLE } from '@/lib/cluster/ec2';
import { REQUEST_TAG_KEY, TEAM_TAG_KEY } from '@/lib/cluster/limits';
import { type ClusterPlan, type CreatedHere, planTeardown, type TeardownPlan } from '@/lib/cluster/plan';
import { database } from '@/lib/db';
import { recordDecision } from '@/lib/db/audit';
import { findRequest, journalOf, NameTakenError, submitRequest, succeededCreatesUsingProfile } from '@/lib/db/journal';
import { databaseProblem } from '@/lib/db/problems';
import type { Database } from '@/lib/db/schema';
import type { MessageRef } from '@/lib/i18n/messages';
import { CheckFailedError } from './check-ec2';
import { journalState } from './runs';
import { wakeWorker } from './worker';

/** What a delete request stores as "the request": the cluster, and the request that created it here. */
export interface DeleteRequest {
  clusterName: string;
  requestId: string;
  team?: string;
  createdBy?: string;
}

export interface ReviewedTeardown {
  cluster: Cluster;
  team: string | null;
  teardown: TeardownPlan;
  /** Names the plan shown, so the submit can tell whether it is still the plan that would run. */
  digest: string;
}

export type Refusal =
  /** No such ACTIVE cluster, or one the viewer may not see. */
  | { reason: 'notFound' }
  /** The team's rules forbid deletes. */
  | { reason: 'forbidden' }
  | { reason: 'unavailable'; message: MessageRef };

/**
 * parse → authorize → **plan** for a delete: the cluster as ECS has it now, the request that
 * created it here (through its request tag and the journal), what still runs in it, and the
 * teardown plan made from all that.
 */
export async function reviewTeardown(
  viewer: Viewer,
  clusterName: string,
  requestId: string,
): Promise<{ ok: true; review: ReviewedTeardown } | ({ ok: false } & Refusal)> {
  try {
    const cluster = await findCluster(clusterName).catch(failedCheck('ecs:DescribeClusters'));
    const team = cluster ? (tagOf(cluster, TEAM_TAG_KEY) ?? null) : null;
    if (cluster?.status !== 'ACTIVE' || !canSee(viewer, team)) return { ok: false, reason: 'notFound' };
    if (!mayDelete(viewer, team)) return { ok: false, reason: 'forbidden' };
    const db = await database();
    const createdHere = await creatingRequest(db, tagOf(cluster, REQUEST_TAG_KEY));
    const [services, tasks, roleUsedBy] = await Promise.all([
      countServices(clusterName).catch(failedCheck('ecs:ListServices')),
      countTasks(clusterName).catch(failedCheck('ecs:ListTasks')),
      createdHere && madeTheRole(createdHere) ? othersUsingTheRole(db, clusterName) : [],
    ]);
    const teardown = planTeardown({
      clusterName,
      requestId,
      capacityProviders: cluster.capacityProviders ?? [],
      namespace: cluster.serviceConnectDefaults?.namespace,
      services,
      tasks,
      createdHere,
      roleUsedBy,
    });
    return { ok: true, review: { cluster, team, teardown, digest: digestOf(teardown) } };
  } catch (error) {
    return { ok: false, reason: 'unavailable', message: problemOf(error) };
  }
}

export type DeleteOutcome =
  | { ok: true; requestId: string }
  | ({ ok: false } & Refusal)
  | { ok: false; reason: 'inUse'; services: number; tasks: number }
  /** Another request for this cluster has not finished. */
  | { ok: false; reason: 'unfinished' }
  /** What would run now differs from the plan the person reviewed. */
  | { ok: false; reason: 'planChanged' };

/**
 * Stores a delete request with its teardown plan in the journal, where the worker takes it up as
 * it does a create. `shownDigest`: the plan the person confirmed; the API, which shows none, omits
 * it. The same request id again answers with the request it made.
 */
export async function submitTeardown(
  viewer: Viewer,
  clusterName: string,
  requestId: string,
  shownDigest?: string,
): Promise<DeleteOutcome> {
  let db: Kysely<Database>;
  try {
    db = await database();
    const earlier = await findRequest(db, requestId);
    if (earlier) {
      return earlier.kind === 'delete' && earlier.cluster_name === clusterName && canSee(viewer, earlier.team)
        ? { ok: true, requestId }
        : { ok: false, reason: 'notFound' };
    }
  } catch (error) {
    return { ok: false, reason: 'unavailable', message: problemOf(error) };
  }

  const reviewed = await reviewTeardown(viewer, clusterName, requestId);
  if (!reviewed.ok) {
    if (reviewed.reason === 'forbidden') await audit(db, viewer, requestId, null, false);
    return reviewed;
  }
  const { review } = reviewed;
  if (!review.teardown.ok) return { ok: false, reason: 'inUse', ...review.teardown.refusal };
  if (shownDigest !== undefined && shownDigest !== review.digest) return { ok: false, reason: 'planChanged' };
  const plan = review.teardown.plan;
  const createdBy = tagOf(review.cluster, REQUEST_TAG_KEY);
  const request: DeleteRequest = {
    clusterName,
    requestId,
    ...(review.team !== null && { team: review.team }),
    ...(createdBy && { createdBy }),
  };
  try {
    await audit(db, viewer, requestId, review.team, true);
    await submitRequest(db, {
      id: requestId,
      kind: 'delete',
      clusterName,
      ...(await currentPlace().catch(failedCheck('sts:GetCallerIdentity'))),
      request,
      plan,
      requestedBy: 'access' in viewer ? actorOf(viewer.principal) : null,
      team: review.team,
      policyVersion: 'access' in viewer ? viewer.policy.version : null,
    });
  } catch (error) {
    if (error instanceof NameTakenError) return { ok: false, reason: 'unfinished' };
    return { ok: false, reason: 'unavailable', message: problemOf(error) };
  }
  wakeWorker();
  return { ok: true, requestId };
}

/** A person deletes their teams' clusters unless the team's rules say no; admins, and single-user mode, always may. */
export function mayDelete(viewer: Viewer, team: string | null): boolean {
  if (!('access' in viewer) || viewer.access.admin) return true;
  return team !== null && viewer.policy.policy.teams[team]?.allowDeletes !== false;
}

function audit(db: Kysely<Database>, viewer: Viewer, requestId: string, team: string | null, allowed: boolean) {
  if (!('access' in viewer)) return Promise.resolve();
  return recordDecision(db, {
    requestId,
    actor: actorOf(viewer.principal),
    team,
    allowed,
    policyVersion: viewer.policy.version,
    violations: allowed
      ? undefined
      : [{ path: 'team', rule: 'allowDeletes', message: 'The team may not delete clusters.' }],
  });
}

/** The create request the cluster's request tag names, as its journal left it; absent if it was not made here. */
async function creatingRequest(db: Kysely<Database>, requestId: string | undefined): Promise<CreatedHere | undefined> {
  if (!requestId) return undefined;
  const stored = await findRequest(db, requestId);
  if (stored?.kind !== 'create') return undefined;
  const plan = JSON.parse(stored.plan) as ClusterPlan;
  const { statuses, outputs } = journalState(plan, await journalOf(db, requestId));
  return { requestId, plan, statuses, outputs };
}

const madeTheRole = (created: CreatedHere) =>
  created.plan.steps.some((step, index) => step.id === 'createInstanceRole' && created.statuses[index] === 'done');

/**
 * Who else uses ecsInstanceRole: instance profiles other than its own, and the live clusters
 * created here whose instances were given its profile.
 */
async function othersUsingTheRole(db: Kysely<Database>, clusterName: string): Promise<string[]> {
  const [profiles, clusters] = await Promise.all([
    instanceProfilesOfRole(ECS_INSTANCE_ROLE).catch(failedCheck('iam:ListInstanceProfilesForRole')),
    succeededCreatesUsingProfile(db, ECS_INSTANCE_ROLE, clusterName),
  ]);
  const live = await describeClustersNamed(clusters).catch(failedCheck('ecs:DescribeClusters'));
  return [
    ...profiles.filter((profile) => profile !== ECS_INSTANCE_ROLE),
    ...live.filter((cluster) => cluster.status === 'ACTIVE').map((cluster) => cluster.clusterName ?? ''),
  ];
}

const failedCheck = (permission: string) => (error: unknown) => {
  throw new CheckFailedError(permission, error);
};

function problemOf(error: unknown): MessageRef {
  return error instanceof CheckFailedError ? describeAwsError(error.cause, error.permission) : databaseProblem(error);
}

/** The steps and what stays, hashed: the same facts always give the same digest. */
function digestOf(teardown: TeardownPlan): string {
  const shown = teardown.ok ? { steps: teardown.plan.steps, keeps: teardown.plan.keeps } : teardown.refusal;
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 16);
}
