import 'server-only';
import type { Cluster } from '@aws-sdk/client-ecs';
import { FARGATE_CAPACITY_PROVIDERS } from '@/lib/cluster/plan';
import { describeAutoScalingGroup } from './auto-scaling';
import { listCapacityProviders } from './capacity-providers';

/** One Auto Scaling group capacity provider of a cluster, as the cluster's page shows it. */
export interface Ec2CapacityView {
  capacityProvider: string;
  status?: string;
  managedScaling?: string;
  targetCapacity?: number;
  autoScalingGroupName?: string;
  autoScalingGroupArn?: string;
  minSize?: number;
  desiredCapacity?: number;
  maxSize?: number;
  launchTemplate?: string;
  subnets?: string[];
}

/** The cluster's capacity providers other than Fargate's, with their Auto Scaling groups. */
export async function describeEc2Capacity(cluster: Cluster): Promise<Ec2CapacityView[]> {
  const names = (cluster.capacityProviders ?? []).filter((name) => !FARGATE_CAPACITY_PROVIDERS.includes(name));
  if (names.length === 0) return [];
  const providers = await listCapacityProviders(names);
  return Promise.all(
    providers.map(async (provider) => {
      const arn = provider.autoScalingGroupProvider?.autoScalingGroupArn;
      const groupName = arn?.split('autoScalingGroupName/')[1];
      const group = groupName ? await describeAutoScalingGroup(groupName) : undefined;
      const template =
        group?.LaunchTemplate ?? group?.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
      return {
        capacityProvider: provider.name ?? '',
        status: provider.status,
        managedScaling: provider.autoScalingGroupProvider?.managedScaling?.status,
        targetCapacity: provider.autoScalingGroupProvider?.managedScaling?.targetCapacity,
        autoScalingGroupName: group?.AutoScalingGroupName ?? groupName,
        autoScalingGroupArn: arn,
        minSize: group?.MinSize,
        desiredCapacity: group?.DesiredCapacity,
        maxSize: group?.MaxSize,
        launchTemplate: template?.LaunchTemplateName ?? template?.LaunchTemplateId,
        subnets: group?.VPCZoneIdentifier?.split(',').filter(Boolean),
      };
    }),
  );
}
