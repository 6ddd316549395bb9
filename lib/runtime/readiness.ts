import 'server-only';
import { ecsClient } from '@/lib/aws/clients';
import { authSettings } from '@/lib/auth/settings';
import { database } from '@/lib/db';
import { isMigrated } from '@/lib/db/connect';
import { databaseProblem } from '@/lib/db/problems';
import { currentPolicy } from '@/lib/policy/current';
import { workerIsRunning } from './index';

/**
 * Whether this process can take requests, for a load balancer's readiness probe: each check says
 * ok or what is wrong, in words that name no secret, host or path. A check that does not answer
 * within CHECK_MS counts as failed, so the probe itself always answers in time.
 */
export interface Check {
  ok: boolean;
  /** What is wrong (or, when ok, a fact worth seeing such as the policy's version). */
  detail?: string;
}

export type ReadinessChecks = Record<string, () => Promise<Check>>;

const CHECK_MS = 2_000;

export async function readinessOf(checks: ReadinessChecks, limitMs = CHECK_MS) {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<Check>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, detail: `no answer in ${limitMs / 1000} s` }), limitMs);
      });
      const result = await Promise.race([check().catch((): Check => ({ ok: false, detail: 'failed' })), late]);
      clearTimeout(timer);
      return [name, result] as const;
    }),
  );
  const results = Object.fromEntries(entries);
  return { ready: entries.every(([, result]) => result.ok), checks: results };
}

/** The server's own checks: the journal reachable and migrated, the worker running, AWS credentials, the policy. */
export const SERVER_CHECKS: ReadinessChecks = {
  async journal() {
    try {
      return (await isMigrated(await database()))
        ? { ok: true }
        : { ok: false, detail: 'migrations not run: start the server to run them' };
    } catch (error) {
      // The problem's name only: its detail may carry the database's address.
      return { ok: false, detail: databaseProblem(error).key.replace('database.', '') };
    }
  },
  worker: async () => (workerIsRunning() ? { ok: true } : { ok: false, detail: 'not running' }),
  async awsCredentials() {
    try {
      await ecsClient().config.credentials();
      return { ok: true };
    } catch {
      return { ok: false, detail: 'no AWS credentials could be resolved' };
    }
  },
  async policy() {
    if (authSettings().mode === 'singleUser') return { ok: true, detail: 'single-user mode: no policy file' };
    return { ok: true, detail: `version ${currentPolicy().version}` };
  },
};
