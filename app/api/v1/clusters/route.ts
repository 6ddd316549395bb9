import { apiCaller } from '@/lib/api/caller';
import { clusterView } from '@/lib/api/cluster-view';
import { callerProblem } from '@/lib/api/http';
import { problem } from '@/lib/api/problem';
import { canSee } from '@/lib/auth/viewer';
import { listClusters, tagOf } from '@/lib/aws/clusters';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';

/** GET: the ACTIVE clusters of the caller's teams (by their team tag), or every one for an admin. */
export async function GET(request: Request): Promise<Response> {
  const caller = await apiCaller(request, 'cluster-requests:read');
  if (typeof caller === 'string') return callerProblem(caller);
  let clusters;
  try {
    clusters = await listClusters();
  } catch {
    return problem(502, 'aws', 'AWS could not be asked', 'The clusters could not be listed. Try again.');
  }
  return Response.json(
    {
      items: clusters
        .filter((cluster) => cluster.status === 'ACTIVE' && canSee(caller.viewer, tagOf(cluster, TEAM_TAG_KEY)))
        .map(clusterView),
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}
