import 'server-only';
import type { Ec2Options } from '@/lib/cluster/options';
import { listAutoScalingGroups } from './auto-scaling';
import { autoScalingGroupsInUse } from './capacity-providers';
import { listKeyPairs, listOfferedInstanceTypes, listSecurityGroups, listSubnets, listVpcs } from './ec2';
import { listInstanceProfiles } from './iam';
import { loadList } from './load';

export async function loadEc2Options(fresh = false): Promise<Ec2Options> {
  const [vpcs, subnets, securityGroups, keyPairs, instanceTypes, instanceProfiles, freeAutoScalingGroups] =
    await Promise.all([
      loadList('vpcs', listVpcs, fresh),
      loadList('subnets', listSubnets, fresh),
      loadList('securityGroups', listSecurityGroups, fresh),
      loadList('keyPairs', listKeyPairs, fresh),
      loadList('instanceTypes', listOfferedInstanceTypes, fresh),
      loadList('instanceProfiles', listInstanceProfiles, fresh),
      loadList(
        'freeAutoScalingGroups',
        async () => {
          const [groups, inUse] = await Promise.all([listAutoScalingGroups(), autoScalingGroupsInUse()]);
          return groups.filter((group) => !inUse.has(group.arn));
        },
        fresh,
      ),
    ]);
  return { vpcs, subnets, securityGroups, keyPairs, instanceTypes, instanceProfiles, freeAutoScalingGroups };
}
