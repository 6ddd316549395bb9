import 'server-only';
import { listAutoScalingGroups, type AutoScalingGroupOption } from './auto-scaling';
import { autoScalingGroupsInUse } from './capacity-providers';
import {
  listKeyPairs,
  listOfferedInstanceTypes,
  listSecurityGroups,
  listSubnets,
  listVpcs,
  type SecurityGroupOption,
  type SubnetOption,
  type VpcOption,
} from './ec2';
import { listInstanceProfiles } from './iam';
import { load, type Loaded } from './load';

/** Everything the Amazon EC2 instances fields offer, each list loaded (or failed) on its own. */
export interface Ec2Options {
  vpcs: Loaded<VpcOption[]>;
  subnets: Loaded<SubnetOption[]>;
  securityGroups: Loaded<SecurityGroupOption[]>;
  keyPairs: Loaded<string[]>;
  instanceTypes: Loaded<string[]>;
  instanceProfiles: Loaded<string[]>;
  /** Only the groups no capacity provider uses yet. */
  freeAutoScalingGroups: Loaded<AutoScalingGroupOption[]>;
}

/**
 * How the page hands the lists to the form: streamed in behind a loading state, or loaded before
 * the page is sent (for browsers without JavaScript, which cannot swap streamed content in).
 */
export type Ec2OptionsSource = { streamed: Promise<Ec2Options> } | { loaded: Ec2Options };

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
