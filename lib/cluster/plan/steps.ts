import type {
  CreateAutoScalingGroupCommandInput,
  DeleteAutoScalingGroupCommandInput,
  DescribeAutoScalingGroupsCommandInput,
  UpdateAutoScalingGroupCommandInput,
} from '@aws-sdk/client-auto-scaling';
import type {
  AuthorizeSecurityGroupIngressCommandInput,
  CreateLaunchTemplateCommandInput,
  CreateSecurityGroupCommandInput,
  DeleteLaunchTemplateCommandInput,
  DeleteSecurityGroupCommandInput,
  DescribeLaunchTemplatesCommandInput,
  DescribeSecurityGroupsCommandInput,
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
  GetInstanceProfileCommandInput,
  GetRoleCommandInput,
  ListAttachedRolePoliciesCommandInput,
  RemoveRoleFromInstanceProfileCommandInput,
} from '@aws-sdk/client-iam';
import type { GetParameterCommandInput } from '@aws-sdk/client-ssm';
import type { MessageRef } from '@/lib/i18n/messages';

/**
 * Every AWS action a plan step may perform (and the reads that find what a step made, or show its
 * change in place, when a run of it failed or its answer was lost), named as IAM names it, with the SDK input it takes. Declared once: the plan's
 * steps, the sender in lib/aws/perform and the IAM policy test read it.
 */
export interface StepActions {
  'ssm:GetParameter': GetParameterCommandInput;
  'iam:CreateRole': CreateRoleCommandInput;
  'iam:GetRole': GetRoleCommandInput;
  'iam:DeleteRole': DeleteRoleCommandInput;
  'iam:AttachRolePolicy': AttachRolePolicyCommandInput;
  'iam:DetachRolePolicy': DetachRolePolicyCommandInput;
  'iam:ListAttachedRolePolicies': ListAttachedRolePoliciesCommandInput;
  'iam:CreateInstanceProfile': CreateInstanceProfileCommandInput;
  'iam:DeleteInstanceProfile': DeleteInstanceProfileCommandInput;
  'iam:GetInstanceProfile': GetInstanceProfileCommandInput;
  'iam:AddRoleToInstanceProfile': AddRoleToInstanceProfileCommandInput;
  'iam:RemoveRoleFromInstanceProfile': RemoveRoleFromInstanceProfileCommandInput;
  'ec2:CreateSecurityGroup': CreateSecurityGroupCommandInput;
  'ec2:DeleteSecurityGroup': DeleteSecurityGroupCommandInput;
  'ec2:DescribeSecurityGroups': DescribeSecurityGroupsCommandInput;
  'ec2:AuthorizeSecurityGroupIngress': AuthorizeSecurityGroupIngressCommandInput;
  'ec2:CreateLaunchTemplate': CreateLaunchTemplateCommandInput;
  'ec2:DeleteLaunchTemplate': DeleteLaunchTemplateCommandInput;
  'ec2:DescribeLaunchTemplates': DescribeLaunchTemplatesCommandInput;
  'autoscaling:CreateAutoScalingGroup': CreateAutoScalingGroupCommandInput;
  'autoscaling:DeleteAutoScalingGroup': DeleteAutoScalingGroupCommandInput;
  'autoscaling:DescribeAutoScalingGroups': DescribeAutoScalingGroupsCommandInput;
  'autoscaling:UpdateAutoScalingGroup': UpdateAutoScalingGroupCommandInput;
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
  | 'waitForCluster'
  // A teardown's steps, in the order they run.
  | 'removeCapacityProviders'
  | 'scaleGroupToZero'
  | 'deleteAutoScalingGroup'
  | 'waitForInstancesToLeave'
  | 'deleteCapacityProvider'
  | 'deleteLaunchTemplate'
  | 'deleteSecurityGroup'
  | 'removeRoleFromInstanceProfile'
  | 'deleteInstanceProfile'
  | 'detachInstanceRolePolicy'
  | 'deleteInstanceRole'
  | 'deleteCluster';

/** Conditions the executor polls for, where AWS finishes work after answering. */
export type WaitCondition =
  'capacityProviderActive' | 'clusterActive' | 'clusterAttachmentsComplete' | 'clusterHasNoInstances';

export interface PlanStep {
  id: StepId;
  call: AwsCall;
  /** How to take the step back if a later step fails. */
  undo?: AwsCall;
  /** Repeat `call` until this holds. */
  waitUntil?: WaitCondition;
  /** A teardown step: AWS answering that the resource does not exist means it is done. */
  doneIfGone?: true;
}

/** Something a teardown leaves in the account, and why. */
export interface KeptResource {
  resource: 'capacityProvider' | 'autoScalingGroup' | 'instanceRole' | 'namespace';
  name: string;
  /** `notMadeHere`: the creating request did not make it; `inUse`: others still use it (named in `usedBy`). */
  reason: 'notMadeHere' | 'inUse';
  usedBy?: string[];
}

/**
 * Where a step is: `unverified` when its call failed and whether AWS had applied it could not be
 * found out; `rolledBack` / `rollbackFailed` once a later failure undid it (or could not).
 */
export const STEP_STATUSES = [
  'pending',
  'running',
  'done',
  'failed',
  'unverified',
  'rolledBack',
  'rollbackFailed',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** What the journal keeps of a step's failure: what to tell the person, and AWS's request id. */
export interface StepError {
  message: MessageRef;
  awsRequestId?: string;
}

export interface ClusterPlan {
  clusterName: string;
  requestId: string;
  kind: 'create' | 'delete';
  steps: PlanStep[];
  /** A teardown's account of what stays. */
  keeps?: KeptResource[];
  /** A teardown's: the request that created the cluster here; absent for a cluster made elsewhere. */
  createdBy?: string;
}

/**
 * The value each step's answer gives later steps, referred to as `{{step.name}}`: where it is in
 * AWS's answer (a JMESPath the executor and the AWS CLI both read) and the shell variable the CLI
 * script keeps it in.
 */
export const STEP_OUTPUTS = {
  resolveAmi: { name: 'imageId', query: 'Parameter.Value', variable: 'IMAGE_ID' },
  createSecurityGroup: { name: 'groupId', query: 'GroupId', variable: 'SECURITY_GROUP_ID' },
  describeAutoScalingGroup: {
    name: 'arn',
    query: 'AutoScalingGroups[0].AutoScalingGroupARN',
    variable: 'AUTO_SCALING_GROUP_ARN',
  },
} as const satisfies Partial<Record<StepId, { name: string; query: string; variable: string }>>;
type StepWithOutput = keyof typeof STEP_OUTPUTS;

/** A reference to a value an earlier step returns. */
export const output = <S extends StepWithOutput>(step: S, name: (typeof STEP_OUTPUTS)[S]['name']) =>
  `{{${step}.${name}}}`;

/** What each wait reads from AWS's answer, and the values that end it (the CLI prints null as None). */
export const WAITS = {
  capacityProviderActive: { query: 'capacityProviders[0].status', done: ['ACTIVE'] },
  clusterActive: { query: 'clusters[0].status', done: ['ACTIVE'] },
  // Some endpoints never report attachments; then there is nothing to wait for.
  clusterAttachmentsComplete: { query: 'clusters[0].attachmentsStatus', done: ['UPDATE_COMPLETE', 'None'] },
  // The group's instances leave the cluster once terminated; a cluster gone has none.
  clusterHasNoInstances: { query: 'clusters[0].registeredContainerInstancesCount', done: ['0', 'None'] },
} as const satisfies Record<WaitCondition, { query: string; done: readonly string[] }>;

/** Reads a simple JMESPath (`A.B`, `A[0].B`) from an answer. */
export function readQuery(answer: unknown, query: string): unknown {
  return query.split(/\.|(?=\[)/).reduce<unknown>((value, part) => {
    if (value === null || typeof value !== 'object') return undefined;
    const index = /^\[(\d+)\]$/.exec(part);
    return index ? (value as unknown[])[Number(index[1])] : (value as Record<string, unknown>)[part];
  }, answer);
}
