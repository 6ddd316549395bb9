import 'server-only';
import { WaitTimeoutError } from './errors';

/** How often and how long to wait for AWS to finish work it has accepted. */
const intervalMs = () => Number(process.env.AWS_POLL_INTERVAL_MS ?? 2000);
const timeoutMs = () => Number(process.env.AWS_POLL_TIMEOUT_MS ?? 10 * 60 * 1000);

/** Calls `done` until it answers true; it may throw to stop waiting for something that failed. */
export async function pollUntil(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs();
  while (!(await done())) {
    if (Date.now() > deadline) throw new WaitTimeoutError(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs()));
  }
}
