import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeCapacityProvidersCommand, ECSClient } from '@aws-sdk/client-ecs';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AwsCallError } from '@/lib/aws/errors';
import { aClusterRequest, anEc2Request } from '@/lib/cluster/builders';
import type { NewGroup } from '@/lib/cluster/request';
import type { Violation } from '@/lib/cluster/violation';
import { checkEc2AgainstAws } from './check-ec2';

const ec2 = mockClient(EC2Client);
const autoScaling = mockClient(AutoScalingClient);
const ecs = mockClient(ECSClient);
const iam = mockClient(IAMClient);
const GROUP =
  'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:8f0e5b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/web';

/** Each violation's message at its domain path. */
const byPath = (violations: Violation[]) =>
  Object.fromEntries(violations.map((violation) => [violation.path.join('.'), violation.message.key]));
const check = (instances: Partial<NewGroup> = {}) => checkEc2AgainstAws(anEc2Request(instances)).then(byPath);
const checkExistingGroup = (autoScalingGroupArn: string) =>
  checkEc2AgainstAws(
    aClusterRequest({ infrastructure: { type: 'ec2ExistingGroup', fargate: true, autoScalingGroupArn } }),
  ).then(byPath);
const newSecurityGroup = (name: string): Partial<NewGroup> => ({
  securityGroup: { type: 'new', name, inboundRules: [] },
});

describe('checkEc2AgainstAws', () => {
  beforeEach(() => {
    ec2.reset();
    autoScaling.reset();
    ecs.reset();
    iam.reset();
    ec2.on(DescribeInstanceTypeOfferingsCommand).resolves({ InstanceTypeOfferings: [{ InstanceType: 't3.medium' }] });
    ec2.on(DescribeInstanceTypesCommand).resolves({
      InstanceTypes: [{ ProcessorInfo: { SupportedArchitectures: ['x86_64'] } }],
    });
    ec2.on(DescribeSubnetsCommand).resolves({
      Subnets: [
        { SubnetId: 'subnet-0aaaaaaaaaaaaaaaa', VpcId: 'vpc-0a1b2c3d4e5f60718' },
        { SubnetId: 'subnet-0bbbbbbbbbbbbbbbb', VpcId: 'vpc-0a1b2c3d4e5f60718' },
      ],
    });
    ec2
      .on(DescribeSecurityGroupsCommand)
      .resolves({ SecurityGroups: [{ GroupId: 'sg-0dddddddddddddddd', VpcId: 'vpc-0a1b2c3d4e5f60718' }] });
    ecs.on(DescribeCapacityProvidersCommand).resolves({ capacityProviders: [] });
  });

  it('has no objection to choices AWS confirms', async () => {
    await expect(check()).resolves.toEqual({});
  });

  it('asks nothing when EC2 is not chosen', async () => {
    await expect(checkEc2AgainstAws(aClusterRequest())).resolves.toEqual([]);
    expect(ec2.calls()).toHaveLength(0);
  });

  it('refuses an instance type the Region does not offer, or of another architecture', async () => {
    ec2.on(DescribeInstanceTypeOfferingsCommand).resolves({ InstanceTypeOfferings: [] });
    await expect(check()).resolves.toEqual({
      'infrastructure.instances.instanceType': 'validation.instanceType.notOffered',
    });
    ec2.on(DescribeInstanceTypeOfferingsCommand).resolves({ InstanceTypeOfferings: [{ InstanceType: 't3.medium' }] });
    ec2
      .on(DescribeInstanceTypesCommand)
      .resolves({ InstanceTypes: [{ ProcessorInfo: { SupportedArchitectures: ['arm64'] } }] });
    await expect(check()).resolves.toEqual({
      'infrastructure.instances.instanceType': 'validation.instanceType.architecture',
    });
  });

  it('refuses subnets and security groups outside the VPC, or that do not exist', async () => {
    ec2
      .on(DescribeSubnetsCommand)
      .resolves({ Subnets: [{ SubnetId: 'subnet-0aaaaaaaaaaaaaaaa', VpcId: 'vpc-0a1b2c3d4e5f60718' }] });
    ec2
      .on(DescribeSecurityGroupsCommand)
      .resolves({ SecurityGroups: [{ GroupId: 'sg-0dddddddddddddddd', VpcId: 'vpc-0f1e2d3c4b5a69788' }] });
    await expect(check()).resolves.toEqual({
      'infrastructure.instances.subnetIds': 'validation.subnets.notInVpc',
      'infrastructure.instances.securityGroup.ids': 'validation.securityGroups.notInVpc',
    });
  });

  it('refuses a new security group whose name the VPC already has', async () => {
    await expect(check(newSecurityGroup('default'))).resolves.toEqual({
      'infrastructure.instances.securityGroup.name': 'validation.securityGroupName.taken',
    });
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
    await expect(check(newSecurityGroup('fresh'))).resolves.toEqual({});
  });

  it('accepts an existing group only while no capacity provider uses it', async () => {
    autoScaling
      .on(DescribeAutoScalingGroupsCommand)
      .resolves({ AutoScalingGroups: [{ AutoScalingGroupARN: GROUP } as never] });
    await expect(checkExistingGroup(GROUP)).resolves.toEqual({});
    ecs.on(DescribeCapacityProvidersCommand).resolves({
      capacityProviders: [{ name: 'cp', status: 'ACTIVE', autoScalingGroupProvider: { autoScalingGroupArn: GROUP } }],
    });
    await expect(checkExistingGroup(GROUP)).resolves.toEqual({
      'infrastructure.autoScalingGroupArn': 'validation.autoScalingGroup.taken',
    });
    autoScaling.on(DescribeAutoScalingGroupsCommand).resolves({ AutoScalingGroups: [] });
    ecs.on(DescribeCapacityProvidersCommand).resolves({ capacityProviders: [] });
    await expect(checkExistingGroup(GROUP)).resolves.toEqual({
      'infrastructure.autoScalingGroupArn': 'validation.autoScalingGroup.taken',
    });
  });

  it('refuses to create ecsInstanceRole once it exists, and asks nothing when a profile is chosen', async () => {
    iam.on(GetRoleCommand).rejects(Object.assign(new Error('none'), { name: 'NoSuchEntityException' }));
    await expect(check({ instanceProfile: undefined })).resolves.toEqual({});
    iam.on(GetRoleCommand).resolves({ Role: { RoleName: 'ecsInstanceRole' } as never });
    await expect(check({ instanceProfile: undefined })).resolves.toEqual({
      'infrastructure.instances.instanceProfile': 'validation.instanceProfile.roleExists',
    });
    iam.resetHistory();
    await check({ instanceProfile: 'ecsInstanceRole' });
    expect(iam.commandCalls(GetRoleCommand)).toHaveLength(0);
  });

  it('names the permission of a check AWS refused', async () => {
    ec2.on(DescribeSubnetsCommand).rejects(Object.assign(new Error('no'), { name: 'UnauthorizedOperation' }));
    const failure = await check().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AwsCallError);
    expect((failure as AwsCallError).action).toBe('ec2:DescribeSubnets');
  });
});
