import type { Cluster } from '@aws-sdk/client-ecs';
import { tagOf } from '@/lib/aws/clusters';
import { REQUEST_TAG_KEY, TEAM_TAG_KEY } from '@/lib/cluster/limits';

/** A cluster as the API answers it: what the console's list shows, its team, and the request that made it. */
export function clusterView(cluster: Cluster) {
  const requestId = tagOf(cluster, REQUEST_TAG_KEY) ?? null;
  return {
    name: cluster.clusterName ?? '',
    arn: cluster.clusterArn ?? '',
    status: cluster.status ?? '',
    team: tagOf(cluster, TEAM_TAG_KEY) ?? null,
    capacityProviders: cluster.capacityProviders ?? [],
    activeServices: cluster.activeServicesCount ?? 0,
    runningTasks: cluster.runningTasksCount ?? 0,
    pendingTasks: cluster.pendingTasksCount ?? 0,
    containerInstances: cluster.registeredContainerInstancesCount ?? 0,
    /** The cluster's own setting; null when the account's default applies. */
    containerInsights: cluster.settings?.find((setting) => setting.name === 'containerInsights')?.value ?? null,
    links: {
      self: `/api/v1/clusters/${encodeURIComponent(cluster.clusterName ?? '')}`,
      request: requestId && `/api/v1/cluster-requests/${requestId}`,
    },
  };
}
