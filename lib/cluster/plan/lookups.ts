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

/**
 * How to tell that a step's change is already in place when its call fails on a second run: a
 * process that died after AWS applied the call, but before the journal recorded it, runs the step
 * again on resume, and AWS may answer "already done" in its own words (the role already in the
 * profile, the rule already in the group). A read shows whether the change holds; if it does, the
 * step is done. Only changes whose second call can fail are here: AWS takes the others twice.
 */
export interface EffectCheck {
  call: AwsCall;
  holds: (answer: unknown) => boolean;
}

interface IpPermissionShape {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp?: string }[];
}

const EFFECT_CHECKS: { [A in StepAction]?: (input: StepActions[A]) => EffectCheck } = {
  'iam:AttachRolePolicy': (input) => ({
    call: { action: 'iam:ListAttachedRolePolicies', input: { RoleName: input.RoleName } },
    holds: (answer) =>
      ((answer as { AttachedPolicies?: { PolicyArn?: string }[] }).AttachedPolicies ?? []).some(
        (policy) => policy.PolicyArn === input.PolicyArn,
      ),
  }),
  'iam:AddRoleToInstanceProfile': (input) => ({
    call: { action: 'iam:GetInstanceProfile', input: { InstanceProfileName: input.InstanceProfileName } },
    holds: (answer) =>
      ((answer as { InstanceProfile?: { Roles?: { RoleName?: string }[] } }).InstanceProfile?.Roles ?? []).some(
        (role) => role.RoleName === input.RoleName,
      ),
  }),
  'ec2:AuthorizeSecurityGroupIngress': (input) => ({
    call: { action: 'ec2:DescribeSecurityGroups', input: { GroupIds: [input.GroupId ?? ''] } },
    holds: (answer) => {
      const group = (answer as { SecurityGroups?: { IpPermissions?: IpPermissionShape[] }[] }).SecurityGroups?.[0];
      // AWS may show rules of one protocol and ports as one permission with several ranges.
      return (input.IpPermissions ?? []).every((wanted) =>
        (wanted.IpRanges ?? []).every((range) =>
          (group?.IpPermissions ?? []).some(
            (held) =>
              held.IpProtocol === wanted.IpProtocol &&
              (wanted.FromPort === undefined || held.FromPort === wanted.FromPort) &&
              (wanted.ToPort === undefined || held.ToPort === wanted.ToPort) &&
              (held.IpRanges ?? []).some((heldRange) => heldRange.CidrIp === range.CidrIp),
          ),
        ),
      );
    },
  }),
  'ecs:PutClusterCapacityProviders': (input) => ({
    call: { action: 'ecs:DescribeClusters', input: { clusters: [input.cluster ?? ''] } },
    holds: (answer) => {
      const cluster = (
        answer as {
          clusters?: {
            capacityProviders?: string[];
            defaultCapacityProviderStrategy?: { capacityProvider?: string; base?: number; weight?: number }[];
          }[];
        }
      ).clusters?.[0];
      const strategy = (items: { capacityProvider?: string; base?: number; weight?: number }[] = []) =>
        items.map((item) => `${item.capacityProvider}:${item.base ?? 0}:${item.weight ?? 0}`).sort();
      return (
        cluster !== undefined &&
        JSON.stringify([...(cluster.capacityProviders ?? [])].sort()) ===
          JSON.stringify([...(input.capacityProviders ?? [])].sort()) &&
        JSON.stringify(strategy(cluster.defaultCapacityProviderStrategy)) ===
          JSON.stringify(strategy(input.defaultCapacityProviderStrategy))
      );
    },
  }),
};

/** The check for a change call whose second run can fail, if it is one. */
export function effectCheckOf(call: AwsCall): EffectCheck | undefined {
  const check = EFFECT_CHECKS[call.action] as ((input: AwsCall['input']) => EffectCheck) | undefined;
  return check?.(call.input);
}
