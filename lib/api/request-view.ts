import 'server-only';
import type { JournalEntry, RequestRecord } from '@/lib/db/records';
import { runFrom } from '@/lib/provision/runs';
import { englishText } from './problem';

/** A request as the API answers it: as submitted, its plan, its state and every journal entry. */
export async function requestView(stored: RequestRecord, journal?: JournalEntry[]) {
  const summary = {
    id: stored.id,
    kind: stored.kind,
    clusterName: stored.clusterName,
    team: stored.team,
    requestedBy: stored.requestedBy,
    policyVersion: stored.policyVersion,
    state: stored.state,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    links: { self: `/api/v1/cluster-requests/${stored.id}` },
  };
  if (!journal) return summary;
  const failure = runFrom(stored, journal).failure;
  return {
    ...summary,
    request: stored.request,
    plan: stored.plan.steps.map((step) => ({ id: step.id, action: step.call.action })),
    steps: await Promise.all(
      journal.map(async (entry) => ({
        step: entry.stepId,
        status: entry.status,
        at: entry.at,
        outputs: entry.outputs,
        error: entry.error && {
          message: await englishText(entry.error.message),
          awsRequestId: entry.error.awsRequestId ?? null,
        },
      })),
    ),
    failure: failure
      ? { step: failure.step, message: await englishText(failure.message), mayRemain: failure.mayRemain }
      : null,
  };
}
