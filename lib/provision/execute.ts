import 'server-only';
import { pollUntil } from '@/lib/aws/poll';
import {
  type AwsCall,
  type ClusterPlan,
  effectCheckOf,
  lookupOf,
  madeByRequest,
  type PlanStep,
  type StepId,
  type StepStatus,
} from '@/lib/cluster/plan';
import { performAwsCall } from '@/lib/aws/perform';
import { isNotFound } from '@/lib/aws/errors';
import { fillOutputs, stepOutputs, waitIsOver } from './step-results';
import { log } from '@/lib/telemetry/log';

export type ExecutionResult =
  | { ok: true; statuses: StepStatus[] }
  | {
      ok: false;
      statuses: StepStatus[];
      failedStep: PlanStep;
      /** What went wrong; undefined when a resumed run only finished an earlier rollback. */
      error: unknown;
      /** Steps whose resources may still be in the account: an undo failed, or an outcome is unknown. */
      mayRemain: StepId[];
    };

export interface StepChange {
  index: number;
  status: StepStatus;
  /** The values the step's answer gives later steps, once it is done. */
  outputs?: Record<string, string>;
  error?: unknown;
}

export interface ExecutionHooks {
  /** Performs one AWS call; the SDK by default. */
  perform?: (call: AwsCall) => Promise<unknown>;
  /** Told of every status change before the run goes on; if it throws, the run stops where it is. */
  onStep?: (change: StepChange) => void | Promise<void>;
  /** Where an interrupted run left off: the statuses and outputs its journal holds. */
  resume?: { statuses: StepStatus[]; outputs: Record<string, string> };
}

/** A hook said stop (the worker lost its lease): nothing more is done or undone by this process. */
class RunInterrupted extends Error {
  override name = 'RunInterrupted';
}

/**
 * Runs the plan's steps in order, filling in values earlier steps returned and waiting where AWS
 * finishes work later. A create step whose call failed is looked up first: AWS may have applied
 * it and lost the answer, and what carries this request's tag was made by it; a change whose call
 * fails is checked the same way, since an earlier run may have made it. If a step fails,
 * the steps done are undone in reverse order so nothing is left half-made; the result says which
 * step failed and which resources may remain. A resumed run skips the steps already done (a step
 * that was running when its process died runs again: its lookup finds what it had made), or
 * finishes the rollback it was in.
 */
export async function executePlan(plan: ClusterPlan, hooks: ExecutionHooks = {}): Promise<ExecutionResult> {
  const perform = hooks.perform ?? performAwsCall;
  const statuses: StepStatus[] = hooks.resume?.statuses.slice() ?? plan.steps.map(() => 'pending');
  const outputs: Record<string, string> = { ...hooks.resume?.outputs };
  const report = async (change: StepChange) => {
    statuses[change.index] = change.status;
    try {
      await hooks.onStep?.(change);
    } catch (error) {
      throw new RunInterrupted('stopped by its hook', { cause: error });
    }
  };
  const fail = async (index: number, error: unknown, unverified: boolean): Promise<ExecutionResult> => {
    const undoFailed = await undoDoneSteps(plan.steps, statuses, index, outputs, perform, report);
    return {
      ok: false,
      statuses,
      failedStep: plan.steps[index]!,
      error,
      mayRemain: [...undoFailed, ...(unverified ? [plan.steps[index]!.id] : [])],
    };
  };

  const interrupted = statuses.findIndex((status) => status === 'failed' || status === 'unverified');
  if (interrupted >= 0) return fail(interrupted, undefined, statuses[interrupted] === 'unverified');

  for (const [index, step] of plan.steps.entries()) {
    if (statuses[index] === 'done') continue;
    await report({ index, status: 'running' });
    let stepOutputsOf: Record<string, string>;
    try {
      const call = fillOutputs(step.call, outputs);
      const sent = await performOrFind(call, perform, plan.requestId).catch((error: unknown) => {
        // A teardown step whose resource is already gone (an earlier run deleted it) is done.
        if (step.doneIfGone && isNotFound(error)) return { answer: undefined, outputQuery: undefined };
        throw error;
      });
      let answer = sent.answer;
      if (step.waitUntil) {
        const condition = step.waitUntil;
        await pollUntil(`${step.id}`, async () => {
          if (waitIsOver(condition, answer)) return true;
          answer = await perform(call);
          return false;
        });
      }
      stepOutputsOf = stepOutputs(step, answer, sent.outputQuery);
    } catch (error) {
      const unverified = error instanceof OutcomeUnknownError;
      const cause = unverified ? error.cause : error;
      await report({ index, status: unverified ? 'unverified' : 'failed', error: cause });
      return fail(index, cause, unverified);
    }
    Object.assign(outputs, stepOutputsOf);
    await report({ index, status: 'done', outputs: stepOutputsOf });
  }
  return { ok: true, statuses };
}

/** True when a run stopped because its hook said so; its process no longer owns the request. */
export const wasInterrupted = (error: unknown): error is RunInterrupted => error instanceof RunInterrupted;

/** The call failed, and the lookup that would tell whether AWS applied it failed too. */
class OutcomeUnknownError extends Error {
  override name = 'OutcomeUnknownError';
}

/**
 * Sends the call; if it fails and makes a named resource, looks the resource up: found with this
 * request's tag, the lookup's answer stands in for the lost one (outputs included); not there, or
 * someone else's, the call's own error stands. If it fails and changes something (a policy
 * attached, a rule added), a read shows whether the change is already in place: then it is done.
 */
async function performOrFind(
  call: AwsCall,
  perform: (call: AwsCall) => Promise<unknown>,
  requestId: string,
): Promise<{ answer: unknown; outputQuery?: string }> {
  try {
    return { answer: await perform(call) };
  } catch (error) {
    const check = effectCheckOf(call);
    if (check) {
      const inPlace = await perform(check.call).then(check.holds, () => false);
      if (inPlace) return { answer: undefined };
      throw error;
    }
    const lookup = lookupOf(call);
    if (!lookup) throw error;
    let found: unknown;
    try {
      found = await perform(lookup.call);
    } catch (lookupError) {
      if (isNotFound(lookupError)) throw error;
      log.warn(
        { requestId, awsOperation: call.action, error: lookupError },
        'could not find out whether the call was applied',
      );
      throw new OutcomeUnknownError(`${call.action}: outcome unknown`, { cause: error });
    }
    if (!madeByRequest(lookup, found, requestId)) throw error;
    return { answer: found, outputQuery: lookup.output };
  }
}

/** Undoes the steps done before `failedIndex`, in reverse order; returns the ones whose undo failed. */
async function undoDoneSteps(
  steps: PlanStep[],
  statuses: StepStatus[],
  failedIndex: number,
  outputs: Record<string, string>,
  perform: (call: AwsCall) => Promise<unknown>,
  report: (change: StepChange) => Promise<void>,
): Promise<StepId[]> {
  const undoFailed: StepId[] = [];
  for (let index = failedIndex - 1; index >= 0; index -= 1) {
    const step = steps[index]!;
    if (statuses[index] === 'rollbackFailed') undoFailed.push(step.id);
    if (!step.undo || statuses[index] !== 'done') continue;
    try {
      await perform(fillOutputs(step.undo, outputs));
    } catch (error) {
      await report({ index, status: 'rollbackFailed', error });
      undoFailed.push(step.id);
      continue;
    }
    await report({ index, status: 'rolledBack' });
  }
  return undoFailed;
}
