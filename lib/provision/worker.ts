import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { isInconsistentIdempotentRequest } from '@/lib/aws/clusters';
import { describeAwsError } from '@/lib/aws/errors';
import type { ClusterPlan } from '@/lib/cluster/plan';
import { database } from '@/lib/db';
import {
  claimRequest,
  finishRequest,
  journalOf,
  type Lease,
  releaseRequest,
  renewLease,
  recordStep,
  type StoredRequest,
} from '@/lib/db/journal';
import type { Database } from '@/lib/db/schema';
import { executePlan, type StepChange, wasInterrupted } from './execute';
import { journalState, type JournaledError } from './runs';

/**
 * The provisioning worker, one in every server process: it claims queued requests from the
 * journal (or requests whose worker died: their lease ran out), runs their plans, and journals
 * every step before and after each AWS call. Started by instrumentation.ts, and by the first
 * submit should a process have none.
 */

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * 1000;

interface WorkerState {
  owner: string;
  started: boolean;
  stopping: boolean;
  /** End the idle waits: a request was just submitted in this process. */
  wakers: Set<() => void>;
  /** The runs under way, each settling when its request is finished or handed back. */
  running: Set<Promise<void>>;
}

const worker: WorkerState = ((globalThis as { __ecsConsoleWorker?: WorkerState }).__ecsConsoleWorker ??= {
  owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  started: false,
  stopping: false,
  wakers: new Set(),
  running: new Set(),
});

export function startWorker(): void {
  if (worker.started) return;
  worker.started = true;
  process.once('SIGTERM', stop);
  void loop();
}

/**
 * SIGTERM: claim nothing more; each run hands its request back once its current step is over, so
 * another worker takes it up at once rather than after the lease. Next.js leaves the signal to the
 * app when NEXT_MANUAL_SIG_HANDLE is set (npm start sets it); the process then ends here, once the
 * runs have handed back or WORKER_STOP_SECONDS have passed.
 */
async function stop() {
  worker.stopping = true;
  wakeAll();
  if (process.env.NEXT_MANUAL_SIG_HANDLE !== 'true') return;
  const grace = new Promise((resolve) => setTimeout(resolve, seconds('WORKER_STOP_SECONDS', 20)).unref());
  await Promise.race([Promise.allSettled(worker.running), grace]);
  process.exit(0);
}

/** Tells the worker a request is waiting, so it does not sleep out its idle wait. */
export function wakeWorker(): void {
  startWorker();
  wakeAll();
}

function wakeAll() {
  for (const wake of worker.wakers) wake();
}

/**
 * One claim loop runs up to WORKER_CONCURRENCY requests (4 by default) side by side. Idle, it waits
 * longer and longer (up to WORKER_IDLE_SECONDS) between asks, so an idle worker asks the database
 * little; a submit in this process, or a run ending, wakes it at once, and a request submitted in
 * another process is seen within the longest wait.
 */
async function loop() {
  const concurrency = Math.max(1, Number(process.env.WORKER_CONCURRENCY ?? 4));
  const longestIdleMs = seconds('WORKER_IDLE_SECONDS', 2);
  const running = worker.running;
  let idleMs = 100;
  while (!worker.stopping) {
    if (running.size < concurrency) {
      try {
        const db = await database();
        const claim = await claimRequest(db, worker.owner, leaseMs());
        if (claim) {
          idleMs = 100;
          const done: Promise<void> = run(db, claim.lease, claim.request)
            // The lease runs out and another worker (or this one) takes the request up again.
            .catch((error: unknown) => console.error(`[worker] request ${claim.lease.requestId} stopped`, error))
            .finally(() => {
              running.delete(done);
              wakeAll();
            });
          running.add(done);
          continue;
        }
      } catch (error) {
        console.error('[worker] could not claim a request', error);
      }
    }
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        worker.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, idleMs);
      worker.wakers.add(wake);
    });
    idleMs = Math.min(idleMs * 2, longestIdleMs);
  }
}

const leaseMs = () => seconds('WORKER_LEASE_SECONDS', 30);

class HandedBack extends Error {
  override name = 'HandedBack';
}

async function run(db: Kysely<Database>, lease: Lease, request: StoredRequest) {
  const plan = JSON.parse(request.plan) as ClusterPlan;
  const { statuses, outputs } = journalState(plan, await journalOf(db, lease.requestId));
  let leaseLost: unknown;
  const renewal = setInterval(() => {
    renewLease(db, lease, leaseMs()).catch((error: unknown) => (leaseLost = error));
  }, leaseMs() / 3);
  try {
    const result = await executePlan(plan, {
      resume: { statuses, outputs },
      onStep: async (change: StepChange) => {
        if (leaseLost) throw leaseLost;
        const step = plan.steps[change.index]!;
        await recordStep(db, lease, {
          stepIndex: change.index,
          stepId: step.id,
          status: change.status,
          outputs: change.outputs,
          error: change.error === undefined ? undefined : journaledError(change.error, step.call.action),
        });
        // Stopping: hand the request back between steps, never in the middle of one.
        if (worker.stopping && change.status !== 'running') throw new HandedBack();
      },
    });
    // A teardown is never rolled back: what it had not deleted yet stays, and a retry goes on.
    const undone = plan.kind !== 'delete' && !result.ok && result.mayRemain.length === 0;
    await finishRequest(db, lease, result.ok ? 'succeeded' : undone ? 'rolledBack' : 'failed');
  } catch (error) {
    if (wasInterrupted(error) && error.cause instanceof HandedBack) {
      await releaseRequest(db, lease).catch(() => undefined);
    } else if (!wasInterrupted(error)) {
      // Not handed back: it is tried again when its lease runs out, so a fault that repeats
      // (the database gone, say) is retried every lease rather than at once, over and over.
      console.error(`[worker] request ${lease.requestId} stopped unexpectedly`, error);
    }
    // Interrupted otherwise: another worker holds the request now and goes on with it.
  } finally {
    clearInterval(renewal);
  }
}

function journaledError(error: unknown, action: string): JournaledError {
  const awsRequestId = (error as { $metadata?: { requestId?: string } })?.$metadata?.requestId;
  // Another request holds the name (ECS's idempotency said so): the form's name field answers it.
  if (isInconsistentIdempotentRequest(error)) {
    return { message: { key: 'validation.clusterName.taken' }, field: 'clusterName', awsRequestId };
  }
  return { message: describeAwsError(error, action), awsRequestId };
}
