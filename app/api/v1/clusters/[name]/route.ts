import { apiCaller } from '@/lib/api/caller';
import { clusterView } from '@/lib/api/cluster-view';
import { callerProblem } from '@/lib/api/http';
import { englishText, problem } from '@/lib/api/problem';
import { requestView } from '@/lib/api/request-view';
import { IDEMPOTENCY_KEY } from '@/lib/api/idempotency';
import { canSee } from '@/lib/auth/viewer';
import { findCluster, tagOf } from '@/lib/aws/clusters';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';
import { database } from '@/lib/db';
import { findRequest } from '@/lib/db/journal';
import { submitTeardown } from '@/lib/provision/delete-cluster';

type Params = { params: Promise<{ name: string }> };

/** GET: one cluster of the caller's teams; another team's is as absent as one that does not exist. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const caller = await apiCaller(request, 'cluster-requests:read');
  if (typeof caller === 'string') return callerProblem(caller);
  const name = decodeURIComponent((await params).name);
  let cluster;
  try {
    cluster = await findCluster(name);
  } catch {
    return problem(502, 'aws', 'AWS could not be asked', 'The cluster could not be read. Try again.');
  }
  if (!cluster || cluster.status === 'INACTIVE' || !canSee(caller.viewer, tagOf(cluster, TEAM_TAG_KEY))) {
    return problem(404, 'not-found', 'No such cluster', `There is no cluster ${name} you may see.`);
  }
  return Response.json(clusterView(cluster), { headers: { 'cache-control': 'no-store' } });
}

/**
 * DELETE: starts a delete request. The same pipeline as the delete page: the teardown plan is made
 * from the journal and AWS, stored, and run by the worker; 202 with the request, whose plan says
 * what will be deleted. An Idempotency-Key (a UUID) makes a retried call return the same request.
 */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const caller = await apiCaller(request, 'clusters:delete');
  if (typeof caller === 'string') return callerProblem(caller);
  const name = decodeURIComponent((await params).name);
  const key = request.headers.get('idempotency-key')?.trim();
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    return problem(400, 'idempotency-key', 'Idempotency-Key must be a UUID', 'Send a new UUID, or no Idempotency-Key.');
  }
  const outcome = await submitTeardown(caller.viewer, name, key ?? crypto.randomUUID());
  if (outcome.ok) {
    const stored = (await findRequest(await database(), outcome.requestId))!;
    return Response.json(await requestView(stored), {
      status: 202,
      headers: { location: `/api/v1/cluster-requests/${stored.id}`, 'cache-control': 'no-store' },
    });
  }
  switch (outcome.reason) {
    case 'notFound':
      return problem(404, 'not-found', 'No such cluster', `There is no cluster ${name} you may see.`);
    case 'forbidden':
      return problem(403, 'team', 'Not allowed by the team’s rules', await englishText({ key: 'delete.forbidden' }));
    case 'inUse': {
      const usage = { services: outcome.services, tasks: outcome.tasks };
      return problem(
        409,
        'in-use',
        'The cluster is in use',
        await englishText({ key: 'delete.inUse', params: usage }),
        {
          members: usage,
        },
      );
    }
    case 'unfinished':
      return problem(
        409,
        'conflict',
        'A request for this cluster is unfinished',
        await englishText({ key: 'delete.unfinished' }),
      );
    case 'planChanged':
    case 'unavailable':
      return problem(
        503,
        'unavailable',
        'The delete could not be started',
        outcome.reason === 'unavailable' ? await englishText(outcome.message) : undefined,
      );
  }
}
