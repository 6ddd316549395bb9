import type { Ec2Options } from '@/lib/cluster/options';
import { amiArchitecture, defaultInstanceType, ECS_INSTANCE_ROLE } from '@/lib/cluster/ec2';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';

type Ec2Choices = Pick<
  ClusterFormValues,
  'vpcId' | 'subnetIds' | 'securityGroupIds' | 'instanceType' | 'instanceProfile' | 'amiFamily'
>;

const loaded = <T>(list: { ok: true; value: T[] } | { ok: false }): T[] => (list.ok ? list.value : []);

/** The VPC the console preselects: the Region's default VPC, else the first. */
export function defaultVpcId(options: Ec2Options): string {
  const vpcs = loaded(options.vpcs);
  return (vpcs.find((vpc) => vpc.isDefault) ?? vpcs[0])?.id ?? '';
}

export const subnetsOf = (options: Ec2Options, vpcId: string) =>
  loaded(options.subnets).filter((subnet) => subnet.vpcId === vpcId);

export const securityGroupsOf = (options: Ec2Options, vpcId: string) =>
  loaded(options.securityGroups).filter((group) => group.vpcId === vpcId);

/** All of the VPC's subnets, and its default security group. */
export function networkDefaults(options: Ec2Options, vpcId: string) {
  const groups = securityGroupsOf(options, vpcId);
  const defaultGroup = groups.find((group) => group.name === 'default') ?? groups[0];
  return {
    subnetIds: subnetsOf(options, vpcId).map((subnet) => subnet.id),
    securityGroupIds: defaultGroup ? [defaultGroup.id] : [],
  };
}

export const hasEcsInstanceRole = (options: Ec2Options) => loaded(options.instanceProfiles).includes(ECS_INSTANCE_ROLE);

/**
 * The form's EC2 choices with every empty one filled as the console fills it, once the account's
 * lists are known. Choices the user made are kept.
 */
export function withEc2Defaults(values: Ec2Choices, options: Ec2Options): Ec2Choices {
  const vpcId = values.vpcId || defaultVpcId(options);
  const network = networkDefaults(options, vpcId);
  return {
    amiFamily: values.amiFamily,
    vpcId,
    subnetIds: values.subnetIds.length > 0 ? values.subnetIds : network.subnetIds,
    securityGroupIds: values.securityGroupIds.length > 0 ? values.securityGroupIds : network.securityGroupIds,
    instanceType:
      values.instanceType || defaultInstanceType(amiArchitecture(values.amiFamily), loaded(options.instanceTypes)),
    instanceProfile: values.instanceProfile || (hasEcsInstanceRole(options) ? ECS_INSTANCE_ROLE : ''),
  };
}
