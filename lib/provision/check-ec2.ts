import 'server-only';
import { describeAutoScalingGroup } from '@/lib/aws/auto-scaling';
import { autoScalingGroupsInUse } from '@/lib/aws/capacity-providers';
import { instanceTypeArchitectures, isInstanceTypeOffered, securityGroupVpcs, subnetVpcs } from '@/lib/aws/ec2';
import { AMI_FAMILIES } from '@/lib/cluster/ec2';
import type { FieldErrors } from '@/lib/cluster/form-state';
import type { ClusterRequest } from '@/lib/cluster/schema';

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

function asking<T>(permission: string, call: () => Promise<T>): Promise<T> {
  return call().catch((error: unknown) => {
    throw new CheckFailedError(permission, error);
  });
}

/**
 * What only AWS can tell about the Amazon EC2 choices: is the group still free, is the instance
 * type offered here and of the AMI's architecture, are the subnets and security groups in the VPC.
 */
export async function checkEc2AgainstAws(request: ClusterRequest): Promise<FieldErrors> {
  if (!request.ec2) return {};
  if (request.autoScalingGroupArn !== '') {
    const groupName = request.autoScalingGroupArn.split('autoScalingGroupName/')[1] ?? '';
    const [group, inUse] = await Promise.all([
      asking('autoscaling:DescribeAutoScalingGroups', () => describeAutoScalingGroup(groupName)),
      asking('ecs:DescribeCapacityProviders', autoScalingGroupsInUse),
    ]);
    const free = group?.AutoScalingGroupARN === request.autoScalingGroupArn && !inUse.has(request.autoScalingGroupArn);
    return free ? {} : { autoScalingGroupArn: 'validation.autoScalingGroup.taken' };
  }

  const errors: FieldErrors = {};
  const [offered, architectures, subnets, securityGroups] = await Promise.all([
    asking('ec2:DescribeInstanceTypeOfferings', () => isInstanceTypeOffered(request.instanceType)),
    asking('ec2:DescribeInstanceTypes', () => instanceTypeArchitectures(request.instanceType)),
    asking('ec2:DescribeSubnets', () => subnetVpcs(request.subnetIds)),
    request.securityGroupMode === 'existing'
      ? asking('ec2:DescribeSecurityGroups', () => securityGroupVpcs({ ids: request.securityGroupIds }))
      : asking('ec2:DescribeSecurityGroups', () =>
          securityGroupVpcs({ name: request.securityGroupName, vpcId: request.vpcId }),
        ),
  ]);

  if (!offered || architectures === undefined) errors.instanceType = 'validation.instanceType.notOffered';
  else if (!architectures.includes(AMI_FAMILIES[request.amiFamily].architecture)) {
    errors.instanceType = 'validation.instanceType.architecture';
  }
  if (request.subnetIds.some((id) => subnets.get(id) !== request.vpcId))
    errors.subnetIds = 'validation.subnets.notInVpc';
  if (request.securityGroupMode === 'existing') {
    if (request.securityGroupIds.some((id) => securityGroups.get(id) !== request.vpcId)) {
      errors.securityGroupIds = 'validation.securityGroups.notInVpc';
    }
  } else if (securityGroups.size > 0) {
    errors.securityGroupName = 'validation.securityGroupName.taken';
  }
  return errors;
}
