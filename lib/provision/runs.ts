import type { ClusterPlan, StepAction, StepError, StepId, StepStatus } from '@/lib/cluster/plan';
import type { Journal } from '@/lib/db/journal';
import type { JournalEntry, RequestRecord } from '@/lib/db/records';
import type { MessageRef } from '@/lib/i18n/messages';

/**
 * One request's progress as the journal holds it, for the pages: every process and every tab
 * reads the same.
 */
export interface ProvisionRun {
  requestId: string;
  kind: 'create' | 'delete';
  clusterName: string;
  /** The team the request was for (team portal); null in single-user mode. */
  team: string | null;
  state: 'running' | 'succeeded' | 'failed';
  steps: { id: StepId; action: StepAction; status: StepStatus }[];
  /**
   * `mayRemain`: the steps whose resources may still be in the account; none when all were
   * verified gone. For a delete, the steps it had not finished: what they delete is still there.
   */
  failure?: { step: StepId; message: MessageRef; mayRemain: StepId[] };
}

export async function runOfRequest(journal: Journal, requestId: string): Promise<ProvisionRun | undefined> {
  const request = await journal.find(requestId);
  return request && runFrom(request, await journal.entries(requestId));
}

/** The unfinished request for this cluster in this account and Region, if there is one. */
export async function unfinishedRunOfCluster(
  journal: Journal,
  place: { account: string; region: string },
  clusterName: string,
): Promise<ProvisionRun | undefined> {
  const request = await journal.unfinishedFor(place, clusterName);
  return request && runFrom(request, await journal.entries(request.id));
}

/** Each step's latest status, the outputs of the steps done, and the failure, from the journal. */
export function journalState(plan: ClusterPlan, journal: JournalEntry[]) {
  const statuses: StepStatus[] = plan.steps.map(() => 'pending');
  const outputs: Record<string, string> = {};
  let failure: { index: number; error: StepError } | undefined;
  for (const entry of journal) {
    statuses[entry.stepIndex] = entry.status;
    if (entry.status === 'done' && entry.outputs) Object.assign(outputs, entry.outputs);
    if ((entry.status === 'failed' || entry.status === 'unverified') && entry.error) {
      failure = { index: entry.stepIndex, error: entry.error };
    }
  }
  return { statuses, outputs, failure };
}

export function runFrom(request: RequestRecord, journal: JournalEntry[]): ProvisionRun {
  const { plan } = request;
  const { statuses, failure } = journalState(plan, journal);
  const failedStep = failure && plan.steps[failure.index];
  return {
    requestId: request.id,
    kind: request.kind,
    clusterName: request.clusterName,
    team: request.team,
    state:
      request.state === 'succeeded'
        ? 'succeeded'
        : request.state === 'queued' || request.state === 'running'
          ? 'running'
          : 'failed',
    steps: plan.steps.map((step, index) => ({
      id: step.id,
      action: step.call.action,
      status: statuses[index] ?? 'pending',
    })),
    failure:
      request.state === 'failed' || request.state === 'rolledBack'
        ? {
            step: failedStep?.id ?? plan.steps[0]!.id,
            message: failure?.error.message ?? { key: 'aws.serviceError' },
            mayRemain: plan.steps
              .filter((_, index) =>
                request.kind === 'delete'
                  ? statuses[index] !== 'done'
                  : statuses[index] === 'rollbackFailed' || statuses[index] === 'unverified',
              )
              .map((step) => step.id),
          }
        : undefined,
  };
}
