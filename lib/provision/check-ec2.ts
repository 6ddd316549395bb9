import 'server-only';
import { describeAutoScalingGroup } from '@/lib/aws/auto-scaling';
import { autoScalingGroupsInUse } from '@/lib/aws/capacity-providers';
import { roleExists } from '@/lib/aws/iam';
import { instanceTypeArchitectures, isInstanceTypeOffered, securityGroupVpcs, subnetVpcs } from '@/lib/aws/ec2';
import { AMI_FAMILIES, ECS_INSTANCE_ROLE } from '@/lib/cluster/ec2';
import type { FieldErrors } from '@/lib/cluster/form-state';
import type { ClusterRequest } from '@/lib/cluster/request';

/** An AWS call of a check failed; `permission` is the IAM action it needed. */
export class CheckFailedError extends Error {
  override name = 'CheckFailedError';
  constructor(
    readonly permission: string,
    override readonly cause: unknown,
  ) {
    super(`${permission} failed`);
  }
}

export function asking<T>(permission: string, call: () => Promise<T>): Promise<T> {
  return call().catch((error: unknown) => {
    throw new CheckFailedError(permission, error);
  });
}

/**
 * What only AWS can tell about the Amazon EC2 choices: is the group still free, is the instance
 * type offered here and of the AMI's architecture, are the subnets and security groups in the VPC,
 * and is the role "Create new role" would make still free.
 */
export async function checkEc2AgainstAws({ infrastructure }: ClusterRequest): Promise<FieldErrors> {
  if (infrastructure.type === 'fargate') return {};
  if (infrastructure.type === 'ec2ExistingGroup') {
    const arn = infrastructure.autoScalingGroupArn;
    const groupName = arn.split('autoScalingGroupName/')[1] ?? '';
    const [group, inUse] = await Promise.all([
      asking('autoscaling:DescribeAutoScalingGroups', () => describeAutoScalingGroup(groupName)),
      asking('ecs:DescribeCapacityProviders', autoScalingGroupsInUse),
    ]);
    const free = group?.AutoScalingGroupARN === arn && !inUse.has(arn);
    return free ? {} : { autoScalingGroupArn: 'validation.autoScalingGroup.taken' };
  }

  const { instanceType, subnetIds, vpcId, securityGroup, amiFamily, instanceProfile } = infrastructure.instances;
  const errors: FieldErrors = {};
  const [offered, architectures, subnets, securityGroups, roleTaken] = await Promise.all([
    asking('ec2:DescribeInstanceTypeOfferings', () => isInstanceTypeOffered(instanceType)),
    asking('ec2:DescribeInstanceTypes', () => instanceTypeArchitectures(instanceType)),
    asking('ec2:DescribeSubnets', () => subnetVpcs(subnetIds)),
    asking('ec2:DescribeSecurityGroups', () =>
      securityGroupVpcs(
        securityGroup.type === 'existing' ? { ids: securityGroup.ids } : { name: securityGroup.name, vpcId },
      ),
    ),
    instanceProfile ? false : asking('iam:GetRole', () => roleExists(ECS_INSTANCE_ROLE)),
  ]);

  if (!offered || architectures === undefined) errors.instanceType = 'validation.instanceType.notOffered';
  else if (!architectures.includes(AMI_FAMILIES[amiFamily].architecture)) {
    errors.instanceType = 'validation.instanceType.architecture';
  }
  if (subnetIds.some((id) => subnets.get(id) !== vpcId)) errors.subnetIds = 'validation.subnets.notInVpc';
  if (securityGroup.type === 'existing') {
    if (securityGroup.ids.some((id) => securityGroups.get(id) !== vpcId)) {
      errors.securityGroupIds = 'validation.securityGroups.notInVpc';
    }
  } else if (securityGroups.size > 0) {
    errors.securityGroupName = 'validation.securityGroupName.taken';
  }
  // Made meanwhile (in another tab, by another person): offer it instead of failing at CreateRole.
  if (roleTaken) errors.instanceProfile = 'validation.instanceProfile.roleExists';
  return errors;
}
