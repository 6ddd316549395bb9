import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { outsideAnyDeadline, withAwsDeadline } from '@/lib/aws/deadline';
import { database } from '@/lib/db';
import { type Journal, journalStore } from '@/lib/db/journal';
import { createWorker, type Worker } from '@/lib/provision/worker';
import { createRequestService, type RequestService } from '@/lib/requests/service';

/**
 * This server process's instances, made once: the journal over the app's database, the request
 * service both doors submit to, and the worker that runs what they store. The only module that
 * reaches for the process's database and worker; everything it wires takes them as arguments.
 * Kept on globalThis so every route's bundle shares them.
 */

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * 1000;

interface Runtime {
  worker: Worker;
  stopOnSignal: boolean;
}

const runtime = ((globalThis as { __ecsConsoleRuntime?: Runtime }).__ecsConsoleRuntime ??= {
  worker: createWorker({
    // The worker asks for the journal when it first claims: a database that is down is retried.
    journal: lazyJournal(),
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMs: seconds('WORKER_LEASE_SECONDS', 30),
    concurrency: Math.max(1, Number(process.env.WORKER_CONCURRENCY ?? 4)),
    longestIdleMs: seconds('WORKER_IDLE_SECONDS', 2),
  }),
  stopOnSignal: false,
});

/** The journal over the app's database (opened and migrated on first use). */
export async function journal(): Promise<Journal> {
  return journalStore(await database());
}

/** The request service, for the form's actions and the API: a submit's AWS checks share one deadline. */
export function requestService(): RequestService {
  const service = createRequestService({ journal: lazyJournal(), wake: wakeWorker });
  return { submit: (principal, request) => withAwsDeadline(() => service.submit(principal, request)) };
}

/**
 * Starts this process's worker (instrumentation.ts does, and the first submit should a process
 * have none). On SIGTERM it claims nothing more and each run hands its request back once its
 * current step is over, so another worker takes it up at once rather than after the lease.
 * Next.js leaves the signal to the app when NEXT_MANUAL_SIG_HANDLE is set (npm start sets it);
 * the process then ends here, once the runs have handed back or WORKER_STOP_SECONDS have passed.
 */
export function startWorker(): void {
  // Its AWS calls keep the SDK's own deadlines, whoever starts it.
  outsideAnyDeadline(() => runtime.worker.start());
  if (runtime.stopOnSignal) return;
  runtime.stopOnSignal = true;
  process.once('SIGTERM', async () => {
    const stopped = runtime.worker.stop();
    if (process.env.NEXT_MANUAL_SIG_HANDLE !== 'true') return;
    const grace = new Promise((resolve) => setTimeout(resolve, seconds('WORKER_STOP_SECONDS', 20)).unref());
    await Promise.race([stopped, grace]);
    process.exit(0);
  });
}

/** Whether this process's worker is taking requests. */
export const workerIsRunning = () => runtime.worker.isRunning();

function wakeWorker(): void {
  startWorker();
  runtime.worker.wake();
}

/** A Journal whose every call opens the database first: one that could not be opened is tried again. */
function lazyJournal(): Journal {
  return new Proxy({} as Journal, {
    get:
      (_target, method: keyof Journal) =>
      async (...args: unknown[]) =>
        ((await journal())[method] as (...a: unknown[]) => unknown)(...args),
  });
}
