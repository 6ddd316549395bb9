import type {
  CreateAutoScalingGroupCommandInput,
  DeleteAutoScalingGroupCommandInput,
  DescribeAutoScalingGroupsCommandInput,
} from '@aws-sdk/client-auto-scaling';
import type {
  AuthorizeSecurityGroupIngressCommandInput,
  CreateLaunchTemplateCommandInput,
  CreateSecurityGroupCommandInput,
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
import type { GetParameterCommandInput } from '@aws-sdk/client-ssm';

/**
 * Every AWS action a plan step may perform, named as IAM names it, with the SDK input it takes.
 * Declared once: the plan's steps, the sender in lib/aws/perform and the IAM policy test read it.
 */
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

/** The named values each step's answer gives later steps, as `{{step.output}}`. */
export const STEP_OUTPUTS = {
  resolveAmi: 'imageId',
  createSecurityGroup: 'groupId',
  describeAutoScalingGroup: 'arn',
} as const satisfies Partial<Record<StepId, string>>;
type StepWithOutput = keyof typeof STEP_OUTPUTS;

/** A reference to a value an earlier step returns. */
export const output = <S extends StepWithOutput>(step: S, name: (typeof STEP_OUTPUTS)[S]) => `{{${step}.${name}}}`;
