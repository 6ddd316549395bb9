import 'server-only';
import {
  CreateAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
  UpdateAutoScalingGroupCommand,
} from '@aws-sdk/client-auto-scaling';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateLaunchTemplateCommand,
  CreateSecurityGroupCommand,
  DeleteLaunchTemplateCommand,
  DeleteSecurityGroupCommand,
  DescribeLaunchTemplatesCommand,
  DescribeSecurityGroupsCommand,
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
  GetInstanceProfileCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import type { AwsCall, StepAction, StepActions } from '@/lib/cluster/plan';
import { deleteAutoScalingGroup } from './auto-scaling';
import { autoScalingClient, ec2Client, ecsClient, iamClient, ssmClient } from './clients';
import { createCluster, deleteCluster } from './clusters';
import { AwsCallError, DECLARED_ACTIONS } from './errors';

/**
 * How each action of a plan step is sent. The type makes this table name every action the plan
 * may use, and nothing else.
 */
const SENDERS: { [A in StepAction]: (input: StepActions[A]) => Promise<unknown> } = {
  'ssm:GetParameter': (input) => ssmClient().send(new GetParameterCommand(input)),
  'iam:CreateRole': (input) => iamClient().send(new CreateRoleCommand(input)),
  'iam:DeleteRole': (input) => iamClient().send(new DeleteRoleCommand(input)),
  'iam:GetRole': (input) => iamClient().send(new GetRoleCommand(input)),
  'iam:AttachRolePolicy': (input) => iamClient().send(new AttachRolePolicyCommand(input)),
  'iam:DetachRolePolicy': (input) => iamClient().send(new DetachRolePolicyCommand(input)),
  'iam:ListAttachedRolePolicies': (input) => iamClient().send(new ListAttachedRolePoliciesCommand(input)),
  'iam:CreateInstanceProfile': (input) => iamClient().send(new CreateInstanceProfileCommand(input)),
  'iam:DeleteInstanceProfile': (input) => iamClient().send(new DeleteInstanceProfileCommand(input)),
  'iam:GetInstanceProfile': (input) => iamClient().send(new GetInstanceProfileCommand(input)),
  'iam:AddRoleToInstanceProfile': (input) => iamClient().send(new AddRoleToInstanceProfileCommand(input)),
  'iam:RemoveRoleFromInstanceProfile': (input) => iamClient().send(new RemoveRoleFromInstanceProfileCommand(input)),
  'ec2:CreateSecurityGroup': (input) => ec2Client().send(new CreateSecurityGroupCommand(input)),
  'ec2:DeleteSecurityGroup': (input) => ec2Client().send(new DeleteSecurityGroupCommand(input)),
  'ec2:DescribeSecurityGroups': (input) => ec2Client().send(new DescribeSecurityGroupsCommand(input)),
  'ec2:AuthorizeSecurityGroupIngress': (input) => ec2Client().send(new AuthorizeSecurityGroupIngressCommand(input)),
  'ec2:CreateLaunchTemplate': (input) => ec2Client().send(new CreateLaunchTemplateCommand(input)),
  'ec2:DeleteLaunchTemplate': (input) => ec2Client().send(new DeleteLaunchTemplateCommand(input)),
  'ec2:DescribeLaunchTemplates': (input) => ec2Client().send(new DescribeLaunchTemplatesCommand(input)),
  'autoscaling:CreateAutoScalingGroup': (input) => autoScalingClient().send(new CreateAutoScalingGroupCommand(input)),
  // Waits until the group is gone: its instances hold the security group until then.
  'autoscaling:DeleteAutoScalingGroup': deleteAutoScalingGroup,
  'autoscaling:DescribeAutoScalingGroups': (input) =>
    autoScalingClient().send(new DescribeAutoScalingGroupsCommand(input)),
  'autoscaling:UpdateAutoScalingGroup': (input) => autoScalingClient().send(new UpdateAutoScalingGroupCommand(input)),
  // Retries once while a new account's service-linked role is being made.
  'ecs:CreateCluster': (input) => createCluster(input),
  'ecs:DeleteCluster': (input) => deleteCluster(input.cluster ?? ''),
  'ecs:CreateCapacityProvider': (input) => ecsClient().send(new CreateCapacityProviderCommand(input)),
  'ecs:DeleteCapacityProvider': (input) => ecsClient().send(new DeleteCapacityProviderCommand(input)),
  'ecs:DescribeCapacityProviders': (input) => ecsClient().send(new DescribeCapacityProvidersCommand(input)),
  'ecs:PutClusterCapacityProviders': (input) => ecsClient().send(new PutClusterCapacityProvidersCommand(input)),
  'ecs:DescribeClusters': (input) => ecsClient().send(new DescribeClustersCommand(input)),
};

/** Every action a plan step may perform, for the IAM policy test. */
export const STEP_ACTIONS = Object.keys(SENDERS) as StepAction[];
for (const action of STEP_ACTIONS) DECLARED_ACTIONS.add(action);

/** Performs one planned AWS call through the SDK and returns AWS's answer; a failure names the call's action. */
export async function performAwsCall(call: AwsCall): Promise<unknown> {
  const send = SENDERS[call.action] as (input: AwsCall['input']) => Promise<unknown>;
  try {
    return await send(call.input);
  } catch (error) {
    throw error instanceof AwsCallError ? error : new AwsCallError(call.action, error);
  }
}
