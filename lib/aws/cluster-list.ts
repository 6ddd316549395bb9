import 'server-only';
import type { Cluster } from '@aws-sdk/client-ecs';
import { type ClusterListParams, type ClusterPage, pageOfClusters } from '@/lib/cluster/cluster-list-paging';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';
import { describeClustersNamed, listClusterNames, tagOf } from './clusters';

/**
 * A page of the clusters list: the clusters of the teams `visible` says (by their team tag; a
 * cluster with none has no team), INACTIVE ones only when asked for. Reads every name, describes
 * only the page.
 */
export async function clusterListPage(
  visible: (team: string | undefined) => boolean,
  params: ClusterListParams,
): Promise<ClusterPage<Cluster>> {
  return pageOfClusters(
    await listClusterNames(),
    {
      ...params,
      accept: (cluster: Cluster) => {
        const team = tagOf(cluster, TEAM_TAG_KEY);
        return (
          (params.inactive || cluster.status !== 'INACTIVE') &&
          visible(team) &&
          (params.team === undefined || team === params.team)
        );
      },
    },
    (names) => describeClustersNamed(names, ['TAGS', 'SETTINGS']),
  );
}
