import { apiPrincipal } from '@/lib/api/api-principal';
import { clusterView } from '@/lib/api/cluster-view';
import { callerProblem } from '@/lib/api/http';
import { problem } from '@/lib/api/problem';
import { refusalProblem } from '@/lib/api/refusal-problems';
import { requestView } from '@/lib/api/request-view';
import { IDEMPOTENCY_KEY } from '@/lib/api/idempotency';
import { canSee } from '@/lib/auth/permissions';
import { findCluster, tagOf } from '@/lib/aws/clusters';
import { withAwsDeadline } from '@/lib/aws/deadline';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';
import { requestService } from '@/lib/runtime';

type Params = { params: Promise<{ name: string }> };

/** GET: one cluster of the caller's teams; another team's is as absent as one that does not exist. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const principal = await apiPrincipal(request, 'cluster-requests:read');
  if (typeof principal === 'string') return callerProblem(principal);
  const name = decodeURIComponent((await params).name);
  let cluster;
  try {
    cluster = await withAwsDeadline(() => findCluster(name));
  } catch {
    return problem(502, 'aws', 'AWS could not be asked', 'The cluster could not be read. Try again.');
  }
  if (!cluster || cluster.status === 'INACTIVE' || !canSee(principal, tagOf(cluster, TEAM_TAG_KEY))) {
    return problem(404, 'not-found', 'No such cluster', `There is no cluster ${name} you may see.`);
  }
  return Response.json(clusterView(cluster), { headers: { 'cache-control': 'no-store' } });
}

/**
 * DELETE: starts a delete request. The same request service as the delete page: the teardown plan
 * is made from the journal and AWS, stored, and run by the worker; 202 with the request, whose plan
 * says what will be deleted. An Idempotency-Key (a UUID) makes a retried call return the same request.
 */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const principal = await apiPrincipal(request, 'clusters:delete');
  if (typeof principal === 'string') return callerProblem(principal);
  const name = decodeURIComponent((await params).name);
  const key = request.headers.get('idempotency-key')?.trim();
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    return problem(400, 'idempotency-key', 'Idempotency-Key must be a UUID', 'Send a new UUID, or no Idempotency-Key.');
  }
  const outcome = await requestService().submit(principal, {
    kind: 'delete',
    clusterName: name,
    requestId: key ?? crypto.randomUUID(),
  });
  if (!outcome.ok) return refusalProblem(outcome);
  return Response.json(await requestView(outcome.request), {
    status: 202,
    headers: { location: `/api/v1/cluster-requests/${outcome.request.id}`, 'cache-control': 'no-store' },
  });
}
