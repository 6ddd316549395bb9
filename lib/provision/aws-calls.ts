import 'server-only';
import { CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateLaunchTemplateCommand,
  CreateSecurityGroupCommand,
  DeleteLaunchTemplateCommand,
  DeleteSecurityGroupCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateCapacityProviderCommand,
  DeleteCapacityProviderCommand,
  DescribeCapacityProvidersCommand,
  DescribeClustersCommand,
  PutClusterCapacityProvidersCommand,
} from '@aws-sdk/client-ecs';
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DetachRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { deleteAutoScalingGroup } from '@/lib/aws/auto-scaling';
import { autoScalingClient, ec2Client, ecsClient, iamClient, ssmClient } from '@/lib/aws/clients';
import { createCluster, deleteCluster } from '@/lib/aws/clusters';
import type { AwsCall } from '@/lib/cluster/plan';

/** Performs one planned AWS call through the SDK and returns AWS's answer. */
export async function performAwsCall(call: AwsCall): Promise<unknown> {
  switch (call.action) {
    case 'ssm:GetParameter':
      return ssmClient().send(new GetParameterCommand(call.input));
    case 'iam:CreateRole':
      return iamClient().send(new CreateRoleCommand(call.input));
    case 'iam:DeleteRole':
      return iamClient().send(new DeleteRoleCommand(call.input));
    case 'iam:AttachRolePolicy':
      return iamClient().send(new AttachRolePolicyCommand(call.input));
    case 'iam:DetachRolePolicy':
      return iamClient().send(new DetachRolePolicyCommand(call.input));
    case 'iam:CreateInstanceProfile':
      return iamClient().send(new CreateInstanceProfileCommand(call.input));
    case 'iam:DeleteInstanceProfile':
      return iamClient().send(new DeleteInstanceProfileCommand(call.input));
    case 'iam:AddRoleToInstanceProfile':
      return iamClient().send(new AddRoleToInstanceProfileCommand(call.input));
    case 'iam:RemoveRoleFromInstanceProfile':
      return iamClient().send(new RemoveRoleFromInstanceProfileCommand(call.input));
    case 'ec2:CreateSecurityGroup':
      return ec2Client().send(new CreateSecurityGroupCommand(call.input));
    case 'ec2:DeleteSecurityGroup':
      return ec2Client().send(new DeleteSecurityGroupCommand(call.input));
    case 'ec2:AuthorizeSecurityGroupIngress':
      return ec2Client().send(new AuthorizeSecurityGroupIngressCommand(call.input));
    case 'ec2:CreateLaunchTemplate':
      return ec2Client().send(new CreateLaunchTemplateCommand(call.input));
    case 'ec2:DeleteLaunchTemplate':
      return ec2Client().send(new DeleteLaunchTemplateCommand(call.input));
    case 'autoscaling:CreateAutoScalingGroup':
      return autoScalingClient().send(new CreateAutoScalingGroupCommand(call.input));
    case 'autoscaling:DeleteAutoScalingGroup':
      return deleteAutoScalingGroup(call.input);
    case 'autoscaling:DescribeAutoScalingGroups':
      return autoScalingClient().send(new DescribeAutoScalingGroupsCommand(call.input));
    case 'ecs:CreateCluster':
      return createCluster(call.input);
    case 'ecs:DeleteCluster':
      return deleteCluster(call.input.cluster ?? '');
    case 'ecs:CreateCapacityProvider':
      return ecsClient().send(new CreateCapacityProviderCommand(call.input));
    case 'ecs:DeleteCapacityProvider':
      return ecsClient().send(new DeleteCapacityProviderCommand(call.input));
    case 'ecs:DescribeCapacityProviders':
      return ecsClient().send(new DescribeCapacityProvidersCommand(call.input));
    case 'ecs:PutClusterCapacityProviders':
      return ecsClient().send(new PutClusterCapacityProvidersCommand(call.input));
    case 'ecs:DescribeClusters':
      return ecsClient().send(new DescribeClustersCommand(call.input));
  }
}
