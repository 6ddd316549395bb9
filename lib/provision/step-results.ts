import type { DescribeCapacityProvidersResponse, DescribeClustersResponse } from '@aws-sdk/client-ecs';
import { type PlanStep, readQuery, STEP_OUTPUTS, type WaitCondition, WAITS } from '@/lib/cluster/plan';

/**
 * What the executor reads from AWS's answers: the values later steps refer to as
 * `{{step.output}}`, and whether a wait is over. Pure, so it is tested without AWS.
 */

export class StepResultError extends Error {
  override name = 'StepResultError';
}

/**
 * The named value a step's answer gives later steps, if it gives one. `query` says where it is
 * when the answer is a lookup's rather than the call's own.
 */
export function stepOutputs(step: PlanStep, answer: unknown, query?: string): Record<string, string> {
  const output = STEP_OUTPUTS[step.id as keyof typeof STEP_OUTPUTS];
  if (!output) return {};
  const value = readQuery(answer, query ?? output.query);
  if (typeof value !== 'string' || value === '') {
    throw new StepResultError(`AWS's answer to ${step.call.action} had no ${output.name}.`);
  }
  return { [`${step.id}.${output.name}`]: value };
}

/**
 * True once AWS reports the condition (the values in WAITS, which the CLI script reads too); throws
 * when AWS reports it can no longer happen.
 */
export function waitIsOver(condition: WaitCondition, answer: unknown): boolean {
  throwIfFailed(condition, answer);
  const { query, done } = WAITS[condition];
  // The AWS CLI prints a missing value as None; some endpoints never report attachments.
  const value = readQuery(answer, query) ?? 'None';
  return (done as readonly string[]).includes(String(value));
}

function throwIfFailed(condition: WaitCondition, answer: unknown) {
  switch (condition) {
    case 'capacityProviderActive': {
      const provider = (answer as DescribeCapacityProvidersResponse).capacityProviders?.[0];
      if (provider?.status === 'INACTIVE' || provider?.updateStatus?.endsWith('_FAILED')) {
        throw new StepResultError(`The capacity provider failed: ${provider.updateStatusReason ?? provider.status}`);
      }
      return;
    }
    case 'clusterActive': {
      const status = (answer as DescribeClustersResponse).clusters?.[0]?.status;
      if (status === undefined || status === 'INACTIVE' || status === 'FAILED') {
        throw new StepResultError(`The cluster is ${status ?? 'gone'}, not ACTIVE.`);
      }
      return;
    }
    case 'clusterAttachmentsComplete':
      if ((answer as DescribeClustersResponse).clusters?.[0]?.attachmentsStatus === 'UPDATE_FAILED') {
        throw new StepResultError('The cluster could not apply its capacity providers.');
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
