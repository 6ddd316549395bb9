import 'server-only';
import { createHash } from 'node:crypto';
import type { Cluster } from '@aws-sdk/client-ecs';
import { countServices, countTasks, instanceProfilesOfRole } from '@/lib/aws/cluster-usage';
import { describeClustersNamed, findCluster, tagOf } from '@/lib/aws/clusters';
import { canSee, mayDelete } from '@/lib/auth/permissions';
import { inPortal, principalName, type Principal } from '@/lib/auth/principal';
import { ECS_INSTANCE_ROLE } from '@/lib/cluster/ec2';
import { REQUEST_TAG_KEY, TEAM_TAG_KEY } from '@/lib/cluster/limits';
import { type CreatedHere, planTeardown, type TeardownPlan } from '@/lib/cluster/plan';
import type { Journal } from '@/lib/db/journal';
import { journalState } from '@/lib/provision/runs';
import type { RequestKindHandler } from './kind';
import { refused, refusedWith } from './outcome';

export interface ReviewedTeardown {
  cluster: Cluster;
  team: string | null;
  teardown: TeardownPlan;
  /** Names the plan shown, so the submit can tell whether it is still the plan that would run. */
  digest: string;
}

/**
 * parse → authorize → **plan** for a delete: the cluster as ECS has it now, the request that
 * created it here (through its request tag and the journal), what still runs in it, and the
 * teardown plan made from all that. Undefined when there is no such ACTIVE cluster the principal
 * may see; `forbidden` when the team's rules forbid its deletes.
 */
export async function reviewTeardown(
  principal: Principal,
  clusterName: string,
  requestId: string,
  journal: Journal,
): Promise<ReviewedTeardown | 'forbidden' | undefined> {
  const cluster = await findCluster(clusterName);
  const team = cluster ? (tagOf(cluster, TEAM_TAG_KEY) ?? null) : null;
  if (cluster?.status !== 'ACTIVE' || !canSee(principal, team)) return undefined;
  if (!mayDelete(principal, team)) return 'forbidden';
  const createdHere = await creatingRequest(journal, tagOf(cluster, REQUEST_TAG_KEY));
  const [services, tasks, roleUsedBy] = await Promise.all([
    countServices(clusterName),
    countTasks(clusterName),
    createdHere && madeTheRole(createdHere) ? othersUsingTheRole(journal, clusterName) : [],
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
  return { cluster, team, teardown, digest: digestOf(teardown) };
}

interface DeleteAsked {
  clusterName: string;
  requestId: string;
  shownDigest?: string;
}

/** A delete: the teardown plan made from AWS and the journal, stored for the worker to run as it runs a create. */
export const deleteKind: RequestKindHandler<
  { kind: 'delete'; clusterName: string; requestId: string; shownDigest?: string },
  DeleteAsked
> = {
  parse: (_principal, { clusterName, requestId, shownDigest }) => ({
    id: requestId,
    clusterName,
    request: { clusterName, requestId, ...(shownDigest !== undefined && { shownDigest }) },
  }),

  sameAs: (earlier, asked) => earlier.kind === 'delete' && earlier.clusterName === asked.clusterName,

  async prepare(principal, { clusterName, requestId, shownDigest }, journal) {
    const review = await reviewTeardown(principal, clusterName, requestId, journal);
    if (!review)
      return refusedWith('notFound', 'clusterExists', { key: 'cluster.notFound', params: { name: clusterName } });
    if (review === 'forbidden') {
      return refused('forbidden', [{ path: ['team'], rule: 'allowDeletes', message: { key: 'delete.forbidden' } }]);
    }
    if (!review.teardown.ok) {
      const usage = review.teardown.refusal;
      return refusedWith('inUse', 'nothingRunning', { key: 'delete.inUse', params: usage }, { usage });
    }
    // What would run now is not what was shown: the page shows the new plan.
    if (shownDigest !== undefined && shownDigest !== review.digest) {
      return refusedWith('planChanged', 'reviewedPlan', { key: 'delete.planChanged' });
    }
    const createdBy = tagOf(review.cluster, REQUEST_TAG_KEY);
    return {
      kind: 'delete',
      clusterName,
      request: {
        clusterName,
        requestId,
        ...(review.team !== null && { team: review.team }),
        ...(createdBy && { createdBy }),
      },
      plan: review.teardown.plan,
      team: review.team,
      requestedBy: principalName(principal),
      policyVersion: inPortal(principal) ? principal.policy.version : null,
    };
  },
};

/** The create request the cluster's request tag names, as its journal left it; absent if it was not made here. */
async function creatingRequest(journal: Journal, requestId: string | undefined): Promise<CreatedHere | undefined> {
  if (!requestId) return undefined;
  const stored = await journal.find(requestId);
  if (stored?.kind !== 'create') return undefined;
  const { statuses, outputs } = journalState(stored.plan, await journal.entries(requestId));
  return { requestId, plan: stored.plan, statuses, outputs };
}

const madeTheRole = (created: CreatedHere) =>
  created.plan.steps.some((step, index) => step.id === 'createInstanceRole' && created.statuses[index] === 'done');

/**
 * Who else uses ecsInstanceRole: instance profiles other than its own, and the live clusters
 * created here whose instances were given its profile.
 */
async function othersUsingTheRole(journal: Journal, clusterName: string): Promise<string[]> {
  const [profiles, clusters] = await Promise.all([
    instanceProfilesOfRole(ECS_INSTANCE_ROLE),
    journal.clustersUsingInstanceProfile(ECS_INSTANCE_ROLE, clusterName),
  ]);
  const live = await describeClustersNamed(clusters);
  return [
    ...profiles.filter((profile) => profile !== ECS_INSTANCE_ROLE),
    ...live.filter((cluster) => cluster.status === 'ACTIVE').map((cluster) => cluster.clusterName ?? ''),
  ];
}

/** The steps and what stays, hashed: the same facts always give the same digest. */
function digestOf(teardown: TeardownPlan): string {
  const shown = teardown.ok ? { steps: teardown.plan.steps, keeps: teardown.plan.keeps } : teardown.refusal;
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 16);
}
