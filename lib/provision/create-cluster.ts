import 'server-only';
import { findCluster, isInconsistentIdempotentRequest } from '@/lib/aws/clusters';
import { describeAwsError } from '@/lib/aws/errors';
import { listNamespaces } from '@/lib/aws/namespaces';
import type { FieldErrors, FormError } from '@/lib/cluster/form-state';
import { REQUEST_TAG_KEY } from '@/lib/cluster/limits';
import { type ClusterPlan, planCluster } from '@/lib/cluster/plan';
import type { ClusterRequest } from '@/lib/cluster/request';
import { CheckFailedError, checkEc2AgainstAws } from './check-ec2';
import { checkExecLoggingAgainstAws } from './check-exec-logging';
import { executePlan, type ExecutionResult } from './execute';
import { withLock } from './lock';
import { latestRunOfCluster, type ProvisionRun, runOfRequest, startRun } from './runs';

export type ProvisionOutcome =
  { ok: true; clusterName: string; requestId: string } | { ok: false; fieldErrors: FieldErrors; formError?: FormError };

/**
 * Creates the cluster a validated request describes: checks what only AWS can tell, then plans
 * and executes, recording each step in the request's run. A one-step plan (Fargate only) runs
 * before the answer; a longer one runs on in the background and the cluster's page follows it. One request per cluster name at a time
 * in this process; across processes the request tag makes ECS refuse a second, different
 * CreateCluster for the same name.
 */
export function provisionCluster(request: ClusterRequest): Promise<ProvisionOutcome> {
  return withLock(`cluster:${request.clusterName}`, async () => {
    // The same request again (a double click, a retried post): it is already under way or done.
    const earlier = runOfRequest(request.requestId);
    const fingerprint = JSON.stringify(request);
    if (earlier && earlier.state !== 'failed') {
      if (earlier.fingerprint === fingerprint) return accepted(request);
      // One id, two different requests: never answer the second with the first's cluster.
      return {
        ok: false,
        fieldErrors: {},
        formError: { message: { key: 'request.reused', params: { name: earlier.clusterName } } },
      };
    }

    const refused = await checkAgainstAws(request);
    if (refused) return refused;

    const plan = planCluster(request);
    const run = startRun(plan, fingerprint);
    const finished = executeAndRecord(plan, run);
    if (plan.steps.length > 1) {
      finished.catch(() => undefined); // logged and recorded in the run
      return accepted(request);
    }
    const result = await finished;
    if (result.ok) return accepted(request);
    if (isInconsistentIdempotentRequest(result.error)) return nameTaken();
    return { ok: false, fieldErrors: {}, formError: formErrorOf(run) };
  });
}

/** The failure of a one-step run, saying what is in the account only as far as it was verified. */
function formErrorOf({ failure, clusterName, requestId }: ProvisionRun): FormError | undefined {
  if (!failure) return undefined;
  if (failure.mayRemain.length === 0) return { message: failure.message };
  return {
    message: failure.message,
    mayRemain: { key: 'aws.mayRemain', params: { name: clusterName, tag: REQUEST_TAG_KEY, requestId } },
  };
}

const accepted = (request: ClusterRequest): ProvisionOutcome => ({
  ok: true,
  clusterName: request.clusterName,
  requestId: request.requestId,
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
      if (createdBy === request.requestId) return accepted(request);
      return nameTaken();
    }
    const fieldErrors: FieldErrors = Object.assign(
      {},
      ...(await Promise.all([
        checkNamespace(request),
        checkEc2AgainstAws(request),
        checkExecLoggingAgainstAws(request),
      ])),
    );
    return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : undefined;
  } catch (error) {
    if (!(error instanceof CheckFailedError)) throw error;
    return { ok: false, fieldErrors: {}, formError: { message: describeAwsError(error.cause, error.permission) } };
  }
}

async function checkNamespace(request: ClusterRequest): Promise<FieldErrors> {
  if (!request.namespace?.startsWith('arn:')) return {};
  const namespaces = await listNamespaces().catch((error: unknown) => {
    throw new CheckFailedError('servicediscovery:ListNamespaces', error);
  });
  return namespaces.some((namespace) => namespace.arn === request.namespace)
    ? {}
    : { namespace: 'validation.namespace.notFound' };
}

/** Runs the plan, recording each step's status and the outcome in the request's run. */
async function executeAndRecord(plan: ClusterPlan, run: ProvisionRun): Promise<ExecutionResult> {
  try {
    const result = await executePlan(plan, {
      onStatus: (statuses) => {
        run.steps = run.steps.map((step, index) => ({ ...step, status: statuses[index] ?? step.status }));
      },
    });
    run.state = result.ok ? 'succeeded' : 'failed';
    if (!result.ok) {
      run.failure = {
        step: result.failedStep.id,
        message: describeAwsError(result.error, result.failedStep.call.action),
        mayRemain: result.mayRemain,
      };
    }
    return result;
  } catch (error) {
    run.state = 'failed';
    console.error(`[provision] run ${run.requestId} stopped unexpectedly`, error);
    throw error;
  }
}
