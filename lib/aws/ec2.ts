import 'server-only';
import {
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  paginateDescribeInstanceTypeOfferings,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { Architecture } from '@/lib/cluster/ec2';
import type { SecurityGroupOption, SubnetOption, VpcOption } from '@/lib/cluster/options';
import { ec2Client } from './clients';
import { needs } from './errors';

const nameTag = (tags: Tag[] | undefined) => tags?.find((tag) => tag.Key === 'Name')?.Value;

async function collect<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[]): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...items(page));
  return all;
}

export const listVpcs = needs('ec2:DescribeVpcs', (): Promise<VpcOption[]> =>
  collect(paginateDescribeVpcs({ client: ec2Client() }, {}), (page) =>
    (page.Vpcs ?? []).map((vpc) => ({
      id: vpc.VpcId ?? '',
      name: nameTag(vpc.Tags),
      cidr: vpc.CidrBlock,
      isDefault: vpc.IsDefault ?? false,
    })),
  ),
);

export const listSubnets = needs('ec2:DescribeSubnets', (): Promise<SubnetOption[]> =>
  collect(paginateDescribeSubnets({ client: ec2Client() }, {}), (page) =>
    (page.Subnets ?? []).map((subnet) => ({
      id: subnet.SubnetId ?? '',
      vpcId: subnet.VpcId ?? '',
      name: nameTag(subnet.Tags),
      availabilityZone: subnet.AvailabilityZone,
      cidr: subnet.CidrBlock,
    })),
  ).then((subnets) => subnets.sort((a, b) => (a.availabilityZone ?? '').localeCompare(b.availabilityZone ?? ''))),
);

export const listSecurityGroups = needs('ec2:DescribeSecurityGroups', (): Promise<SecurityGroupOption[]> =>
  collect(paginateDescribeSecurityGroups({ client: ec2Client() }, {}), (page) =>
    (page.SecurityGroups ?? []).map((group) => ({
      id: group.GroupId ?? '',
      vpcId: group.VpcId ?? '',
      name: group.GroupName ?? '',
    })),
  ),
);

/** DescribeKeyPairs answers in one page. */
export const listKeyPairs = needs('ec2:DescribeKeyPairs', async () => {
  const { KeyPairs = [] } = await ec2Client().send(new DescribeKeyPairsCommand({}));
  return KeyPairs.flatMap((pair) => pair.KeyName ?? []).sort();
});

/** The instance types offered in the Region, by name. */
export const listOfferedInstanceTypes = needs('ec2:DescribeInstanceTypeOfferings', () =>
  collect(paginateDescribeInstanceTypeOfferings({ client: ec2Client() }, { LocationType: 'region' }), (page) =>
    (page.InstanceTypeOfferings ?? []).flatMap((offering) => (offering.InstanceType ? [offering.InstanceType] : [])),
  ).then((types) => [...new Set(types)].sort(byFamilyAndSize)),
);

export const isInstanceTypeOffered = needs('ec2:DescribeInstanceTypeOfferings', async (instanceType: string) => {
  const { InstanceTypeOfferings = [] } = await ec2Client().send(
    new DescribeInstanceTypeOfferingsCommand({
      LocationType: 'region',
      Filters: [{ Name: 'instance-type', Values: [instanceType] }],
    }),
  );
  return InstanceTypeOfferings.length > 0;
});

/** The architectures AWS says an instance type supports, or undefined if AWS does not know the type. */
export const instanceTypeArchitectures = needs(
  'ec2:DescribeInstanceTypes',
  async (instanceType: string): Promise<Architecture[] | undefined> => {
    try {
      const { InstanceTypes = [] } = await ec2Client().send(
        new DescribeInstanceTypesCommand({ InstanceTypes: [instanceType as never] }),
      );
      return InstanceTypes[0]?.ProcessorInfo?.SupportedArchitectures?.filter(
        (architecture): architecture is Architecture => architecture === 'x86_64' || architecture === 'arm64',
      );
    } catch (error) {
      if ((error as { name?: string }).name === 'InvalidInstanceType') return undefined;
      throw error;
    }
  },
);

/** The VPC of each subnet that exists. */
export const subnetVpcs = needs('ec2:DescribeSubnets', async (subnetIds: string[]) => {
  const { Subnets = [] } = await ec2Client().send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: subnetIds }] }),
  );
  return new Map(Subnets.map((subnet) => [subnet.SubnetId ?? '', subnet.VpcId ?? '']));
});

/** The VPC of each security group that exists, found by id or (in a VPC) by name. */
export const securityGroupVpcs = needs(
  'ec2:DescribeSecurityGroups',
  async (filter: { ids: string[] } | { name: string; vpcId: string }) => {
    const Filters =
      'ids' in filter
        ? [{ Name: 'group-id', Values: filter.ids }]
        : [
            { Name: 'group-name', Values: [filter.name] },
            { Name: 'vpc-id', Values: [filter.vpcId] },
          ];
    const { SecurityGroups = [] } = await ec2Client().send(new DescribeSecurityGroupsCommand({ Filters }));
    return new Map(SecurityGroups.map((group) => [group.GroupId ?? '', group.VpcId ?? '']));
  },
);

/** t3.micro before t3.medium before t3.large: family, then size as AWS orders sizes. */
const SIZES = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge'];
function byFamilyAndSize(a: string, b: string): number {
  const [familyA = '', sizeA = ''] = a.split('.');
  const [familyB = '', sizeB = ''] = b.split('.');
  if (familyA !== familyB) return familyA.localeCompare(familyB);
  const rank = (size: string) => {
    const index = SIZES.indexOf(size);
    if (index >= 0) return index;
    const multiple = /^(\d+)xlarge$/.exec(size);
    return multiple ? SIZES.length + Number(multiple[1]) : 1000;
  };
  return rank(sizeA) - rank(sizeB) || sizeA.localeCompare(sizeB);
}
