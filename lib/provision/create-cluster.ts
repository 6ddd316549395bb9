import 'server-only';
import { findCluster, isInconsistentIdempotentRequest } from '@/lib/aws/clusters';
import { describeAwsError } from '@/lib/aws/errors';
import { listNamespaces } from '@/lib/aws/namespaces';
import type { FieldErrors, FormError } from '@/lib/cluster/form-state';
import { REQUEST_TAG_KEY } from '@/lib/cluster/limits';
import { type ClusterPlan, planCluster } from '@/lib/cluster/plan';
import type { ClusterRequest } from '@/lib/cluster/schema';
import { CheckFailedError, checkEc2AgainstAws } from './check-ec2';
import { executePlan } from './execute';
import { withLock } from './lock';
import { latestRunOfCluster, type ProvisionRun, runOfRequest, startRun } from './runs';

export type ProvisionOutcome =
  | { ok: true; clusterName: string; inProgress: boolean }
  | { ok: false; fieldErrors: FieldErrors; formError?: FormError };

/**
 * Creates the cluster a validated request describes: checks what only AWS can tell, then plans
 * and executes. A one-step plan (Fargate only) runs before the answer; a longer one runs on in the
 * background and the cluster's page follows its progress. One request per cluster name at a time
 * in this process; across processes the request tag makes ECS refuse a second, different
 * CreateCluster for the same name.
 */
export function provisionCluster(request: ClusterRequest): Promise<ProvisionOutcome> {
  return withLock(`cluster:${request.clusterName}`, async () => {
    // The same request again (a double click, a retried post): it is already under way or done.
    const earlier = runOfRequest(request.requestId);
    if (earlier && earlier.state !== 'failed') return accepted(request, earlier.state === 'running');

    const refused = await checkAgainstAws(request);
    if (refused) return refused;

    const plan = planCluster(request);
    if (plan.steps.length > 1) {
      runInBackground(plan);
      return accepted(request, true);
    }
    const result = await executePlan(plan);
    if (result.ok) return accepted(request, false);
    if (isInconsistentIdempotentRequest(result.error)) return nameTaken();
    return {
      ok: false,
      fieldErrors: {},
      formError: { message: describeAwsError(result.error, result.failedStep.call.action) },
    };
  });
}

const accepted = (request: ClusterRequest, inProgress: boolean): ProvisionOutcome => ({
  ok: true,
  clusterName: request.clusterName,
  inProgress,
});
const nameTaken = (): ProvisionOutcome => ({ ok: false, fieldErrors: { clusterName: 'validation.clusterName.taken' } });

/** Undefined when AWS has no objection; otherwise the outcome to report. */
async function checkAgainstAws(request: ClusterRequest): Promise<ProvisionOutcome | undefined> {
  try {
    if (latestRunOfCluster(request.clusterName)?.state === 'running') return nameTaken();
    const existing = await findCluster(request.clusterName).catch((error: unknown) => {
      throw new CheckFailedError('ecs:DescribeClusters', error);
    });
    if (existing?.status === 'ACTIVE' || existing?.status === 'PROVISIONING') {
      const createdBy = existing.tags?.find((tag) => tag.key === REQUEST_TAG_KEY)?.value;
      // The same request arriving again after this server forgot it: it already succeeded.
      if (createdBy === request.requestId) return accepted(request, false);
      return nameTaken();
    }
    const fieldErrors: FieldErrors = {
      ...(await checkNamespace(request)),
      ...(await checkEc2AgainstAws(request)),
    };
    return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : undefined;
  } catch (error) {
    if (!(error instanceof CheckFailedError)) throw error;
    return { ok: false, fieldErrors: {}, formError: { message: describeAwsError(error.cause, error.permission) } };
  }
}

async function checkNamespace(request: ClusterRequest): Promise<FieldErrors> {
  if (!request.namespace.startsWith('arn:')) return {};
  const namespaces = await listNamespaces().catch((error: unknown) => {
    throw new CheckFailedError('servicediscovery:ListNamespaces', error);
  });
  return namespaces.some((namespace) => namespace.arn === request.namespace)
    ? {}
    : { namespace: 'validation.namespace.notFound' };
}

/** Runs the plan after the answer has gone, recording each step in the request's run. */
function runInBackground(plan: ClusterPlan): ProvisionRun {
  const run = startRun(plan);
  executePlan(plan, {
    onStatus: (statuses) => {
      run.steps = run.steps.map((step, index) => ({ ...step, status: statuses[index] ?? step.status }));
    },
  })
    .then((result) => {
      if (result.ok) {
        run.state = 'succeeded';
        return;
      }
      run.state = 'failed';
      run.failure = {
        step: result.failedStep.id,
        message: describeAwsError(result.error, result.failedStep.call.action),
        rolledBack: result.rolledBack,
      };
    })
    .catch((error: unknown) => {
      run.state = 'failed';
      console.error(`[provision] run ${run.requestId} stopped unexpectedly`, error);
    });
  return run;
}
