import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One deadline for all the AWS calls of a page view or a submit, retries included: the SDK's own
 * deadline is per attempt (AWS_REQUEST_TIMEOUT_MS, three attempts), so a page that waits on AWS
 * would otherwise answer only after all of them. Calls made inside `withAwsDeadline` are aborted
 * when it passes; the worker's calls, made outside any, keep the SDK's deadlines and retries.
 */
interface Deadline {
  signal: AbortSignal;
  seconds: number;
}

const deadlines = new AsyncLocalStorage<Deadline>();

const pageDeadlineMs = () => Number(process.env.AWS_PAGE_DEADLINE_MS ?? 10_000);

export function withAwsDeadline<T>(work: () => Promise<T>, ms = pageDeadlineMs()): Promise<T> {
  return deadlines.run({ signal: AbortSignal.timeout(ms), seconds: Math.round(ms / 1000) }, work);
}

/** The deadline the current page view or submit shares, if there is one. */
export const currentDeadline = (): Deadline | undefined => deadlines.getStore();

/** Runs work outside any page view's deadline: the worker's loop, even when a submit is what starts it. */
export const outsideAnyDeadline = <T>(work: () => T): T => deadlines.exit(work);
