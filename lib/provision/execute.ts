import 'server-only';
import { pollUntil } from '@/lib/aws/poll';
import {
  type AwsCall,
  type ClusterPlan,
  lookupOf,
  madeByRequest,
  type PlanStep,
  type StepId,
} from '@/lib/cluster/plan';
import { performAwsCall } from '@/lib/aws/perform';
import { awsErrorName } from '@/lib/aws/errors';
import { fillOutputs, stepOutputs, waitIsOver } from './step-results';

/** `unverified`: the step's call failed and whether AWS had applied it could not be found out. */
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'unverified' | 'rolledBack' | 'rollbackFailed';

export type ExecutionResult =
  | { ok: true; statuses: StepStatus[] }
  | {
      ok: false;
      statuses: StepStatus[];
      failedStep: PlanStep;
      error: unknown;
      /** Steps whose resources may still be in the account: an undo failed, or an outcome is unknown. */
      mayRemain: StepId[];
    };

export interface ExecutionHooks {
  /** Performs one AWS call; the SDK by default. */
  perform?: (call: AwsCall) => Promise<unknown>;
  /** Told every time a step's status changes. */
  onStatus?: (statuses: readonly StepStatus[]) => void;
}

/**
 * Runs the plan's steps in order, filling in values earlier steps returned and waiting where AWS
 * finishes work later. A create step whose call failed is looked up first: AWS may have applied
 * it and lost the answer, and what carries this request's tag was made by it. If a step fails,
 * the steps done are undone in reverse order so nothing is left half-made; the result says which
 * step failed and which resources may remain.
 */
export async function executePlan(plan: ClusterPlan, hooks: ExecutionHooks = {}): Promise<ExecutionResult> {
  const perform = hooks.perform ?? performAwsCall;
  const statuses: StepStatus[] = plan.steps.map(() => 'pending');
  const outputs: Record<string, string> = {};
  const setStatus = (index: number, status: StepStatus) => {
    statuses[index] = status;
    hooks.onStatus?.([...statuses]);
  };

  for (const [index, step] of plan.steps.entries()) {
    setStatus(index, 'running');
    try {
      const call = fillOutputs(step.call, outputs);
      const sent = await performOrFind(call, perform, plan.requestId);
      let answer = sent.answer;
      if (step.waitUntil) {
        const condition = step.waitUntil;
        await pollUntil(`${step.id}`, async () => {
          if (waitIsOver(condition, answer)) return true;
          answer = await perform(call);
          return false;
        });
      }
      Object.assign(outputs, stepOutputs(step, answer, sent.outputQuery));
      setStatus(index, 'done');
    } catch (error) {
      const unverified = error instanceof OutcomeUnknownError;
      setStatus(index, unverified ? 'unverified' : 'failed');
      const undoFailed = await undoDoneSteps(plan.steps, index, outputs, perform, setStatus);
      return {
        ok: false,
        statuses,
        failedStep: step,
        error: unverified ? error.cause : error,
        mayRemain: [...undoFailed, ...(unverified ? [step.id] : [])],
      };
    }
  }
  return { ok: true, statuses };
}

/** The call failed, and the lookup that would tell whether AWS applied it failed too. */
class OutcomeUnknownError extends Error {
  override name = 'OutcomeUnknownError';
}

/** Lookup errors that mean "there is no such resource". */
const NOT_FOUND = new Set([
  'NoSuchEntity',
  'NoSuchEntityException',
  'InvalidLaunchTemplateName.NotFoundException',
  'InvalidGroup.NotFound',
  'ClusterNotFoundException',
]);

/**
 * Sends the call; if it fails and makes a named resource, looks the resource up: found with this
 * request's tag, the lookup's answer stands in for the lost one (outputs included); not there, or
 * someone else's, the call's own error stands.
 */
async function performOrFind(
  call: AwsCall,
  perform: (call: AwsCall) => Promise<unknown>,
  requestId: string,
): Promise<{ answer: unknown; outputQuery?: string }> {
  try {
    return { answer: await perform(call) };
  } catch (error) {
    const lookup = lookupOf(call);
    if (!lookup) throw error;
    let found: unknown;
    try {
      found = await perform(lookup.call);
    } catch (lookupError) {
      if (NOT_FOUND.has(awsErrorName(lookupError) ?? '')) throw error;
      console.error(`[provision] could not find out whether ${call.action} was applied`, lookupError);
      throw new OutcomeUnknownError(`${call.action}: outcome unknown`, { cause: error });
    }
    if (!madeByRequest(lookup, found, requestId)) throw error;
    return { answer: found, outputQuery: lookup.output };
  }
}

/** Undoes the steps before `failedIndex` in reverse order; returns the ones whose undo failed. */
async function undoDoneSteps(
  steps: PlanStep[],
  failedIndex: number,
  outputs: Record<string, string>,
  perform: (call: AwsCall) => Promise<unknown>,
  setStatus: (index: number, status: StepStatus) => void,
): Promise<StepId[]> {
  const undoFailed: StepId[] = [];
  for (let index = failedIndex - 1; index >= 0; index -= 1) {
    const step = steps[index];
    if (!step?.undo) continue;
    try {
      await perform(fillOutputs(step.undo, outputs));
      setStatus(index, 'rolledBack');
    } catch (error) {
      setStatus(index, 'rollbackFailed');
      undoFailed.push(step.id);
      console.error(`[provision] could not undo step ${step.id}`, error);
    }
  }
  return undoFailed;
}
