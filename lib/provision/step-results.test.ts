import { describe, expect, it } from 'vitest';
import type { PlanStep } from '@/lib/cluster/plan';
import { fillOutputs, StepResultError, stepOutputs, waitIsOver } from './step-results';

const step = (id: PlanStep['id'], call: PlanStep['call']): PlanStep => ({ id, call });

describe('stepOutputs', () => {
  it('reads the AMI id, the new group id and the group ARN for the steps after', () => {
    expect(
      stepOutputs(step('resolveAmi', { action: 'ssm:GetParameter', input: { Name: '/ami' } }), {
        Parameter: { Value: 'ami-1' },
      }),
    ).toEqual({ 'resolveAmi.imageId': 'ami-1' });
    expect(
      stepOutputs(step('createSecurityGroup', { action: 'ec2:CreateSecurityGroup', input: {} as never }), {
        GroupId: 'sg-9',
      }),
    ).toEqual({ 'createSecurityGroup.groupId': 'sg-9' });
    expect(
      stepOutputs(step('describeAutoScalingGroup', { action: 'autoscaling:DescribeAutoScalingGroups', input: {} }), {
        AutoScalingGroups: [{ AutoScalingGroupARN: 'arn:g' }],
      }),
    ).toEqual({ 'describeAutoScalingGroup.arn': 'arn:g' });
    expect(stepOutputs(step('createCluster', { action: 'ecs:CreateCluster', input: {} }), {})).toEqual({});
  });

  it('fails the step when AWS’s answer lacks the value', () => {
    expect(() =>
      stepOutputs(step('describeAutoScalingGroup', { action: 'autoscaling:DescribeAutoScalingGroups', input: {} }), {
        AutoScalingGroups: [],
      }),
    ).toThrow(StepResultError);
  });
});

describe('waitIsOver', () => {
  it('waits for the capacity provider to be ACTIVE, and gives up when it failed', () => {
    expect(waitIsOver('capacityProviderActive', { capacityProviders: [{ status: 'ACTIVE' }] })).toBe(true);
    expect(waitIsOver('capacityProviderActive', { capacityProviders: [] })).toBe(false);
    expect(() =>
      waitIsOver('capacityProviderActive', {
        capacityProviders: [{ status: 'ACTIVE', updateStatus: 'CREATE_FAILED' }],
      }),
    ).toThrow(StepResultError);
  });

  it('waits for the cluster to be ACTIVE, and gives up when it is gone', () => {
    expect(waitIsOver('clusterActive', { clusters: [{ status: 'PROVISIONING' }] })).toBe(false);
    expect(waitIsOver('clusterActive', { clusters: [{ status: 'ACTIVE' }] })).toBe(true);
    expect(() => waitIsOver('clusterActive', { clusters: [{ status: 'INACTIVE' }] })).toThrow(StepResultError);
    expect(() => waitIsOver('clusterActive', { clusters: [] })).toThrow(StepResultError);
  });

  it('waits for the cluster’s attachments where AWS reports them', () => {
    expect(waitIsOver('clusterAttachmentsComplete', { clusters: [{ attachmentsStatus: 'UPDATE_IN_PROGRESS' }] })).toBe(
      false,
    );
    expect(waitIsOver('clusterAttachmentsComplete', { clusters: [{ attachmentsStatus: 'UPDATE_COMPLETE' }] })).toBe(
      true,
    );
    expect(waitIsOver('clusterAttachmentsComplete', { clusters: [{}] })).toBe(true);
    expect(() =>
      waitIsOver('clusterAttachmentsComplete', { clusters: [{ attachmentsStatus: 'UPDATE_FAILED' }] }),
    ).toThrow(StepResultError);
  });
});

describe('fillOutputs', () => {
  it('fills references anywhere in a request, leaving everything else', () => {
    expect(
      fillOutputs(
        { ImageId: '{{resolveAmi.imageId}}', Groups: ['{{createSecurityGroup.groupId}}', 'sg-2'], Size: 30, On: true },
        { 'resolveAmi.imageId': 'ami-1', 'createSecurityGroup.groupId': 'sg-1' },
      ),
    ).toEqual({ ImageId: 'ami-1', Groups: ['sg-1', 'sg-2'], Size: 30, On: true });
  });

  it('refuses a reference no earlier step filled', () => {
    expect(() => fillOutputs({ ImageId: '{{resolveAmi.imageId}}' }, {})).toThrow(StepResultError);
  });
});
