import 'server-only';
import type { AwsCall, ClusterPlan, PlanStep } from '@/lib/cluster/plan';
import { performAwsCall } from './aws-calls';

export type StepOutcome = 'done' | 'failed' | 'rolledBack' | 'rollbackFailed' | 'notRun';

export type ExecutionResult =
  | { ok: true; outcomes: StepOutcome[] }
  | { ok: false; outcomes: StepOutcome[]; failedStep: PlanStep; error: unknown; rolledBack: boolean };

/**
 * Runs the plan's steps in order. If a step fails, the steps already done are undone in reverse
 * order so nothing is left half-made; the result says which step failed and whether the undo
 * succeeded.
 */
export async function executePlan(
  plan: ClusterPlan,
  perform: (call: AwsCall) => Promise<unknown> = performAwsCall,
): Promise<ExecutionResult> {
  const outcomes: StepOutcome[] = plan.steps.map(() => 'notRun');
  for (const [index, step] of plan.steps.entries()) {
    try {
      await perform(step.call);
      outcomes[index] = 'done';
    } catch (error) {
      outcomes[index] = 'failed';
      const rolledBack = await undoDoneSteps(plan.steps, outcomes, index, perform);
      return { ok: false, outcomes, failedStep: step, error, rolledBack };
    }
  }
  return { ok: true, outcomes };
}

async function undoDoneSteps(
  steps: PlanStep[],
  outcomes: StepOutcome[],
  failedIndex: number,
  perform: (call: AwsCall) => Promise<unknown>,
): Promise<boolean> {
  let everythingUndone = true;
  for (let index = failedIndex - 1; index >= 0; index -= 1) {
    const undo = steps[index]?.undo;
    if (!undo) continue;
    try {
      await perform(undo);
      outcomes[index] = 'rolledBack';
    } catch (error) {
      outcomes[index] = 'rollbackFailed';
      everythingUndone = false;
      console.error(`[provision] could not undo step ${steps[index]?.id}`, error);
    }
  }
  return everythingUndone;
}
