import 'server-only';
import type { Ec2Options } from '@/lib/cluster/options';
import { listAutoScalingGroups } from './auto-scaling';
import { autoScalingGroupsInUse } from './capacity-providers';
import { listKeyPairs, listOfferedInstanceTypes, listSecurityGroups, listSubnets, listVpcs } from './ec2';
import { listInstanceProfiles } from './iam';
import { load } from './load';

export async function loadEc2Options(): Promise<Ec2Options> {
  const [vpcs, subnets, securityGroups, keyPairs, instanceTypes, instanceProfiles, freeAutoScalingGroups] =
    await Promise.all([
      load('ec2:DescribeVpcs', listVpcs),
      load('ec2:DescribeSubnets', listSubnets),
      load('ec2:DescribeSecurityGroups', listSecurityGroups),
      load('ec2:DescribeKeyPairs', listKeyPairs),
      load('ec2:DescribeInstanceTypeOfferings', listOfferedInstanceTypes),
      load('iam:ListInstanceProfiles', listInstanceProfiles),
      load('autoscaling:DescribeAutoScalingGroups', async () => {
        const [groups, inUse] = await Promise.all([listAutoScalingGroups(), autoScalingGroupsInUse()]);
        return groups.filter((group) => !inUse.has(group.arn));
      }),
    ]);
  return { vpcs, subnets, securityGroups, keyPairs, instanceTypes, instanceProfiles, freeAutoScalingGroups };
}
