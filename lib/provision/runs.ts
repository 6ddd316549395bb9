import 'server-only';
import type { Kysely } from 'kysely';
import type { ClusterPlan, StepAction, StepId } from '@/lib/cluster/plan';
import { findRequest, journalOf, type JournalEntry, type StoredRequest } from '@/lib/db/journal';
import type { Database } from '@/lib/db/schema';
import type { MessageRef } from '@/lib/i18n/messages';
import type { StepStatus } from './execute';

/**
 * One Create request's progress as the journal holds it, for the pages: every process and every
 * tab reads the same.
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

/** What the journal keeps of a step's failure. */
export interface JournaledError {
  message: MessageRef;
  /** Set when the failure belongs to a form field (ECS refusing a name another request holds). */
  field?: 'clusterName';
  awsRequestId?: string;
}

export async function runOfRequest(db: Kysely<Database>, requestId: string): Promise<ProvisionRun | undefined> {
  const request = await findRequest(db, requestId);
  return request && runFrom(request, await journalOf(db, requestId));
}

/** The unfinished request creating this cluster in this account and Region, if there is one. */
export async function unfinishedRunOfCluster(
  db: Kysely<Database>,
  place: { account: string; region: string },
  clusterName: string,
): Promise<ProvisionRun | undefined> {
  const request = await db
    .selectFrom('requests')
    .selectAll()
    .where('account', '=', place.account)
    .where('region', '=', place.region)
    .where('cluster_name', '=', clusterName)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return request && runFrom(request, await journalOf(db, request.id));
}

/** Each step's latest status, the outputs of the steps done, and the failure, from the journal. */
export function journalState(plan: ClusterPlan, journal: JournalEntry[]) {
  const statuses: StepStatus[] = plan.steps.map(() => 'pending');
  const outputs: Record<string, string> = {};
  let failure: { index: number; error: JournaledError } | undefined;
  for (const entry of journal) {
    statuses[entry.step_index] = entry.status as StepStatus;
    if (entry.status === 'done' && entry.outputs) Object.assign(outputs, JSON.parse(entry.outputs));
    if ((entry.status === 'failed' || entry.status === 'unverified') && entry.error) {
      failure = { index: entry.step_index, error: JSON.parse(entry.error) as JournaledError };
    }
  }
  return { statuses, outputs, failure };
}

export function runFrom(request: StoredRequest, journal: JournalEntry[]): ProvisionRun {
  const plan = JSON.parse(request.plan) as ClusterPlan;
  const { statuses, failure } = journalState(plan, journal);
  const failedStep = failure && plan.steps[failure.index];
  return {
    requestId: request.id,
    kind: request.kind,
    clusterName: request.cluster_name,
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
