import type { ClusterRequest } from '../request';
import { FARGATE_CAPACITY_PROVIDERS } from './cluster';
import type { PlanStep } from './steps';
import { resourceTags } from './tags';

/** A capacity provider for the group → both ACTIVE → make it the cluster's default beside Fargate's. */
export function capacityProviderSteps(
  request: ClusterRequest,
  withFargate: boolean,
  capacityProvider: string,
  autoScalingGroupArn: string,
): PlanStep[] {
  const cluster = request.clusterName;
  const fargate = withFargate ? FARGATE_CAPACITY_PROVIDERS : [];
  return [
    {
      id: 'createCapacityProvider',
      call: {
        action: 'ecs:CreateCapacityProvider',
        input: {
          name: capacityProvider,
          autoScalingGroupProvider: {
            autoScalingGroupArn,
            managedScaling: { status: 'ENABLED', targetCapacity: 100 },
            managedTerminationProtection: 'DISABLED',
            managedDraining: 'ENABLED',
          },
          tags: resourceTags(request),
        },
      },
      undo: { action: 'ecs:DeleteCapacityProvider', input: { capacityProvider } },
    },
    {
      id: 'waitForCapacityProvider',
      call: { action: 'ecs:DescribeCapacityProviders', input: { capacityProviders: [capacityProvider] } },
      waitUntil: 'capacityProviderActive',
    },
    {
      // ECS changes a cluster's capacity providers only while the cluster is ACTIVE.
      id: 'waitForClusterActive',
      call: { action: 'ecs:DescribeClusters', input: { clusters: [cluster] } },
      waitUntil: 'clusterActive',
    },
    {
      id: 'attachCapacityProviders',
      call: {
        action: 'ecs:PutClusterCapacityProviders',
        input: {
          cluster,
          // This call replaces the whole set: Fargate's providers stay when Fargate is chosen.
          capacityProviders: [...fargate, capacityProvider],
          defaultCapacityProviderStrategy: [{ capacityProvider, base: 0, weight: 1 }],
        },
      },
      undo: {
        action: 'ecs:PutClusterCapacityProviders',
        input: { cluster, capacityProviders: fargate, defaultCapacityProviderStrategy: [] },
      },
    },
    {
      id: 'waitForCluster',
      call: { action: 'ecs:DescribeClusters', input: { clusters: [cluster], include: ['ATTACHMENTS'] } },
      waitUntil: 'clusterAttachmentsComplete',
    },
  ];
}
