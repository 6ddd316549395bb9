import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** An endpoint that accepts every request and never answers, as a hanging AWS would. */
let silent: Server;

beforeAll(async () => {
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

/** The SDK's clients, made anew, talk to the silent endpoint with these attempts and deadline per attempt. */
function againstSilentAws({ attempts, attemptMs }: { attempts: number; attemptMs: number }) {
  vi.stubEnv('AWS_ENDPOINT_URL', `http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('AWS_MAX_ATTEMPTS', String(attempts));
  vi.stubEnv('AWS_REQUEST_TIMEOUT_MS', String(attemptMs));
  vi.resetModules();
}

describe('AWS calls have deadlines', () => {
  it('a call AWS never answers ends, and says how long it waited', async () => {
    againstSilentAws({ attempts: 1, attemptMs: 1000 });
    const { findCluster } = await import('./clusters');
    const { AwsCallError, describeAwsError } = await import('./errors');
    const failure = await findCluster('demo').catch((error: unknown) => error);
    // The failure names the action the read declares, for a denied call's message.
    expect(failure).toBeInstanceOf(AwsCallError);
    expect((failure as InstanceType<typeof AwsCallError>).action).toBe('ecs:DescribeClusters');
    expect(describeAwsError(failure)).toEqual({ key: 'aws.timedOut', params: { seconds: 1 } });
  });

  it('calls inside one page view share its deadline, retries included, and say so', async () => {
    // Alone, each of three attempts would wait 3 s.
    againstSilentAws({ attempts: 3, attemptMs: 3000 });
    const { findCluster, listClusterNames } = await import('./clusters');
    const { describeAwsError } = await import('./errors');
    const { withAwsDeadline } = await import('./deadline');
    const failures = await withAwsDeadline(
      () =>
        Promise.all([
          findCluster('demo').catch((error: unknown) => describeAwsError(error)),
          listClusterNames().catch((error: unknown) => describeAwsError(error)),
        ]),
      1000,
    );
    expect(failures).toEqual([
      { key: 'aws.timedOut', params: { seconds: 1 } },
      { key: 'aws.timedOut', params: { seconds: 1 } },
    ]);
  });

  it('work started outside any deadline (the worker, even when a submit starts it) keeps none', async () => {
    const { currentDeadline, outsideAnyDeadline, withAwsDeadline } = await import('./deadline');
    const seen = await withAwsDeadline(async () => {
      const inside = currentDeadline()?.seconds;
      const started = outsideAnyDeadline(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return currentDeadline();
      });
      return { inside, outside: await started };
    }, 3000);
    expect(seen).toEqual({ inside: 3, outside: undefined });
  });
});
