import { describe, expect, it } from 'vitest';
import { REQUEST_TAG_KEY } from './limits';
import { type AwsCall, ecsUserData, planCluster, type StepAction, type StepActions } from './plan';
import { aClusterRequest, anEc2Request, TEST_REQUEST_ID } from './builders';
import type { ClusterRequest, NewGroup } from './request';

const EXISTING_GROUP =
  'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:8f0e5b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/web';

/** The new group's fields to change, and (`request`) the rest of the request's. */
type Change = Partial<NewGroup> & { request?: Partial<Omit<ClusterRequest, 'infrastructure'>>; fargate?: boolean };
const planFor = ({ request = {}, fargate, ...instances }: Change = {}) =>
  planCluster(anEc2Request(instances, { ...request, ...(fargate !== undefined && { fargate }) }));
const stepIds = (change: Change = {}) => planFor(change).steps.map((step) => step.id);
const withExistingGroup = (autoScalingGroupArn: string) =>
  planCluster(aClusterRequest({ infrastructure: { type: 'ec2ExistingGroup', fargate: true, autoScalingGroupArn } }));

/** The input of the one call of `action` in the plan. */
function inputOf<A extends StepAction>(change: Change, action: A): StepActions[A] {
  const calls = planFor(change).steps.filter((step) => step.call.action === action);
  expect(calls).toHaveLength(1);
  return (calls[0]?.call as Extract<AwsCall, { action: A }>).input as StepActions[A];
}

describe('planCluster for Amazon EC2 instances', () => {
  it('new group, existing role and security group: AMI → cluster → template → group → provider → attach', () => {
    expect(stepIds()).toEqual([
      'resolveAmi',
      'createCluster',
      'createLaunchTemplate',
      'createAutoScalingGroup',
      'describeAutoScalingGroup',
      'createCapacityProvider',
      'waitForCapacityProvider',
      'waitForClusterActive',
      'attachCapacityProviders',
      'waitForCluster',
    ]);
  });

  it('creates ecsInstanceRole and its instance profile first when asked', () => {
    const ids = stepIds({ instanceProfile: undefined });
    expect(ids.slice(0, 5)).toEqual([
      'resolveAmi',
      'createInstanceRole',
      'attachInstanceRolePolicy',
      'createInstanceProfile',
      'addRoleToInstanceProfile',
    ]);
    expect(inputOf({ instanceProfile: undefined }, 'iam:AttachRolePolicy')).toEqual({
      RoleName: 'ecsInstanceRole',
      PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role',
    });
    const trust = JSON.parse(inputOf({ instanceProfile: undefined }, 'iam:CreateRole').AssumeRolePolicyDocument ?? '');
    expect(trust.Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
  });

  it('creates a new security group with its rules before the cluster, and launches into it', () => {
    const change: Change = {
      securityGroup: {
        type: 'new',
        name: 'ecs-hosts',
        inboundRules: [
          { type: 'ssh', cidr: '10.0.0.0/8' },
          { type: 'custom-tcp', portRange: { from: 8000, to: 8100 }, cidr: '0.0.0.0/0' },
          { type: 'all-traffic', cidr: '10.1.0.0/16' },
        ],
      },
    };
    expect(stepIds(change).slice(0, 4)).toEqual([
      'resolveAmi',
      'createSecurityGroup',
      'authorizeSecurityGroupIngress',
      'createCluster',
    ]);
    expect(inputOf(change, 'ec2:CreateSecurityGroup')).toMatchObject({
      GroupName: 'ecs-hosts',
      Description: 'ecs-hosts',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
    });
    expect(inputOf(change, 'ec2:AuthorizeSecurityGroupIngress')).toEqual({
      GroupId: '{{createSecurityGroup.groupId}}',
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
        { IpProtocol: 'tcp', FromPort: 8000, ToPort: 8100, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        { IpProtocol: '-1', IpRanges: [{ CidrIp: '10.1.0.0/16' }] },
      ],
    });
    expect(inputOf(change, 'ec2:CreateLaunchTemplate').LaunchTemplateData?.SecurityGroupIds).toEqual([
      '{{createSecurityGroup.groupId}}',
    ]);
  });

  it('skips the rules step of a new group without rules; deleting the group undoes both', () => {
    const plan = planFor({ securityGroup: { type: 'new', name: 'closed', inboundRules: [] } });
    expect(plan.steps.map((step) => step.id)).not.toContain('authorizeSecurityGroupIngress');
    expect(plan.steps.find((step) => step.id === 'createSecurityGroup')?.undo).toEqual({
      action: 'ec2:DeleteSecurityGroup',
      input: { GroupId: '{{createSecurityGroup.groupId}}' },
    });
  });

  it('fills the launch template from the request: AMI from SSM, type, role, key, volume, user data', () => {
    const template = inputOf({ keyName: 'ops', rootVolumeSize: 100, amiFamily: 'al2023' }, 'ec2:CreateLaunchTemplate');
    expect(template.LaunchTemplateName).toBe(`ecs-demo-${TEST_REQUEST_ID.slice(0, 8)}`);
    expect(template.LaunchTemplateData).toMatchObject({
      ImageId: '{{resolveAmi.imageId}}',
      InstanceType: 't3.medium',
      IamInstanceProfile: { Name: 'ecsInstanceRole' },
      KeyName: 'ops',
      SecurityGroupIds: ['sg-0dddddddddddddddd'],
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 100, VolumeType: 'gp3', DeleteOnTermination: true } },
      ],
    });
    expect(atob(template.LaunchTemplateData?.UserData ?? '')).toBe(
      '#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config;',
    );
    expect(template.LaunchTemplateData).not.toHaveProperty('NetworkInterfaces');
    expect(inputOf({ amiFamily: 'al2023-arm64', instanceType: 't4g.small' }, 'ssm:GetParameter')).toEqual({
      Name: '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id',
    });
  });

  it('with a public IP, the security groups move into the network interface', () => {
    const data = inputOf({ publicIp: 'on' }, 'ec2:CreateLaunchTemplate').LaunchTemplateData;
    expect(data).not.toHaveProperty('SecurityGroupIds');
    expect(data?.NetworkInterfaces).toEqual([
      { DeviceIndex: 0, AssociatePublicIpAddress: true, Groups: ['sg-0dddddddddddddddd'], DeleteOnTermination: true },
    ]);
  });

  it('On-demand: the group launches the template; desired capacity is the minimum', () => {
    const group = inputOf({ minSize: 2, maxSize: 7 }, 'autoscaling:CreateAutoScalingGroup');
    expect(group).toMatchObject({
      MinSize: 2,
      MaxSize: 7,
      DesiredCapacity: 2,
      VPCZoneIdentifier: 'subnet-0aaaaaaaaaaaaaaaa,subnet-0bbbbbbbbbbbbbbbb',
      LaunchTemplate: { LaunchTemplateName: `ecs-demo-${TEST_REQUEST_ID.slice(0, 8)}`, Version: '$Latest' },
    });
    expect(group).not.toHaveProperty('MixedInstancesPolicy');
  });

  it('Spot: a mixed instances policy with no On-demand share and the chosen strategy', () => {
    const group = inputOf({ spot: { allocationStrategy: 'capacity-optimized' } }, 'autoscaling:CreateAutoScalingGroup');
    expect(group).not.toHaveProperty('LaunchTemplate');
    expect(group.MixedInstancesPolicy).toEqual({
      LaunchTemplate: {
        LaunchTemplateSpecification: {
          LaunchTemplateName: `ecs-demo-${TEST_REQUEST_ID.slice(0, 8)}`,
          Version: '$Latest',
        },
        Overrides: [{ InstanceType: 't3.medium' }],
      },
      InstancesDistribution: {
        OnDemandBaseCapacity: 0,
        OnDemandPercentageAboveBaseCapacity: 0,
        SpotAllocationStrategy: 'capacity-optimized',
      },
    });
  });

  it('tags the group for ECS and names its instances, keeping the user’s own Name', () => {
    const tags = inputOf(
      { request: { tags: [{ key: 'team', value: 'a' }] } },
      'autoscaling:CreateAutoScalingGroup',
    ).Tags;
    expect(tags?.map(({ Key, Value }) => [Key, Value])).toEqual([
      ['team', 'a'],
      [REQUEST_TAG_KEY, TEST_REQUEST_ID],
      ['AmazonECSManaged', ''],
      ['Name', 'ECS Instance - demo'],
    ]);
    expect(tags?.every((tag) => tag.PropagateAtLaunch)).toBe(true);
    const named = inputOf(
      { request: { tags: [{ key: 'Name', value: 'mine' }] } },
      'autoscaling:CreateAutoScalingGroup',
    ).Tags;
    expect(named?.filter((tag) => tag.Key === 'Name').map((tag) => tag.Value)).toEqual(['mine']);
  });

  it('puts the user’s tags and the request tag on everything it creates', () => {
    const plan = planFor({
      instanceProfile: undefined,
      securityGroup: { type: 'new', name: 'g', inboundRules: [] },
      request: { tags: [{ key: 'team', value: 'a' }] },
    });
    const text = (action: StepAction) =>
      JSON.stringify(plan.steps.find((step) => step.call.action === action)?.call.input);
    for (const action of [
      'iam:CreateRole',
      'iam:CreateInstanceProfile',
      'ec2:CreateSecurityGroup',
      'ecs:CreateCluster',
      'ec2:CreateLaunchTemplate',
      'autoscaling:CreateAutoScalingGroup',
      'ecs:CreateCapacityProvider',
    ] as const) {
      expect(text(action), action).toContain(TEST_REQUEST_ID);
      expect(text(action), action).toMatch(/"(key|Key)":"team"/);
    }
  });

  it('creates the capacity provider with managed scaling, then makes it the default beside Fargate’s', () => {
    const name = `cp-demo-${TEST_REQUEST_ID.slice(0, 8)}`;
    expect(inputOf({}, 'ecs:CreateCapacityProvider')).toMatchObject({
      name,
      autoScalingGroupProvider: {
        autoScalingGroupArn: '{{describeAutoScalingGroup.arn}}',
        managedScaling: { status: 'ENABLED', targetCapacity: 100 },
        managedTerminationProtection: 'DISABLED',
        managedDraining: 'ENABLED',
      },
    });
    const attach = planFor().steps.find((step) => step.id === 'attachCapacityProviders');
    expect(attach?.call.input).toEqual({
      cluster: 'demo',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT', name],
      defaultCapacityProviderStrategy: [{ capacityProvider: name, base: 0, weight: 1 }],
    });
    expect(attach?.undo?.input).toEqual({
      cluster: 'demo',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [],
    });
    expect(inputOf({ fargate: false }, 'ecs:PutClusterCapacityProviders').capacityProviders).toEqual([name]);
    expect(inputOf({ fargate: false }, 'ecs:CreateCluster')).not.toHaveProperty('capacityProviders');
  });

  it('with an existing group: cluster → capacity provider for that group → attach', () => {
    const plan = withExistingGroup(EXISTING_GROUP);
    expect(plan.steps.map((step) => step.id)).toEqual([
      'createCluster',
      'createCapacityProvider',
      'waitForCapacityProvider',
      'waitForClusterActive',
      'attachCapacityProviders',
      'waitForCluster',
    ]);
    const provider = plan.steps.find((step) => step.call.action === 'ecs:CreateCapacityProvider')?.call;
    expect(provider?.action === 'ecs:CreateCapacityProvider' && provider.input.autoScalingGroupProvider).toMatchObject({
      autoScalingGroupArn: EXISTING_GROUP,
    });
  });

  it('undoes every step that creates something', () => {
    const plan = planFor({ instanceProfile: undefined, securityGroup: { type: 'new', name: 'g', inboundRules: [] } });
    const withoutUndo = plan.steps.filter((step) => !step.undo).map((step) => step.id);
    expect(withoutUndo).toEqual([
      'resolveAmi',
      'describeAutoScalingGroup',
      'waitForCapacityProvider',
      'waitForClusterActive',
      'waitForCluster',
    ]);
  });

  it('names resources within AWS’s limits, never starting a capacity provider with aws, ecs or fargate', () => {
    for (const clusterName of ['ecs-prod', 'fargate', 'aws', 'x'.repeat(255)]) {
      const plan = planFor({ request: { clusterName } });
      const provider = plan.steps.find((step) => step.call.action === 'ecs:CreateCapacityProvider')?.call.input as {
        name: string;
      };
      expect(provider.name).toMatch(/^cp-[A-Za-z0-9_-]+$/);
      expect(provider.name.length).toBeLessThanOrEqual(255);
      const template = inputOf({ request: { clusterName } }, 'ec2:CreateLaunchTemplate').LaunchTemplateName ?? '';
      expect(template).toMatch(/^[a-zA-Z0-9().\-/_]{3,128}$/);
    }
  });

  it('encodes the ECS agent configuration as user data', () => {
    expect(atob(ecsUserData('a_b-c'))).toContain('ECS_CLUSTER=a_b-c');
  });

  it.each([
    ['bottlerocket', 't3.medium', '/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id'],
    ['bottlerocket-arm64', 't4g.medium', '/aws/service/bottlerocket/aws-ecs-2/arm64/latest/image_id'],
  ] as const)(
    '%s: its SSM parameter, TOML settings as user data, and its data volume',
    (amiFamily, instanceType, name) => {
      expect(inputOf({ amiFamily, instanceType }, 'ssm:GetParameter')).toEqual({ Name: name });
      const data = inputOf({ amiFamily, instanceType }, 'ec2:CreateLaunchTemplate').LaunchTemplateData;
      expect(atob(data?.UserData ?? '')).toBe('[settings.ecs]\ncluster = "demo"\n');
      expect(data?.BlockDeviceMappings?.[0]?.DeviceName).toBe('/dev/xvdb');
    },
  );
});
