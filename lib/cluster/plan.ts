import type {
  AddRoleToInstanceProfileCommandInput,
  AttachRolePolicyCommandInput,
  CreateInstanceProfileCommandInput,
  CreateRoleCommandInput,
  DeleteInstanceProfileCommandInput,
  DeleteRoleCommandInput,
  DetachRolePolicyCommandInput,
  RemoveRoleFromInstanceProfileCommandInput,
} from '@aws-sdk/client-iam';
import type {
  CreateAutoScalingGroupCommandInput,
  DeleteAutoScalingGroupCommandInput,
  DescribeAutoScalingGroupsCommandInput,
} from '@aws-sdk/client-auto-scaling';
import type {
  AuthorizeSecurityGroupIngressCommandInput,
  CreateLaunchTemplateCommandInput,
  CreateSecurityGroupCommandInput,
  RequestLaunchTemplateData,
  _InstanceType,
  DeleteLaunchTemplateCommandInput,
  DeleteSecurityGroupCommandInput,
} from '@aws-sdk/client-ec2';
import type {
  CreateCapacityProviderCommandInput,
  CreateClusterCommandInput,
  DeleteCapacityProviderCommandInput,
  DeleteClusterCommandInput,
  DescribeCapacityProvidersCommandInput,
  DescribeClustersCommandInput,
  PutClusterCapacityProvidersCommandInput,
} from '@aws-sdk/client-ecs';
import type { GetParameterCommandInput } from '@aws-sdk/client-ssm';
import { clusterConfiguration } from './configuration';
import { withoutUndefined } from './without-undefined';
import {
  AMI_FAMILIES,
  ANYWHERE_IPV4,
  ECS_INSTANCE_ROLE,
  ECS_INSTANCE_ROLE_POLICY_ARN,
  INBOUND_RULE_TYPES,
  parsePortRange,
} from './ec2';
import { REQUEST_TAG_KEY } from './limits';
import type { ClusterRequest } from './schema';

/**
 * Turns a validated request into the exact AWS requests that create the cluster, in order, each
 * with the request that undoes it. Pure: the Review panel, the CLI preview, the executor and the
 * unit tests all read this one plan. A value only AWS can give (the AMI id, a new security group's
 * id, the new group's ARN) appears as `{{step.output}}` and is filled in by the executor.
 */

/** Each AWS action a step may perform, named as IAM names it, with the SDK input it takes. */
export interface StepActions {
  'ssm:GetParameter': GetParameterCommandInput;
  'iam:CreateRole': CreateRoleCommandInput;
  'iam:DeleteRole': DeleteRoleCommandInput;
  'iam:AttachRolePolicy': AttachRolePolicyCommandInput;
  'iam:DetachRolePolicy': DetachRolePolicyCommandInput;
  'iam:CreateInstanceProfile': CreateInstanceProfileCommandInput;
  'iam:DeleteInstanceProfile': DeleteInstanceProfileCommandInput;
  'iam:AddRoleToInstanceProfile': AddRoleToInstanceProfileCommandInput;
  'iam:RemoveRoleFromInstanceProfile': RemoveRoleFromInstanceProfileCommandInput;
  'ec2:CreateSecurityGroup': CreateSecurityGroupCommandInput;
  'ec2:DeleteSecurityGroup': DeleteSecurityGroupCommandInput;
  'ec2:AuthorizeSecurityGroupIngress': AuthorizeSecurityGroupIngressCommandInput;
  'ec2:CreateLaunchTemplate': CreateLaunchTemplateCommandInput;
  'ec2:DeleteLaunchTemplate': DeleteLaunchTemplateCommandInput;
  'autoscaling:CreateAutoScalingGroup': CreateAutoScalingGroupCommandInput;
  'autoscaling:DeleteAutoScalingGroup': DeleteAutoScalingGroupCommandInput;
  'autoscaling:DescribeAutoScalingGroups': DescribeAutoScalingGroupsCommandInput;
  'ecs:CreateCluster': CreateClusterCommandInput;
  'ecs:DeleteCluster': DeleteClusterCommandInput;
  'ecs:CreateCapacityProvider': CreateCapacityProviderCommandInput;
  'ecs:DeleteCapacityProvider': DeleteCapacityProviderCommandInput;
  'ecs:DescribeCapacityProviders': DescribeCapacityProvidersCommandInput;
  'ecs:PutClusterCapacityProviders': PutClusterCapacityProvidersCommandInput;
  'ecs:DescribeClusters': DescribeClustersCommandInput;
}
export type StepAction = keyof StepActions;
export type AwsCall = { [A in StepAction]: { action: A; input: StepActions[A] } }[StepAction];

export type StepId =
  | 'resolveAmi'
  | 'createInstanceRole'
  | 'attachInstanceRolePolicy'
  | 'createInstanceProfile'
  | 'addRoleToInstanceProfile'
  | 'createSecurityGroup'
  | 'authorizeSecurityGroupIngress'
  | 'createCluster'
  | 'createLaunchTemplate'
  | 'createAutoScalingGroup'
  | 'describeAutoScalingGroup'
  | 'createCapacityProvider'
  | 'waitForCapacityProvider'
  | 'waitForClusterActive'
  | 'attachCapacityProviders'
  | 'waitForCluster';

/** Conditions the executor polls for, where AWS finishes work after answering. */
export type WaitCondition = 'capacityProviderActive' | 'clusterActive' | 'clusterAttachmentsComplete';

export interface PlanStep {
  id: StepId;
  call: AwsCall;
  /** How to take the step back if a later step fails. */
  undo?: AwsCall;
  /** Repeat `call` until this holds. */
  waitUntil?: WaitCondition;
}

export interface ClusterPlan {
  clusterName: string;
  requestId: string;
  steps: PlanStep[];
}

export const FARGATE_CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];
/** A reference to a value an earlier step returns. */
export const output = (step: StepId, name: string) => `{{${step}.${name}}}`;

export function planCluster(request: ClusterRequest): ClusterPlan {
  const steps: PlanStep[] = [];
  const name = request.clusterName;
  const createCluster: PlanStep = {
    id: 'createCluster',
    call: {
      action: 'ecs:CreateCluster',
      input: withoutUndefined({
        clusterName: name,
        capacityProviders: request.fargate ? FARGATE_CAPACITY_PROVIDERS : undefined,
        settings: [{ name: 'containerInsights', value: request.monitoring }],
        configuration: clusterConfiguration(request),
        serviceConnectDefaults: request.namespace ? { namespace: request.namespace } : undefined,
        tags: resourceTags(request),
      }),
    },
    undo: { action: 'ecs:DeleteCluster', input: { cluster: name } },
  };

  if (!request.ec2) return { clusterName: name, requestId: request.requestId, steps: [createCluster] };

  const names = resourceNames(request);
  let autoScalingGroupArn = request.autoScalingGroupArn;
  if (autoScalingGroupArn === '') {
    steps.push(...instanceCapacitySteps(request, names, createCluster));
    autoScalingGroupArn = output('describeAutoScalingGroup', 'arn');
  } else {
    steps.push(createCluster);
  }
  steps.push(...capacityProviderSteps(request, names.capacityProvider, autoScalingGroupArn));
  return { clusterName: name, requestId: request.requestId, steps };
}

interface ResourceNames {
  launchTemplate: string;
  autoScalingGroup: string;
  capacityProvider: string;
}

/**
 * Names for what the plan creates: the cluster's name and the start of the request id, so a
 * resubmitted request collides with its own resources instead of making second ones.
 */
export function resourceNames(request: Pick<ClusterRequest, 'clusterName' | 'requestId'>): ResourceNames {
  const suffix = request.requestId.slice(0, 8);
  const named = (prefix: string, max: number) =>
    `${prefix}${request.clusterName.slice(0, max - prefix.length - suffix.length - 1)}-${suffix}`;
  return {
    // launch templates: 3-128 of [a-zA-Z0-9().-/_]; capacity providers must not start with aws, ecs or fargate
    launchTemplate: named('ecs-', 128),
    autoScalingGroup: named('ecs-', 255),
    capacityProvider: named('cp-', 255),
  };
}

/** AMI → (role) → (security group) → cluster → launch template → Auto Scaling group → its ARN. */
function instanceCapacitySteps(request: ClusterRequest, names: ResourceNames, createCluster: PlanStep): PlanStep[] {
  const steps: PlanStep[] = [
    {
      id: 'resolveAmi',
      call: { action: 'ssm:GetParameter', input: { Name: AMI_FAMILIES[request.amiFamily].parameter } },
    },
  ];
  const tags = awsTags(request);

  const instanceProfile = request.instanceProfile || ECS_INSTANCE_ROLE;
  if (request.instanceProfile === '') {
    const role = { RoleName: ECS_INSTANCE_ROLE };
    const profile = { InstanceProfileName: ECS_INSTANCE_ROLE };
    const policy = { ...role, PolicyArn: ECS_INSTANCE_ROLE_POLICY_ARN };
    steps.push(
      {
        id: 'createInstanceRole',
        call: {
          action: 'iam:CreateRole',
          input: {
            ...role,
            AssumeRolePolicyDocument: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
            }),
            Description: 'Lets the ECS container agent on EC2 instances call Amazon ECS.',
            Tags: tags,
          },
        },
        undo: { action: 'iam:DeleteRole', input: role },
      },
      {
        id: 'attachInstanceRolePolicy',
        call: { action: 'iam:AttachRolePolicy', input: policy },
        undo: { action: 'iam:DetachRolePolicy', input: policy },
      },
      {
        id: 'createInstanceProfile',
        call: { action: 'iam:CreateInstanceProfile', input: { ...profile, Tags: tags } },
        undo: { action: 'iam:DeleteInstanceProfile', input: profile },
      },
      {
        id: 'addRoleToInstanceProfile',
        call: { action: 'iam:AddRoleToInstanceProfile', input: { ...profile, ...role } },
        undo: { action: 'iam:RemoveRoleFromInstanceProfile', input: { ...profile, ...role } },
      },
    );
  }

  let securityGroupIds = request.securityGroupIds;
  if (request.securityGroupMode === 'new') {
    const groupId = output('createSecurityGroup', 'groupId');
    securityGroupIds = [groupId];
    steps.push({
      id: 'createSecurityGroup',
      call: {
        action: 'ec2:CreateSecurityGroup',
        input: {
          GroupName: request.securityGroupName,
          Description: request.securityGroupDescription || request.securityGroupName,
          VpcId: request.vpcId,
          TagSpecifications: [{ ResourceType: 'security-group', Tags: tags }],
        },
      },
      undo: { action: 'ec2:DeleteSecurityGroup', input: { GroupId: groupId } },
    });
    if (request.inboundRules.length > 0) {
      steps.push({
        id: 'authorizeSecurityGroupIngress',
        call: {
          action: 'ec2:AuthorizeSecurityGroupIngress',
          input: { GroupId: groupId, IpPermissions: request.inboundRules.map(ipPermission) },
        },
        // deleting the group takes its rules with it
      });
    }
  }

  // The cluster exists before any instance boots and tries to join it.
  steps.push(createCluster);

  const volumeSize = Number(request.rootVolumeSize);
  steps.push({
    id: 'createLaunchTemplate',
    call: {
      action: 'ec2:CreateLaunchTemplate',
      input: {
        LaunchTemplateName: names.launchTemplate,
        ClientToken: request.requestId,
        VersionDescription: `ECS container instances of cluster ${request.clusterName}`,
        LaunchTemplateData: withoutUndefined<RequestLaunchTemplateData>({
          ImageId: output('resolveAmi', 'imageId'),
          InstanceType: request.instanceType as _InstanceType,
          IamInstanceProfile: { Name: instanceProfile },
          KeyName: request.keyName || undefined,
          UserData: ecsUserData(request.clusterName),
          BlockDeviceMappings: [
            { DeviceName: '/dev/xvda', Ebs: { VolumeSize: volumeSize, VolumeType: 'gp3', DeleteOnTermination: true } },
          ],
          ...(request.publicIp === 'on'
            ? {
                NetworkInterfaces: [
                  {
                    DeviceIndex: 0,
                    AssociatePublicIpAddress: true,
                    Groups: securityGroupIds,
                    DeleteOnTermination: true,
                  },
                ],
              }
            : { SecurityGroupIds: securityGroupIds }),
          TagSpecifications: [{ ResourceType: 'volume', Tags: tags }],
        }),
        TagSpecifications: [{ ResourceType: 'launch-template', Tags: tags }],
      },
    },
    undo: { action: 'ec2:DeleteLaunchTemplate', input: { LaunchTemplateName: names.launchTemplate } },
  });

  const launchTemplate = { LaunchTemplateName: names.launchTemplate, Version: '$Latest' };
  const minSize = Number(request.minSize);
  steps.push(
    {
      id: 'createAutoScalingGroup',
      call: {
        action: 'autoscaling:CreateAutoScalingGroup',
        input: {
          AutoScalingGroupName: names.autoScalingGroup,
          MinSize: minSize,
          MaxSize: Number(request.maxSize),
          DesiredCapacity: minSize,
          VPCZoneIdentifier: request.subnetIds.join(','),
          ...(request.provisioningModel === 'SPOT'
            ? {
                MixedInstancesPolicy: {
                  LaunchTemplate: {
                    LaunchTemplateSpecification: launchTemplate,
                    Overrides: [{ InstanceType: request.instanceType }],
                  },
                  InstancesDistribution: {
                    OnDemandBaseCapacity: 0,
                    OnDemandPercentageAboveBaseCapacity: 0,
                    SpotAllocationStrategy: request.spotAllocationStrategy,
                  },
                },
              }
            : { LaunchTemplate: launchTemplate }),
          NewInstancesProtectedFromScaleIn: false,
          Tags: autoScalingGroupTags(request, names.autoScalingGroup),
        },
      },
      undo: {
        action: 'autoscaling:DeleteAutoScalingGroup',
        input: { AutoScalingGroupName: names.autoScalingGroup, ForceDelete: true },
      },
    },
    {
      id: 'describeAutoScalingGroup',
      call: {
        action: 'autoscaling:DescribeAutoScalingGroups',
        input: { AutoScalingGroupNames: [names.autoScalingGroup] },
      },
    },
  );
  return steps;
}

/** Capacity provider for the group → both ACTIVE → make it the cluster's default. */
function capacityProviderSteps(
  request: ClusterRequest,
  capacityProvider: string,
  autoScalingGroupArn: string,
): PlanStep[] {
  const cluster = request.clusterName;
  const fargate = request.fargate ? FARGATE_CAPACITY_PROVIDERS : [];
  return [
    {
      id: 'createCapacityProvider',
      call: {
        action: 'ecs:CreateCapacityProvider',
        input: {
          name: capacityProvider,
          autoScalingGroupProvider: {
            autoScalingGroupArn,
            managedScaling: { status: 'ENABLED', targetCapacity: 100 },
            managedTerminationProtection: 'DISABLED',
            managedDraining: 'ENABLED',
          },
          tags: resourceTags(request),
        },
      },
      undo: { action: 'ecs:DeleteCapacityProvider', input: { capacityProvider } },
    },
    {
      id: 'waitForCapacityProvider',
      call: { action: 'ecs:DescribeCapacityProviders', input: { capacityProviders: [capacityProvider] } },
      waitUntil: 'capacityProviderActive',
    },
    {
      // ECS changes a cluster's capacity providers only while the cluster is ACTIVE.
      id: 'waitForClusterActive',
      call: { action: 'ecs:DescribeClusters', input: { clusters: [cluster] } },
      waitUntil: 'clusterActive',
    },
    {
      id: 'attachCapacityProviders',
      call: {
        action: 'ecs:PutClusterCapacityProviders',
        input: {
          cluster,
          // This call replaces the whole set: Fargate's providers stay when Fargate is chosen.
          capacityProviders: [...fargate, capacityProvider],
          defaultCapacityProviderStrategy: [{ capacityProvider, base: 0, weight: 1 }],
        },
      },
      undo: {
        action: 'ecs:PutClusterCapacityProviders',
        input: { cluster, capacityProviders: fargate, defaultCapacityProviderStrategy: [] },
      },
    },
    {
      id: 'waitForCluster',
      call: { action: 'ecs:DescribeClusters', input: { clusters: [cluster], include: ['ATTACHMENTS'] } },
      waitUntil: 'clusterAttachmentsComplete',
    },
  ];
}

/** The user's tags plus the tag naming this request, for every resource the plan creates. */
export function resourceTags(request: Pick<ClusterRequest, 'tags' | 'requestId'>): { key: string; value: string }[] {
  return [
    ...request.tags.map(({ key, value }) => ({ key, value })),
    { key: REQUEST_TAG_KEY, value: request.requestId },
  ];
}

/** The same tags spelt as EC2, IAM and Auto Scaling spell them. */
function awsTags(request: ClusterRequest) {
  return resourceTags(request).map(({ key, value }) => ({ Key: key, Value: value }));
}

/** ECS marks the groups it manages; instances are named after the cluster, unless the user named them. */
function autoScalingGroupTags(request: ClusterRequest, groupName: string) {
  const tags = awsTags(request);
  const keys = new Set(tags.map((tag) => tag.Key));
  const defaults = [
    { Key: 'AmazonECSManaged', Value: '' },
    { Key: 'Name', Value: `ECS Instance - ${request.clusterName}` },
  ].filter((tag) => !keys.has(tag.Key));
  return [...tags, ...defaults].map((tag) => ({
    ...tag,
    PropagateAtLaunch: true,
    ResourceId: groupName,
    ResourceType: 'auto-scaling-group',
  }));
}

/** Tells the ECS agent which cluster to join. */
export function ecsUserData(clusterName: string): string {
  return btoa(`#!/bin/bash\necho ECS_CLUSTER=${clusterName} >> /etc/ecs/ecs.config;`);
}

function ipPermission(rule: ClusterRequest['inboundRules'][number]) {
  const preset = INBOUND_RULE_TYPES[rule.type];
  const ports = preset.protocol === '-1' ? undefined : parsePortRange(preset.ports ?? rule.ports);
  return withoutUndefined({
    IpProtocol: preset.protocol,
    FromPort: ports?.from,
    ToPort: ports?.to,
    IpRanges: [{ CidrIp: rule.source === 'anywhere' ? ANYWHERE_IPV4 : rule.cidr }],
  });
}
