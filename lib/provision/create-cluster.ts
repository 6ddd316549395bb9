import 'server-only';
import type { Kysely } from 'kysely';
import { currentPlace } from '@/lib/aws/account';
import { findCluster } from '@/lib/aws/clusters';
import { describeAwsError } from '@/lib/aws/errors';
import { listNamespaces } from '@/lib/aws/namespaces';
import type { FieldErrors, FormError } from '@/lib/cluster/form-state';
import { REQUEST_TAG_KEY } from '@/lib/cluster/limits';
import { planCluster } from '@/lib/cluster/plan';
import { database } from '@/lib/db';
import { databaseProblem } from '@/lib/db/problems';
import { findRequest, NameTakenError, submitRequest } from '@/lib/db/journal';
import type { Database } from '@/lib/db/schema';
import type { ClusterRequest } from '@/lib/cluster/request';
import type { Requester } from './authorize-request';
import { CheckFailedError, checkEc2AgainstAws } from './check-ec2';
import { checkExecLoggingAgainstAws } from './check-exec-logging';
import { wakeWorker } from './worker';

export type ProvisionOutcome =
  { ok: true; clusterName: string; requestId: string } | { ok: false; fieldErrors: FieldErrors; formError?: FormError };

/**
 * Submits the cluster a validated request describes: checks what only AWS can tell, plans, and
 * stores the request and its plan in the journal, where a provisioning worker takes it up. The
 * answer comes as soon as the request is stored: the cluster's page follows its steps and tells
 * how it ended. One unfinished request per cluster name, account and Region: the database refuses
 * a second, whichever process takes it.
 */
export async function provisionCluster(
  request: ClusterRequest,
  requester: Requester = { requestedBy: null, team: undefined, policyVersion: null },
): Promise<ProvisionOutcome> {
  let db: Kysely<Database>;
  let place: { account: string; region: string };
  try {
    db = await database();
    place = await currentPlace().catch((error: unknown) => {
      throw new CheckFailedError('sts:GetCallerIdentity', error);
    });
  } catch (error) {
    return setupFailed(error);
  }

  // The same request again (a double click, a retried post): its page tells what became of it.
  const earlier = await findRequest(db, request.requestId);
  if (earlier) {
    if (earlier.request !== JSON.stringify(request)) {
      // One id, two different requests: never answer the second with the first's cluster.
      return {
        ok: false,
        fieldErrors: {},
        formError: { message: { key: 'request.reused', params: { name: earlier.cluster_name } } },
      };
    }
    return accepted(request);
  }

  const refused = await checkAgainstAws(request);
  if (refused) return refused;

  const plan = planCluster(request);
  try {
    await submitRequest(db, {
      id: request.requestId,
      clusterName: request.clusterName,
      ...place,
      request,
      plan,
      ...requester,
    });
  } catch (error) {
    if (error instanceof NameTakenError) {
      return { ok: false, fieldErrors: { clusterName: 'validation.clusterName.beingCreated' } };
    }
    return setupFailed(error);
  }
  wakeWorker();
  return accepted(request);
}

const accepted = (request: ClusterRequest): ProvisionOutcome => ({
  ok: true,
  clusterName: request.clusterName,
  requestId: request.requestId,
});
const nameTaken = (): ProvisionOutcome => ({ ok: false, fieldErrors: { clusterName: 'validation.clusterName.taken' } });

/** The journal could not be opened or written, or the account could not be asked: nothing was stored. */
export function setupFailed(error: unknown): ProvisionOutcome {
  if (error instanceof CheckFailedError) {
    return { ok: false, fieldErrors: {}, formError: { message: describeAwsError(error.cause, error.permission) } };
  }
  return { ok: false, fieldErrors: {}, formError: { message: databaseProblem(error) } };
}

/** Undefined when AWS has no objection; otherwise the outcome to report. */
async function checkAgainstAws(request: ClusterRequest): Promise<ProvisionOutcome | undefined> {
  try {
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
