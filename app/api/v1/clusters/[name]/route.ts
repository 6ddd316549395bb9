import { apiCaller } from '@/lib/api/caller';
import { clusterView } from '@/lib/api/cluster-view';
import { callerProblem } from '@/lib/api/http';
import { problem } from '@/lib/api/problem';
import { canSee } from '@/lib/auth/viewer';
import { findCluster, tagOf } from '@/lib/aws/clusters';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';

/** GET: one cluster of the caller's teams; another team's is as absent as one that does not exist. */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
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
