import 'server-only';
import { isInconsistentIdempotentRequest } from '@/lib/aws/clusters';
import { awsRequestIdOf, describeAwsError } from '@/lib/aws/errors';
import type { AwsCall, StepError } from '@/lib/cluster/plan';
import type { Journal } from '@/lib/db/journal';
import { log as processLog, type Logger } from '@/lib/telemetry/log';
import { executePlan, type StepChange, wasInterrupted } from './execute';
import { observeRun } from './run-telemetry';
import { journalState } from './runs';

/**
 * The provisioning worker: it claims queued requests from the journal (or requests whose worker
 * died: their lease ran out), runs their plans, and journals every step before and after each AWS
 * call. Every server process runs one (lib/runtime starts it); tests make their own and call
 * `runNext`.
 */
export interface WorkerDependencies {
  journal: Journal;
  /** The worker's name in the journal: its host, process and a random part. */
  owner: string;
  /** How long a claim holds without renewal before another worker may take the request. */
  leaseMs: number;
  /** How many requests run side by side. */
  concurrency: number;
  /** The longest an idle worker waits before it asks the journal again. */
  longestIdleMs: number;
  /** Performs one AWS call; the SDK by default. */
  perform?: (call: AwsCall) => Promise<unknown>;
  /** Where the runs are logged; the process's log by default. */
  log?: Logger;
}

export interface Worker {
  /** Claims the oldest waiting request and runs it until it ends or is handed back; false when none waited. */
  runNext(): Promise<boolean>;
  /** Starts the claim loop in the background. */
  start(): void;
  /** Whether the claim loop runs: started, and not stopping. */
  isRunning(): boolean;
  /** Ends an idle wait: a request was just submitted. */
  wake(): void;
  /** Claims nothing more; each run hands its request back once its current step is over. Settles when all have. */
  stop(): Promise<void>;
}

type Claim = NonNullable<Awaited<ReturnType<Journal['claim']>>>;

class HandedBack extends Error {
  override name = 'HandedBack';
}

export function createWorker(deps: WorkerDependencies): Worker {
  const { journal, owner, leaseMs, log = processLog } = deps;
  const runFailed =
    ({ lease }: Claim) =>
    (error: unknown) =>
      log.error({ error, requestId: lease.requestId }, 'request stopped; it is taken up again when its lease runs out');
  let started = false;
  let stopping = false;
  const wakers = new Set<() => void>();
  const running = new Set<Promise<void>>();
  const wakeAll = () => {
    for (const wake of wakers) wake();
  };

  async function run({ lease, request, takenOver }: Claim) {
    const { plan } = request;
    const telemetry = observeRun(request, { owner, takenOver }, log);
    const { statuses, outputs } = journalState(plan, await journal.entries(lease.requestId));
    let leaseLost: unknown;
    const renewal = setInterval(() => {
      journal.renew(lease, leaseMs).catch((error: unknown) => (leaseLost = error));
    }, leaseMs / 3);
    try {
      const result = await executePlan(plan, {
        perform: deps.perform,
        resume: { statuses, outputs },
        onStep: async (change: StepChange) => {
          telemetry.step(change.index, change.status, change.error);
          if (leaseLost) throw leaseLost;
          await journal.record(lease, {
            stepIndex: change.index,
            stepId: plan.steps[change.index]!.id,
            status: change.status,
            outputs: change.outputs,
            error: change.error === undefined ? undefined : journaledError(change.error),
          });
          // Stopping: hand the request back between steps, never in the middle of one.
          if (stopping && change.status !== 'running') throw new HandedBack();
        },
      });
      // A teardown is never rolled back: what it had not deleted yet stays, and a retry goes on.
      const undone = plan.kind !== 'delete' && !result.ok && result.mayRemain.length === 0;
      const state = result.ok ? 'succeeded' : undone ? 'rolledBack' : 'failed';
      await journal.finish(lease, state);
      telemetry.ended(state);
    } catch (error) {
      if (wasInterrupted(error) && error.cause instanceof HandedBack) {
        await journal.release(lease).catch(() => undefined);
        telemetry.handedBack();
      } else if (!wasInterrupted(error)) {
        // Not handed back: it is tried again when its lease runs out, so a fault that repeats
        // (the database gone, say) is retried every lease rather than at once, over and over.
        telemetry.stopped(error);
      }
      // Interrupted otherwise: another worker holds the request now and goes on with it.
    } finally {
      clearInterval(renewal);
    }
  }

  async function runNext(): Promise<boolean> {
    const claim = await journal.claim(owner, leaseMs);
    if (!claim) return false;
    // Should it fail, the lease runs out and another worker (or this one) takes the request up again.
    await run(claim).catch(runFailed(claim));
    return true;
  }

  /**
   * One claim loop runs up to `concurrency` requests side by side. Idle, it waits longer and longer
   * (up to `longestIdleMs`) between asks, so an idle worker asks the database little; a submit in
   * this process, or a run ending, wakes it at once, and a request submitted in another process
   * is seen within the longest wait.
   */
  async function loop() {
    let idleMs = 100;
    while (!stopping) {
      if (running.size < deps.concurrency) {
        try {
          const claim = await journal.claim(owner, leaseMs);
          if (claim) {
            idleMs = 100;
            const done: Promise<void> = run(claim)
              .catch(runFailed(claim))
              .finally(() => {
                running.delete(done);
                wakeAll();
              });
            running.add(done);
            continue;
          }
        } catch (error) {
          log.error({ error, worker: owner }, 'could not claim a request; asking the journal again');
        }
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, idleMs);
        wakers.add(wake);
      });
      idleMs = Math.min(idleMs * 2, deps.longestIdleMs);
    }
  }

  return {
    runNext,
    start() {
      if (started) return;
      started = true;
      void loop();
    },
    isRunning: () => started && !stopping,
    wake: wakeAll,
    async stop() {
      stopping = true;
      wakeAll();
      await Promise.allSettled(running);
    },
  };
}

function journaledError(error: unknown): StepError {
  const awsRequestId = awsRequestIdOf(error);
  // Another request holds the name (ECS's idempotency said so): say so as the name field would.
  if (isInconsistentIdempotentRequest(error)) {
    return { message: { key: 'validation.clusterName.taken' }, ...(awsRequestId && { awsRequestId }) };
  }
  return { message: describeAwsError(error), ...(awsRequestId && { awsRequestId }) };
}
