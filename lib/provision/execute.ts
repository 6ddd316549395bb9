import 'server-only';
import { pollUntil } from '@/lib/aws/poll';
import type { AwsCall, ClusterPlan, PlanStep } from '@/lib/cluster/plan';
import { performAwsCall } from '@/lib/aws/perform';
import { fillOutputs, stepOutputs, waitIsOver } from './step-results';

export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'rolledBack' | 'rollbackFailed';

export type ExecutionResult =
  | { ok: true; statuses: StepStatus[] }
  | { ok: false; statuses: StepStatus[]; failedStep: PlanStep; error: unknown; rolledBack: boolean };

export interface ExecutionHooks {
  /** Performs one AWS call; the SDK by default. */
  perform?: (call: AwsCall) => Promise<unknown>;
  /** Told every time a step's status changes. */
  onStatus?: (statuses: readonly StepStatus[]) => void;
}

/**
 * Runs the plan's steps in order, filling in values earlier steps returned and waiting where AWS
 * finishes work later. If a step fails, the steps already done are undone in reverse order so
 * nothing is left half-made; the result says which step failed and whether the undo succeeded.
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
      let answer = await perform(call);
      if (step.waitUntil) {
        const condition = step.waitUntil;
        await pollUntil(`${step.id}`, async () => {
          if (waitIsOver(condition, answer)) return true;
          answer = await perform(call);
          return false;
        });
      }
      Object.assign(outputs, stepOutputs(step, answer));
      setStatus(index, 'done');
    } catch (error) {
      setStatus(index, 'failed');
      const rolledBack = await undoDoneSteps(plan.steps, index, outputs, perform, setStatus);
      return { ok: false, statuses, failedStep: step, error, rolledBack };
    }
  }
  return { ok: true, statuses };
}

async function undoDoneSteps(
  steps: PlanStep[],
  failedIndex: number,
  outputs: Record<string, string>,
  perform: (call: AwsCall) => Promise<unknown>,
  setStatus: (index: number, status: StepStatus) => void,
): Promise<boolean> {
  let everythingUndone = true;
  for (let index = failedIndex - 1; index >= 0; index -= 1) {
    const undo = steps[index]?.undo;
    if (!undo) continue;
    try {
      await perform(fillOutputs(undo, outputs));
      setStatus(index, 'rolledBack');
    } catch (error) {
      setStatus(index, 'rollbackFailed');
      everythingUndone = false;
      console.error(`[provision] could not undo step ${steps[index]?.id}`, error);
    }
  }
  return everythingUndone;
}
