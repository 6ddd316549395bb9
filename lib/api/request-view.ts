import 'server-only';
import type { ClusterPlan } from '@/lib/cluster/plan';
import type { JournalEntry, StoredRequest } from '@/lib/db/journal';
import type { MessageRef } from '@/lib/i18n/messages';
import { runFrom } from '@/lib/provision/runs';
import { englishText } from './problem';

/** A request as the API answers it: as submitted, its plan, its state and every journal entry. */
export async function requestView(stored: StoredRequest, journal?: JournalEntry[]) {
  const summary = {
    id: stored.id,
    kind: stored.kind,
    clusterName: stored.cluster_name,
    team: stored.team,
    requestedBy: stored.requested_by,
    policyVersion: stored.policy_version,
    state: stored.state,
    createdAt: stored.created_at,
    updatedAt: stored.updated_at,
    links: { self: `/api/v1/cluster-requests/${stored.id}` },
  };
  if (!journal) return summary;
  const failure = runFrom(stored, journal).failure;
  return {
    ...summary,
    request: JSON.parse(stored.request) as unknown,
    plan: (JSON.parse(stored.plan) as ClusterPlan).steps.map((step) => ({ id: step.id, action: step.call.action })),
    steps: await Promise.all(
      journal.map(async (entry) => {
        const error = entry.error ? (JSON.parse(entry.error) as { message: MessageRef; awsRequestId?: string }) : null;
        return {
          step: entry.step_id,
          status: entry.status,
          at: entry.at,
          outputs: entry.outputs ? (JSON.parse(entry.outputs) as unknown) : null,
          error: error && { message: await englishText(error.message), awsRequestId: error.awsRequestId ?? null },
        };
      }),
    ),
    failure: failure
      ? { step: failure.step, message: await englishText(failure.message), mayRemain: failure.mayRemain }
      : null,
  };
}
