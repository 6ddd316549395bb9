import type { ClusterRequest, NewGroup } from '../request';
import type { PlanStep } from './steps';
import { awsTags } from './tags';

/** The group of instances, launched from the template (On-Demand) or a Spot mix; then its ARN. */
export function autoScalingGroupSteps(
  request: ClusterRequest,
  group: NewGroup,
  names: { autoScalingGroup: string; launchTemplate: string },
): PlanStep[] {
  const launchTemplate = { LaunchTemplateName: names.launchTemplate, Version: '$Latest' };
  return [
    {
      id: 'createAutoScalingGroup',
      call: {
        action: 'autoscaling:CreateAutoScalingGroup',
        input: {
          AutoScalingGroupName: names.autoScalingGroup,
          MinSize: group.minSize,
          MaxSize: group.maxSize,
          DesiredCapacity: group.minSize,
          VPCZoneIdentifier: group.subnetIds.join(','),
          ...(group.spot
            ? {
                MixedInstancesPolicy: {
                  LaunchTemplate: {
                    LaunchTemplateSpecification: launchTemplate,
                    Overrides: [{ InstanceType: group.instanceType }],
                  },
                  InstancesDistribution: {
                    OnDemandBaseCapacity: 0,
                    OnDemandPercentageAboveBaseCapacity: 0,
                    SpotAllocationStrategy: group.spot.allocationStrategy,
                  },
                },
              }
            : { LaunchTemplate: launchTemplate }),
          NewInstancesProtectedFromScaleIn: false,
          Tags: autoScalingGroupTags(request, names.autoScalingGroup),
        },
      },
      undo: {
        action: 'autoscaling:DeleteAutoScalingGroup',
        input: { AutoScalingGroupName: names.autoScalingGroup, ForceDelete: true },
      },
    },
    {
      id: 'describeAutoScalingGroup',
      call: {
        action: 'autoscaling:DescribeAutoScalingGroups',
        input: { AutoScalingGroupNames: [names.autoScalingGroup] },
      },
    },
  ];
}

/** ECS marks the groups it manages; instances are named after the cluster, unless the person named them. */
function autoScalingGroupTags(request: ClusterRequest, groupName: string) {
  const tags = awsTags(request);
  const keys = new Set(tags.map((tag) => tag.Key));
  const defaults = [
    { Key: 'AmazonECSManaged', Value: '' },
    { Key: 'Name', Value: `ECS Instance - ${request.clusterName}` },
  ].filter((tag) => !keys.has(tag.Key));
  return [...tags, ...defaults].map((tag) => ({
    ...tag,
    PropagateAtLaunch: true,
    ResourceId: groupName,
    ResourceType: 'auto-scaling-group',
  }));
}
