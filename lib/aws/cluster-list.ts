import 'server-only';
import type { Cluster } from '@aws-sdk/client-ecs';
import { canSee } from '@/lib/auth/permissions';
import type { Principal } from '@/lib/auth/principal';
import { type ClusterListParams, type ClusterPage, pageOfClusters } from '@/lib/cluster/cluster-list-paging';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';
import { describeClustersNamed, listClusterNames, tagOf } from './clusters';

/**
 * The clusters list's page for a principal: their teams' clusters (all of them for an admin or in
 * single-user mode), INACTIVE ones only when asked for. Reads every name, describes only the page.
 */
export async function clusterListPage(principal: Principal, params: ClusterListParams): Promise<ClusterPage<Cluster>> {
  return pageOfClusters(
    await listClusterNames(),
    {
      ...params,
      accept: (cluster: Cluster) => {
        const team = tagOf(cluster, TEAM_TAG_KEY);
        return (
          (params.inactive || cluster.status !== 'INACTIVE') &&
          canSee(principal, team) &&
          (params.team === undefined || team === params.team)
        );
      },
    },
    (names) => describeClustersNamed(names, ['TAGS', 'SETTINGS']),
  );
}
