import * as autoScaling from '@aws-sdk/client-auto-scaling';
import * as ec2 from '@aws-sdk/client-ec2';
import * as ecs from '@aws-sdk/client-ecs';
import * as iam from '@aws-sdk/client-iam';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';

/**
 * An AWS account for unit tests: the SDK clients mocked (aws-sdk-client-mock) over a small model
 * of what the plans make, which answers as AWS does, its errors included: a second CreateRole is
 * EntityAlreadyExists, a second AddRoleToInstanceProfile LimitExceeded, a second
 * AuthorizeSecurityGroupIngress InvalidPermission.Duplicate, a delete of what is gone NotFound.
 * Tests read the model to count what the account holds afterwards.
 */

type Tag = { Key?: string; Value?: string };
type EcsTag = { key?: string; value?: string };

export interface TestAccount {
  roles: Map<string, { tags: Tag[]; policies: Set<string> }>;
  profiles: Map<string, { tags: Tag[]; roles: string[] }>;
  securityGroups: Map<string, { name: string; vpcId: string; tags: Tag[]; rules: ec2.IpPermission[] }>;
  launchTemplates: Map<string, { tags: Tag[]; clientToken?: string }>;
  groups: Map<string, { arn: string; tags: Tag[]; min: number; max: number; desired: number }>;
  capacityProviders: Map<string, { status: string; tags: EcsTag[] }>;
  clusters: Map<string, ecs.Cluster>;
  /** Every call made, as `Service:Operation`. */
  calls: string[];
}

const awsError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });

export function testAccount(): TestAccount {
  const account: TestAccount = {
    roles: new Map(),
    profiles: new Map(),
    securityGroups: new Map(),
    launchTemplates: new Map(),
    groups: new Map(),
    capacityProviders: new Map(),
    clusters: new Map(),
    calls: [],
  };
  const seen = (operation: string) => account.calls.push(operation);
  const role = (name = '') => {
    const found = account.roles.get(name);
    if (!found) throw awsError('NoSuchEntityException', `The role with name ${name} cannot be found.`);
    return found;
  };
  const profile = (name = '') => {
    const found = account.profiles.get(name);
    if (!found) throw awsError('NoSuchEntityException', `Instance Profile ${name} cannot be found.`);
    return found;
  };

  mockClient(STSClient).on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
  mockClient(SSMClient)
    .on(GetParameterCommand)
    .callsFake(() => (seen('ssm:GetParameter'), { Parameter: { Value: 'ami-0123456789abcdef0' } }));

  const iamMock = mockClient(iam.IAMClient);
  iamMock.on(iam.CreateRoleCommand).callsFake(({ RoleName = '', Tags = [] }: iam.CreateRoleCommandInput) => {
    seen('iam:CreateRole');
    if (account.roles.has(RoleName))
      throw awsError('EntityAlreadyExistsException', `Role with name ${RoleName} already exists.`);
    account.roles.set(RoleName, { tags: Tags, policies: new Set() });
    return { Role: { RoleName, Tags } };
  });
  iamMock.on(iam.GetRoleCommand).callsFake(({ RoleName }: iam.GetRoleCommandInput) => ({
    Role: { RoleName, Tags: role(RoleName).tags },
  }));
  iamMock.on(iam.DeleteRoleCommand).callsFake(({ RoleName = '' }: iam.DeleteRoleCommandInput) => {
    seen('iam:DeleteRole');
    const found = role(RoleName);
    const inProfile = [...account.profiles.values()].some((held) => held.roles.includes(RoleName));
    if (found.policies.size > 0 || inProfile)
      throw awsError('DeleteConflictException', 'Cannot delete entity, must detach all policies first.');
    account.roles.delete(RoleName);
    return {};
  });
  // AWS takes a second AttachRolePolicy of the same policy as done.
  iamMock
    .on(iam.AttachRolePolicyCommand)
    .callsFake(({ RoleName, PolicyArn = '' }: iam.AttachRolePolicyCommandInput) => {
      seen('iam:AttachRolePolicy');
      role(RoleName).policies.add(PolicyArn);
      return {};
    });
  iamMock
    .on(iam.DetachRolePolicyCommand)
    .callsFake(({ RoleName, PolicyArn = '' }: iam.DetachRolePolicyCommandInput) => {
      seen('iam:DetachRolePolicy');
      if (!role(RoleName).policies.delete(PolicyArn))
        throw awsError('NoSuchEntityException', `Policy ${PolicyArn} was not found.`);
      return {};
    });
  iamMock
    .on(iam.ListAttachedRolePoliciesCommand)
    .callsFake(({ RoleName }: iam.ListAttachedRolePoliciesCommandInput) => ({
      AttachedPolicies: [...role(RoleName).policies].map((PolicyArn) => ({ PolicyArn })),
    }));
  iamMock
    .on(iam.CreateInstanceProfileCommand)
    .callsFake(({ InstanceProfileName = '', Tags = [] }: iam.CreateInstanceProfileCommandInput) => {
      seen('iam:CreateInstanceProfile');
      if (account.profiles.has(InstanceProfileName)) {
        throw awsError('EntityAlreadyExistsException', `Instance Profile ${InstanceProfileName} already exists.`);
      }
      account.profiles.set(InstanceProfileName, { tags: Tags, roles: [] });
      return { InstanceProfile: { InstanceProfileName, Tags } };
    });
  iamMock.on(iam.GetInstanceProfileCommand).callsFake(({ InstanceProfileName }: iam.GetInstanceProfileCommandInput) => {
    const found = profile(InstanceProfileName);
    return {
      InstanceProfile: { InstanceProfileName, Tags: found.tags, Roles: found.roles.map((RoleName) => ({ RoleName })) },
    };
  });
  iamMock
    .on(iam.DeleteInstanceProfileCommand)
    .callsFake(({ InstanceProfileName = '' }: iam.DeleteInstanceProfileCommandInput) => {
      seen('iam:DeleteInstanceProfile');
      if (profile(InstanceProfileName).roles.length > 0)
        throw awsError(
          'DeleteConflictException',
          'Cannot delete entity, must remove roles from instance profile first.',
        );
      account.profiles.delete(InstanceProfileName);
      return {};
    });
  iamMock
    .on(iam.AddRoleToInstanceProfileCommand)
    .callsFake(({ InstanceProfileName, RoleName = '' }: iam.AddRoleToInstanceProfileCommandInput) => {
      seen('iam:AddRoleToInstanceProfile');
      const found = profile(InstanceProfileName);
      role(RoleName);
      if (found.roles.length > 0)
        throw awsError('LimitExceededException', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
      found.roles.push(RoleName);
      return {};
    });
  iamMock
    .on(iam.RemoveRoleFromInstanceProfileCommand)
    .callsFake(({ InstanceProfileName, RoleName }: iam.RemoveRoleFromInstanceProfileCommandInput) => {
      seen('iam:RemoveRoleFromInstanceProfile');
      const found = profile(InstanceProfileName);
      if (!found.roles.includes(RoleName ?? ''))
        throw awsError(
          'NoSuchEntityException',
          `The role ${RoleName} is not in instance profile ${InstanceProfileName}.`,
        );
      found.roles = found.roles.filter((held) => held !== RoleName);
      return {};
    });
  iamMock
    .on(iam.ListInstanceProfilesForRoleCommand)
    .callsFake(({ RoleName }: iam.ListInstanceProfilesForRoleCommandInput) => {
      role(RoleName);
      return {
        InstanceProfiles: [...account.profiles.entries()]
          .filter(([, held]) => held.roles.includes(RoleName ?? ''))
          .map(([InstanceProfileName]) => ({ InstanceProfileName })),
      };
    });

  const ec2Mock = mockClient(ec2.EC2Client);
  ec2Mock
    .on(ec2.CreateSecurityGroupCommand)
    .callsFake(({ GroupName = '', VpcId = '', TagSpecifications = [] }: ec2.CreateSecurityGroupCommandInput) => {
      seen('ec2:CreateSecurityGroup');
      if ([...account.securityGroups.values()].some((group) => group.name === GroupName && group.vpcId === VpcId)) {
        throw awsError('InvalidGroup.Duplicate', `The security group '${GroupName}' already exists for VPC '${VpcId}'`);
      }
      const GroupId = `sg-${String(account.securityGroups.size + 1).padStart(17, '0')}`;
      account.securityGroups.set(GroupId, {
        name: GroupName,
        vpcId: VpcId,
        tags: TagSpecifications[0]?.Tags ?? [],
        rules: [],
      });
      return { GroupId };
    });
  ec2Mock
    .on(ec2.DescribeSecurityGroupsCommand)
    .callsFake(({ GroupIds, Filters = [] }: ec2.DescribeSecurityGroupsCommandInput) => {
      const filter = (name: string) => Filters.find((item) => item.Name === name)?.Values?.[0];
      const groups = [...account.securityGroups.entries()].filter(
        ([id, group]) =>
          (!GroupIds || GroupIds.includes(id)) &&
          (filter('group-name') === undefined || filter('group-name') === group.name) &&
          (filter('vpc-id') === undefined || filter('vpc-id') === group.vpcId),
      );
      if (GroupIds && groups.length === 0)
        throw awsError('InvalidGroup.NotFound', `The security group '${GroupIds[0]}' does not exist`);
      return {
        SecurityGroups: groups.map(([GroupId, group]) => ({
          GroupId,
          GroupName: group.name,
          VpcId: group.vpcId,
          Tags: group.tags,
          IpPermissions: group.rules,
        })),
      };
    });
  ec2Mock
    .on(ec2.AuthorizeSecurityGroupIngressCommand)
    .callsFake(({ GroupId = '', IpPermissions = [] }: ec2.AuthorizeSecurityGroupIngressCommandInput) => {
      seen('ec2:AuthorizeSecurityGroupIngress');
      const group = account.securityGroups.get(GroupId);
      if (!group) throw awsError('InvalidGroup.NotFound', `The security group '${GroupId}' does not exist`);
      const key = (rule: ec2.IpPermission) =>
        JSON.stringify([rule.IpProtocol, rule.FromPort, rule.ToPort, rule.IpRanges?.map((range) => range.CidrIp)]);
      if (IpPermissions.some((rule) => group.rules.some((held) => key(held) === key(rule)))) {
        throw awsError('InvalidPermission.Duplicate', 'the specified rule already exists');
      }
      group.rules.push(...IpPermissions);
      return { Return: true };
    });
  ec2Mock.on(ec2.DeleteSecurityGroupCommand).callsFake(({ GroupId = '' }: ec2.DeleteSecurityGroupCommandInput) => {
    seen('ec2:DeleteSecurityGroup');
    if (!account.securityGroups.delete(GroupId))
      throw awsError('InvalidGroup.NotFound', `The security group '${GroupId}' does not exist`);
    return {};
  });
  ec2Mock
    .on(ec2.CreateLaunchTemplateCommand)
    .callsFake(
      ({ LaunchTemplateName = '', ClientToken, TagSpecifications = [] }: ec2.CreateLaunchTemplateCommandInput) => {
        seen('ec2:CreateLaunchTemplate');
        const existing = account.launchTemplates.get(LaunchTemplateName);
        // The same ClientToken again is the same request: AWS answers with the template it made.
        if (existing && (!ClientToken || existing.clientToken !== ClientToken)) {
          throw awsError('InvalidLaunchTemplateName.AlreadyExistsException', `Launch template name already in use.`);
        }
        account.launchTemplates.set(LaunchTemplateName, {
          tags: TagSpecifications[0]?.Tags ?? [],
          clientToken: ClientToken,
        });
        return { LaunchTemplate: { LaunchTemplateName } };
      },
    );
  ec2Mock
    .on(ec2.DescribeLaunchTemplatesCommand)
    .callsFake(({ LaunchTemplateNames = [] }: ec2.DescribeLaunchTemplatesCommandInput) => {
      const found = LaunchTemplateNames.flatMap((name) => {
        const template = account.launchTemplates.get(name);
        return template ? [{ LaunchTemplateName: name, Tags: template.tags }] : [];
      });
      if (found.length === 0)
        throw awsError(
          'InvalidLaunchTemplateName.NotFoundException',
          'At least one of the launch templates specified in the request does not exist.',
        );
      return { LaunchTemplates: found };
    });
  ec2Mock
    .on(ec2.DeleteLaunchTemplateCommand)
    .callsFake(({ LaunchTemplateName = '' }: ec2.DeleteLaunchTemplateCommandInput) => {
      seen('ec2:DeleteLaunchTemplate');
      if (!account.launchTemplates.delete(LaunchTemplateName)) {
        throw awsError(
          'InvalidLaunchTemplateName.NotFoundException',
          'At least one of the launch templates specified in the request does not exist.',
        );
      }
      return {};
    });

  const groupNotFound = (name?: string) =>
    awsError('ValidationError', `AutoScalingGroup name not found - AutoScalingGroup '${name}' not found`);
  const scalingMock = mockClient(autoScaling.AutoScalingClient);
  scalingMock
    .on(autoScaling.CreateAutoScalingGroupCommand)
    .callsFake((input: autoScaling.CreateAutoScalingGroupCommandInput) => {
      seen('autoscaling:CreateAutoScalingGroup');
      const name = input.AutoScalingGroupName ?? '';
      if (account.groups.has(name))
        throw awsError(
          'AlreadyExists',
          `AutoScalingGroup by this name already exists - A group with the name ${name} already exists`,
        );
      account.groups.set(name, {
        arn: `arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:1a2b:autoScalingGroupName/${name}`,
        tags: input.Tags ?? [],
        min: input.MinSize ?? 0,
        max: input.MaxSize ?? 0,
        desired: input.DesiredCapacity ?? 0,
      });
      return {};
    });
  scalingMock
    .on(autoScaling.DescribeAutoScalingGroupsCommand)
    .callsFake(({ AutoScalingGroupNames = [] }: autoScaling.DescribeAutoScalingGroupsCommandInput) => ({
      AutoScalingGroups: AutoScalingGroupNames.flatMap((name) => {
        const group = account.groups.get(name);
        return group
          ? [
              {
                AutoScalingGroupName: name,
                AutoScalingGroupARN: group.arn,
                Tags: group.tags,
                MinSize: group.min,
                MaxSize: group.max,
                DesiredCapacity: group.desired,
              },
            ]
          : [];
      }),
    }));
  scalingMock
    .on(autoScaling.UpdateAutoScalingGroupCommand)
    .callsFake((input: autoScaling.UpdateAutoScalingGroupCommandInput) => {
      seen('autoscaling:UpdateAutoScalingGroup');
      const group = account.groups.get(input.AutoScalingGroupName ?? '');
      if (!group) throw groupNotFound(input.AutoScalingGroupName);
      Object.assign(group, {
        min: input.MinSize ?? group.min,
        max: input.MaxSize ?? group.max,
        desired: input.DesiredCapacity ?? group.desired,
      });
      return {};
    });
  scalingMock
    .on(autoScaling.DeleteAutoScalingGroupCommand)
    .callsFake(({ AutoScalingGroupName }: autoScaling.DeleteAutoScalingGroupCommandInput) => {
      seen('autoscaling:DeleteAutoScalingGroup');
      if (!account.groups.delete(AutoScalingGroupName ?? '')) throw groupNotFound(AutoScalingGroupName);
      return {};
    });

  const ecsMock = mockClient(ecs.ECSClient);
  const cluster = (name = '') => {
    const found = account.clusters.get(name);
    if (!found || found.status === 'INACTIVE') throw awsError('ClusterNotFoundException', 'Cluster not found.');
    return found;
  };
  ecsMock.on(ecs.CreateClusterCommand).callsFake((input: ecs.CreateClusterCommandInput) => {
    seen('ecs:CreateCluster');
    const name = input.clusterName ?? '';
    const existing = account.clusters.get(name);
    if (existing?.status === 'ACTIVE') {
      if (JSON.stringify(existing.tags) !== JSON.stringify(input.tags)) {
        throw awsError(
          'InvalidParameterException',
          'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
        );
      }
      return { cluster: existing };
    }
    const created: ecs.Cluster = {
      clusterName: name,
      clusterArn: `arn:aws:ecs:us-east-1:111122223333:cluster/${name}`,
      status: 'ACTIVE',
      tags: input.tags,
      capacityProviders: input.capacityProviders ?? [],
      defaultCapacityProviderStrategy: [],
      registeredContainerInstancesCount: 0,
      attachmentsStatus: 'UPDATE_COMPLETE',
    };
    account.clusters.set(name, created);
    return { cluster: created };
  });
  ecsMock.on(ecs.DescribeClustersCommand).callsFake(({ clusters = [] }: ecs.DescribeClustersCommandInput) => ({
    clusters: clusters.flatMap((name) => {
      const found = account.clusters.get(name);
      return found ? [found] : [];
    }),
  }));
  ecsMock.on(ecs.DeleteClusterCommand).callsFake(({ cluster: name }: ecs.DeleteClusterCommandInput) => {
    seen('ecs:DeleteCluster');
    const found = cluster(name);
    if (found.capacityProviders?.some((provider) => !provider.startsWith('FARGATE'))) {
      throw awsError('ClusterContainsCapacityProviderException', 'The cluster still has capacity providers.');
    }
    found.status = 'INACTIVE';
    return { cluster: found };
  });
  ecsMock.on(ecs.PutClusterCapacityProvidersCommand).callsFake((input: ecs.PutClusterCapacityProvidersCommandInput) => {
    seen('ecs:PutClusterCapacityProviders');
    const found = cluster(input.cluster);
    found.capacityProviders = input.capacityProviders;
    found.defaultCapacityProviderStrategy = input.defaultCapacityProviderStrategy;
    return { cluster: found };
  });
  ecsMock
    .on(ecs.CreateCapacityProviderCommand)
    .callsFake(({ name = '', tags = [] }: ecs.CreateCapacityProviderCommandInput) => {
      seen('ecs:CreateCapacityProvider');
      if (account.capacityProviders.get(name)?.status === 'ACTIVE')
        throw awsError('ClientException', `The specified capacity provider ${name} already exists.`);
      account.capacityProviders.set(name, { status: 'ACTIVE', tags });
      return { capacityProvider: { name, status: 'ACTIVE', tags } };
    });
  ecsMock
    .on(ecs.DescribeCapacityProvidersCommand)
    .callsFake(({ capacityProviders = [] }: ecs.DescribeCapacityProvidersCommandInput) => ({
      capacityProviders: capacityProviders.flatMap((name) => {
        const found = account.capacityProviders.get(name);
        return found ? [{ name, status: found.status, tags: found.tags }] : [];
      }),
    }));
  ecsMock
    .on(ecs.DeleteCapacityProviderCommand)
    .callsFake(({ capacityProvider = '' }: ecs.DeleteCapacityProviderCommandInput) => {
      seen('ecs:DeleteCapacityProvider');
      const found = account.capacityProviders.get(capacityProvider);
      if (found?.status !== 'ACTIVE')
        throw awsError('ClientException', 'The specified capacity provider does not exist.');
      found.status = 'INACTIVE';
      return { capacityProvider: { name: capacityProvider, status: 'INACTIVE' } };
    });
  ecsMock.on(ecs.ListServicesCommand).resolves({ serviceArns: [] });
  ecsMock.on(ecs.ListTasksCommand).resolves({ taskArns: [] });
  return account;
}

/** What the account holds that is still alive: the resources a plan makes, counted. */
export function liveResources(account: TestAccount) {
  return {
    roles: account.roles.size,
    profiles: [...account.profiles.values()].map((profile) => profile.roles.length),
    securityGroups: [...account.securityGroups.values()].map((group) => group.rules.length),
    launchTemplates: account.launchTemplates.size,
    groups: account.groups.size,
    capacityProviders: [...account.capacityProviders.values()].filter((provider) => provider.status === 'ACTIVE')
      .length,
    clusters: [...account.clusters.values()].filter((cluster) => cluster.status === 'ACTIVE').length,
  };
}
