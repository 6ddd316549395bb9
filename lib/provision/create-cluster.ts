import 'server-only';
import { findCluster, isInconsistentIdempotentRequest } from '@/lib/aws/clusters';
import { describeAwsError } from '@/lib/aws/errors';
import { listNamespaces } from '@/lib/aws/namespaces';
import type { FieldErrors, FormError } from '@/lib/cluster/form-state';
import { REQUEST_TAG_KEY } from '@/lib/cluster/limits';
import { planCluster } from '@/lib/cluster/plan';
import type { ClusterRequest } from '@/lib/cluster/schema';
import { executePlan } from './execute';
import { withLock } from './lock';

export type ProvisionOutcome =
  | { ok: true; clusterName: string }
  | { ok: false; fieldErrors: FieldErrors; formError?: FormError };

/**
 * Creates the cluster a validated request describes: checks what only AWS can tell (is the name
 * taken, does the namespace exist), then plans and executes. One request per cluster name at a
 * time in this process; across processes the request tag makes ECS refuse a second, different
 * CreateCluster for the same name.
 */
export function provisionCluster(request: ClusterRequest): Promise<ProvisionOutcome> {
  return withLock(`cluster:${request.clusterName}`, async () => {
    const checked = await checkAgainstAws(request);
    if (checked) return checked;

    const plan = planCluster(request);
    const result = await executePlan(plan);
    if (result.ok) return { ok: true, clusterName: request.clusterName };

    if (isInconsistentIdempotentRequest(result.error)) return nameTaken();
    return {
      ok: false,
      fieldErrors: {},
      formError: {
        message: describeAwsError(result.error, result.failedStep.call.action),
        failedStep: plan.steps.length > 1 ? result.failedStep.call.action : undefined,
        rolledBack: plan.steps.length > 1 ? result.rolledBack : undefined,
      },
    };
  });
}

/** Undefined when AWS has no objection; otherwise the outcome to report. */
async function checkAgainstAws(request: ClusterRequest): Promise<ProvisionOutcome | undefined> {
  let action = 'ecs:DescribeClusters';
  try {
    const existing = await findCluster(request.clusterName);
    if (existing?.status === 'ACTIVE' || existing?.status === 'PROVISIONING') {
      const createdBy = existing.tags?.find((tag) => tag.key === REQUEST_TAG_KEY)?.value;
      // The same request arriving again (a retried POST): it already succeeded.
      if (createdBy === request.requestId) return { ok: true, clusterName: request.clusterName };
      return nameTaken();
    }
    if (request.namespace.startsWith('arn:')) {
      action = 'servicediscovery:ListNamespaces';
      const namespaces = await listNamespaces();
      if (!namespaces.some((namespace) => namespace.arn === request.namespace)) {
        return { ok: false, fieldErrors: { namespace: 'validation.namespace.notFound' } };
      }
    }
    return undefined;
  } catch (error) {
    return { ok: false, fieldErrors: {}, formError: { message: describeAwsError(error, action) } };
  }
}

const nameTaken = (): ProvisionOutcome => ({ ok: false, fieldErrors: { clusterName: 'validation.clusterName.taken' } });
