import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it, vi } from 'vitest';
import { aClusterRequest } from '@/lib/cluster/builders';
import { planCluster } from '@/lib/cluster/plan';
import { migrate, openDatabase } from '@/lib/db/connect';
import { type Journal, journalStore } from '@/lib/db/journal';
import { metrics } from '@/lib/telemetry/metrics';
import { capturedLog } from '@/lib/telemetry/test-log';
import { testAccount } from './test-account';
import { createWorker } from './worker';

const LEASE_MS = 30_000;
const clock = { at: Date.parse('2026-12-08T10:00:00Z'), now: () => new Date(clock.at) };
const request = aClusterRequest({ clusterName: 'observed' });
const plan = planCluster(request);

let journal: Journal;
beforeEach(async () => {
  const db = openDatabase(`file:${join(mkdtempSync(join(tmpdir(), 'telemetry-')), 'journal.db')}`);
  await migrate(db);
  journal = journalStore(db, clock);
  testAccount();
  vi.stubEnv('AWS_REGION', 'us-east-1');
  metrics.registry.resetMetrics();
  await journal.insert({
    id: request.requestId,
    kind: 'create',
    clusterName: request.clusterName,
    account: '111122223333',
    region: 'us-east-1',
    request,
    plan,
    requestedBy: 'alice@example.com',
    team: 'payments',
    policyVersion: 'v1',
  });
});

it('logs each run with the request, its cluster and who asked, each step with its AWS action, and counts a takeover', async () => {
  // The first worker dies once its first step is under way.
  const dying: Journal = {
    ...journal,
    async record(lease, entry) {
      await journal.record(lease, entry);
      if (entry.status === 'running') throw new Error('the process died');
    },
  };
  const first = capturedLog();
  await createWorker({
    journal: dying,
    owner: 'dies',
    leaseMs: LEASE_MS,
    concurrency: 1,
    longestIdleMs: 100,
    log: first.logger,
  }).runNext();
  clock.at += LEASE_MS + 1000;
  const second = capturedLog();
  await createWorker({
    journal,
    owner: 'takes-over',
    leaseMs: LEASE_MS,
    concurrency: 1,
    longestIdleMs: 100,
    log: second.logger,
  }).runNext();

  const about = {
    requestId: request.requestId,
    kind: 'create',
    cluster: 'observed',
    principal: 'alice@example.com',
    team: 'payments',
  };
  expect(first.lines[0]).toMatchObject({ ...about, level: 'info', message: 'request claimed', worker: 'dies' });
  expect(second.lines[0]).toMatchObject({
    ...about,
    message: 'request taken over from a worker whose lease ran out',
    worker: 'takes-over',
  });
  expect(second.lines).toContainEqual(
    expect.objectContaining({
      ...about,
      step: 'createCluster',
      awsOperation: 'ecs:CreateCluster',
      status: 'done',
      durationMs: expect.any(Number),
    }),
  );
  expect(second.lines.at(-1)).toMatchObject({ ...about, message: 'request succeeded', state: 'succeeded' });

  expect((await metrics.leasesTakenOver.get()).values[0]?.value).toBe(1);
  const steps = await metrics.registry.getSingleMetricAsString('ecs_portal_step_duration_seconds');
  expect(steps).toContain(
    'ecs_portal_step_duration_seconds_count{kind="create",action="ecs:CreateCluster",status="done"} 1',
  );
});
