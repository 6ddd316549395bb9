import { ECS_INSTANCE_ROLE, ECS_INSTANCE_ROLE_POLICY_ARN } from '../ec2';
import type { ClusterRequest } from '../request';
import type { PlanStep } from './steps';
import { awsTags } from './tags';

const EC2_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** "Create new role": ecsInstanceRole, trusted by EC2, with ECS's managed policy, in a profile of the same name. */
export function instanceRoleSteps(request: ClusterRequest): PlanStep[] {
  const tags = awsTags(request);
  const role = { RoleName: ECS_INSTANCE_ROLE };
  const profile = { InstanceProfileName: ECS_INSTANCE_ROLE };
  const policy = { ...role, PolicyArn: ECS_INSTANCE_ROLE_POLICY_ARN };
  return [
    {
      id: 'createInstanceRole',
      call: {
        action: 'iam:CreateRole',
        input: {
          ...role,
          AssumeRolePolicyDocument: EC2_TRUST_POLICY,
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
  ];
}
