import 'server-only';
import { describeAutoScalingGroup } from '@/lib/aws/auto-scaling';
import { autoScalingGroupsInUse } from '@/lib/aws/capacity-providers';
import { roleExists } from '@/lib/aws/iam';
import { instanceTypeArchitectures, isInstanceTypeOffered, securityGroupVpcs, subnetVpcs } from '@/lib/aws/ec2';
import { AMI_FAMILIES, ECS_INSTANCE_ROLE } from '@/lib/cluster/ec2';
import type { ClusterRequest } from '@/lib/cluster/request';
import type { Violation } from '@/lib/cluster/violation';
import type { ValidationMessageKey } from '@/lib/i18n/messages';

const at = (path: Violation['path'], rule: string, key: ValidationMessageKey): Violation => ({
  path,
  rule,
  message: { key },
});

/**
 * What only AWS can tell about the Amazon EC2 choices: is the group still free, is the instance
 * type offered here and of the AMI's architecture, are the subnets and security groups in the VPC,
 * and is the role "Create new role" would make still free. A read that fails throws (AwsCallError).
 */
export async function checkEc2AgainstAws({ infrastructure }: ClusterRequest): Promise<Violation[]> {
  if (infrastructure.type === 'fargate') return [];
  if (infrastructure.type === 'ec2ExistingGroup') {
    const arn = infrastructure.autoScalingGroupArn;
    const groupName = arn.split('autoScalingGroupName/')[1] ?? '';
    const [group, inUse] = await Promise.all([describeAutoScalingGroup(groupName), autoScalingGroupsInUse()]);
    const free = group?.AutoScalingGroupARN === arn && !inUse.has(arn);
    return free
      ? []
      : [at(['infrastructure', 'autoScalingGroupArn'], 'autoScalingGroupFree', 'validation.autoScalingGroup.taken')];
  }

  const { instanceType, subnetIds, vpcId, securityGroup, amiFamily, instanceProfile } = infrastructure.instances;
  const instances = (field: string) => ['infrastructure', 'instances', field];
  const [offered, architectures, subnets, securityGroups, roleTaken] = await Promise.all([
    isInstanceTypeOffered(instanceType),
    instanceTypeArchitectures(instanceType),
    subnetVpcs(subnetIds),
    securityGroupVpcs(
      securityGroup.type === 'existing' ? { ids: securityGroup.ids } : { name: securityGroup.name, vpcId },
    ),
    instanceProfile ? false : roleExists(ECS_INSTANCE_ROLE),
  ]);

  const violations: Violation[] = [];
  if (!offered || architectures === undefined) {
    violations.push(at(instances('instanceType'), 'instanceTypeOffered', 'validation.instanceType.notOffered'));
  } else if (!architectures.includes(AMI_FAMILIES[amiFamily].architecture)) {
    violations.push(at(instances('instanceType'), 'instanceTypeArchitecture', 'validation.instanceType.architecture'));
  }
  if (subnetIds.some((id) => subnets.get(id) !== vpcId)) {
    violations.push(at(instances('subnetIds'), 'subnetsInVpc', 'validation.subnets.notInVpc'));
  }
  if (securityGroup.type === 'existing') {
    if (securityGroup.ids.some((id) => securityGroups.get(id) !== vpcId)) {
      violations.push(
        at([...instances('securityGroup'), 'ids'], 'securityGroupsInVpc', 'validation.securityGroups.notInVpc'),
      );
    }
  } else if (securityGroups.size > 0) {
    violations.push(
      at([...instances('securityGroup'), 'name'], 'securityGroupNameFree', 'validation.securityGroupName.taken'),
    );
  }
  // Made meanwhile (in another tab, by another person): offer it instead of failing at CreateRole.
  if (roleTaken) {
    violations.push(at(instances('instanceProfile'), 'instanceRoleFree', 'validation.instanceProfile.roleExists'));
  }
  return violations;
}
