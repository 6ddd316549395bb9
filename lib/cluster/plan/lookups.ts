import { REQUEST_TAG_KEY } from '../limits';
import { readQuery, type AwsCall, type StepAction, type StepActions } from './steps';

/**
 * How to find what a create step made when AWS's answer to it was lost (a connection reset or a
 * deadline after AWS had applied the call, or an SDK retry answered "already exists"): a read by
 * the resource's name, and where in that read's answer its tags, status and output are. Pure, so
 * the executor and its tests share it.
 */
export interface StepLookup {
  call: AwsCall;
  /** The found resource's tags; absent when there is no such resource. */
  tags: string;
  /** ECS keeps deleted clusters and capacity providers a while as INACTIVE: those are gone. */
  status?: string;
  /** Where the value the create call's answer gives later steps is in this answer. */
  output?: string;
}

const LOOKUPS: { [A in StepAction]?: (input: StepActions[A]) => StepLookup } = {
  'ecs:CreateCluster': (input) => ({
    call: { action: 'ecs:DescribeClusters', input: { clusters: [input.clusterName ?? ''], include: ['TAGS'] } },
    tags: 'clusters[0].tags',
    status: 'clusters[0].status',
  }),
  'iam:CreateRole': (input) => ({
    call: { action: 'iam:GetRole', input: { RoleName: input.RoleName } },
    tags: 'Role.Tags',
  }),
  'iam:CreateInstanceProfile': (input) => ({
    call: { action: 'iam:GetInstanceProfile', input: { InstanceProfileName: input.InstanceProfileName } },
    tags: 'InstanceProfile.Tags',
  }),
  'ec2:CreateSecurityGroup': (input) => ({
    call: {
      action: 'ec2:DescribeSecurityGroups',
      input: {
        Filters: [
          { Name: 'group-name', Values: [input.GroupName ?? ''] },
          { Name: 'vpc-id', Values: [input.VpcId ?? ''] },
        ],
      },
    },
    tags: 'SecurityGroups[0].Tags',
    output: 'SecurityGroups[0].GroupId',
  }),
  'ec2:CreateLaunchTemplate': (input) => ({
    call: { action: 'ec2:DescribeLaunchTemplates', input: { LaunchTemplateNames: [input.LaunchTemplateName ?? ''] } },
    tags: 'LaunchTemplates[0].Tags',
  }),
  'autoscaling:CreateAutoScalingGroup': (input) => ({
    call: {
      action: 'autoscaling:DescribeAutoScalingGroups',
      input: { AutoScalingGroupNames: [input.AutoScalingGroupName ?? ''] },
    },
    tags: 'AutoScalingGroups[0].Tags',
  }),
  'ecs:CreateCapacityProvider': (input) => ({
    call: {
      action: 'ecs:DescribeCapacityProviders',
      input: { capacityProviders: [input.name ?? ''], include: ['TAGS'] },
    },
    tags: 'capacityProviders[0].tags',
    status: 'capacityProviders[0].status',
  }),
};

/** The lookup for a create call, if the call makes a named resource. */
export function lookupOf(call: AwsCall): StepLookup | undefined {
  const lookup = LOOKUPS[call.action] as ((input: AwsCall['input']) => StepLookup) | undefined;
  return lookup?.(call.input);
}

/** True when the lookup's answer shows the resource, alive and tagged with this request's id. */
export function madeByRequest(lookup: StepLookup, answer: unknown, requestId: string): boolean {
  if (lookup.status && readQuery(answer, lookup.status) === 'INACTIVE') return false;
  const tags = readQuery(answer, lookup.tags);
  // ECS spells tags { key, value }; EC2, IAM and Auto Scaling { Key, Value }.
  return (
    Array.isArray(tags) &&
    tags.some(
      (tag: { key?: string; value?: string; Key?: string; Value?: string }) =>
        (tag.key ?? tag.Key) === REQUEST_TAG_KEY && (tag.value ?? tag.Value) === requestId,
    )
  );
}
