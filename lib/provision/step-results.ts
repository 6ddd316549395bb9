import type { AutoScalingGroupsType } from '@aws-sdk/client-auto-scaling';
import type { CreateSecurityGroupResult } from '@aws-sdk/client-ec2';
import type { DescribeCapacityProvidersResponse, DescribeClustersResponse } from '@aws-sdk/client-ecs';
import type { GetParameterResult } from '@aws-sdk/client-ssm';
import type { PlanStep, WaitCondition } from '@/lib/cluster/plan';

/**
 * What the executor reads from AWS's answers: the values later steps refer to as
 * `{{step.output}}`, and whether a wait is over. Pure, so it is tested without AWS.
 */

export class StepResultError extends Error {
  override name = 'StepResultError';
}

/** The named values a step's answer gives later steps. */
export function stepOutputs(step: PlanStep, answer: unknown): Record<string, string> {
  const required = (name: string, value: string | undefined) => {
    if (!value) throw new StepResultError(`AWS's answer to ${step.call.action} had no ${name}.`);
    return { [`${step.id}.${name}`]: value };
  };
  switch (step.call.action) {
    case 'ssm:GetParameter':
      return required('imageId', (answer as GetParameterResult).Parameter?.Value);
    case 'ec2:CreateSecurityGroup':
      return required('groupId', (answer as CreateSecurityGroupResult).GroupId);
    case 'autoscaling:DescribeAutoScalingGroups':
      return required('arn', (answer as AutoScalingGroupsType).AutoScalingGroups?.[0]?.AutoScalingGroupARN);
    default:
      return {};
  }
}

/** True once AWS reports the condition; throws when AWS reports it can no longer happen. */
export function waitIsOver(condition: WaitCondition, answer: unknown): boolean {
  switch (condition) {
    case 'capacityProviderActive': {
      const provider = (answer as DescribeCapacityProvidersResponse).capacityProviders?.[0];
      if (provider?.status === 'INACTIVE' || provider?.updateStatus?.endsWith('_FAILED')) {
        throw new StepResultError(`The capacity provider failed: ${provider.updateStatusReason ?? provider.status}`);
      }
      return provider?.status === 'ACTIVE';
    }
    case 'clusterActive': {
      const status = (answer as DescribeClustersResponse).clusters?.[0]?.status;
      if (status === undefined || status === 'INACTIVE' || status === 'FAILED') {
        throw new StepResultError(`The cluster is ${status ?? 'gone'}, not ACTIVE.`);
      }
      return status === 'ACTIVE';
    }
    case 'clusterAttachmentsComplete': {
      const cluster = (answer as DescribeClustersResponse).clusters?.[0];
      if (cluster?.attachmentsStatus === 'UPDATE_FAILED') {
        throw new StepResultError('The cluster could not apply its capacity providers.');
      }
      // Some endpoints never report attachments; then there is nothing to wait for.
      return !cluster?.attachmentsStatus || cluster.attachmentsStatus === 'UPDATE_COMPLETE';
    }
  }
}

/** Replaces every `{{step.output}}` in a request with the value an earlier step returned. */
export function fillOutputs<T>(value: T, outputs: Record<string, string>): T {
  if (typeof value === 'string') {
    return value.replace(/\{\{([\w.]+)\}\}/g, (reference, name: string) => {
      const filled = outputs[name];
      if (filled === undefined) throw new StepResultError(`No earlier step gave ${reference}.`);
      return filled;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((item) => fillOutputs(item, outputs)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, fillOutputs(member, outputs)])) as T;
  }
  return value;
}
