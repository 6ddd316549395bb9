import { awsCliScript, awsCliStep } from '@/lib/cluster/cli';
import type { ClusterFormValues } from './fields';
import { planCluster, type StepAction, type StepId } from '@/lib/cluster/plan';
import { clusterFormSchema } from './form-schema';

/** What the Review panel shows: each request the plan sends, as JSON and as a CLI command, and the whole script. */
export type Review =
  { ok: true; steps: { id: StepId; action: StepAction; json: string; cli: string }[]; script: string } | { ok: false };

/** The review of these form values, read from the same plan the server executes. */
export function reviewOf(values: ClusterFormValues): Review {
  const parsed = clusterFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false };
  const plan = planCluster(parsed.data);
  return {
    ok: true,
    steps: plan.steps.map((step) => ({
      id: step.id,
      action: step.call.action,
      json: JSON.stringify(step.call.input, null, 2),
      cli: awsCliStep(step),
    })),
    script: awsCliScript(plan),
  };
}
