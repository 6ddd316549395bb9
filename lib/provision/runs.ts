import 'server-only';
import type { ClusterPlan, StepAction, StepId } from '@/lib/cluster/plan';
import type { MessageRef } from '@/lib/i18n/messages';
import type { StepStatus } from './execute';

/** One Create request's progress, kept on the server so every tab and reload sees the same. */
export interface ProvisionRun {
  requestId: string;
  clusterName: string;
  /** The request as submitted, to tell a repeat of it from another request under the same id. */
  fingerprint: string;
  state: 'running' | 'succeeded' | 'failed';
  steps: { id: StepId; action: StepAction; status: StepStatus }[];
  /** `mayRemain`: the steps whose resources may still be in the account; none when all were verified gone. */
  failure?: { step: StepId; message: MessageRef; mayRemain: StepId[] };
}

interface RunStore {
  byRequest: Map<string, ProvisionRun>;
  latestByCluster: Map<string, string>;
}

/**
 * In this server process's memory: a restart forgets progress (the resources themselves carry
 * the request tag). Kept on globalThis so every route's bundle shares the one store.
 */
const store: RunStore = ((globalThis as { __provisionRuns?: RunStore }).__provisionRuns ??= {
  byRequest: new Map(),
  latestByCluster: new Map(),
});

/** Enough for every tab still watching; the oldest runs are forgotten first. */
const RUNS_KEPT = 1000;

export function startRun(plan: ClusterPlan, fingerprint: string): ProvisionRun {
  const run: ProvisionRun = {
    requestId: plan.requestId,
    clusterName: plan.clusterName,
    fingerprint,
    state: 'running',
    steps: plan.steps.map((step) => ({ id: step.id, action: step.call.action, status: 'pending' })),
  };
  store.byRequest.set(run.requestId, run);
  store.latestByCluster.set(run.clusterName, run.requestId);
  for (const [requestId, old] of store.byRequest) {
    if (store.byRequest.size <= RUNS_KEPT) break;
    if (old.state === 'running') continue;
    store.byRequest.delete(requestId);
    if (store.latestByCluster.get(old.clusterName) === requestId) store.latestByCluster.delete(old.clusterName);
  }
  return run;
}

export function runOfRequest(requestId: string): ProvisionRun | undefined {
  return store.byRequest.get(requestId);
}

/** The latest run that created (or tried to create) this cluster. */
export function latestRunOfCluster(clusterName: string): ProvisionRun | undefined {
  const requestId = store.latestByCluster.get(clusterName);
  return requestId ? store.byRequest.get(requestId) : undefined;
}
