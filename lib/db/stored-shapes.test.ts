import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { performAwsCall } from '@/lib/aws/perform';
import { SINGLE_USER } from '@/lib/auth/principal';
import { runFrom } from '@/lib/provision/runs';
import { fillOutputs } from '@/lib/provision/step-results';
import { liveResources, type TestAccount, testAccount } from '@/lib/provision/test-account';
import { createWorker } from '@/lib/provision/worker';
import { createRequestService } from '@/lib/requests/service';
import { migrate, openDatabase } from './connect';
import { type Journal, journalStore } from './journal';
import { MIGRATIONS } from './migrations';
import type { Database } from './tables';

/**
 * Requests stored by an earlier version of the app, in the shape of their day (fixtures/plan-v1.json,
 * rows as that code wrote them): a succeeded EC2 create, an EC2 create whose worker died while it
 * created its Auto Scaling group, and a queued Fargate create. Today's code must resume, show and
 * tear them down.
 */
const FIXTURES = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'plan-v1.json'), 'utf8')) as {
  requests: Record<string, unknown>[];
  request_steps: Record<string, unknown>[];
};
const SUCCEEDED = '3b2e6c1a-8f4d-4c2b-9e1a-7d5f0c9b8a21';
const HALF_RUN = '9c7d2e4f-1a3b-4c5d-8e6f-0a1b2c3d4e5f';
const QUEUED = '5e8f1a2b-3c4d-4e5f-9a0b-1c2d3e4f5a6b';
const DELETE_ID = '0b7e3c1d-6a2f-4e8b-9c3d-5e6f7a8b9c0d';

const clock = { now: () => new Date('2026-12-08T12:00:00Z') };
let journal: Journal;
let account: TestAccount;

/** A database as the version of the fixtures left it (its migrations only), holding their rows, then migrated. */
async function databaseOfShape1(): Promise<Kysely<Database>> {
  const db = openDatabase(`file:${join(mkdtempSync(join(tmpdir(), 'shape-1-')), 'journal.db')}`);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  await migrator.migrateTo('0003-delete-requests');
  for (const row of FIXTURES.requests)
    await db
      .insertInto('requests')
      .values(row as never)
      .execute();
  for (const row of FIXTURES.request_steps)
    await db
      .insertInto('request_steps')
      .values(row as never)
      .execute();
  await migrate(db);
  return db;
}

/** The account holds what each stored request's done steps made (as its journal's outputs name them). */
async function accountAsTheJournalsLeftIt() {
  for (const id of [SUCCEEDED, HALF_RUN]) {
    const record = (await journal.find(id))!;
    const outputs: Record<string, string> = {};
    for (const entry of await journal.entries(id)) {
      if (entry.status !== 'done') continue;
      Object.assign(outputs, entry.outputs);
      // Both made ecsInstanceRole; the account holds one.
      await performAwsCall(fillOutputs(record.plan.steps[entry.stepIndex]!.call, outputs)).catch(() => undefined);
    }
    // The account's security group has the id the journal recorded.
    const groupId = outputs['createSecurityGroup.groupId'];
    const [made] = account.securityGroups.entries();
    if (groupId && made) {
      account.securityGroups.delete(made[0]);
      account.securityGroups.set(groupId, made[1]);
    }
  }
  account.calls.length = 0;
}

const worker = () => createWorker({ journal, owner: 'today', leaseMs: 30_000, concurrency: 1, longestIdleMs: 100 });
async function runEverything() {
  while (await worker().runNext());
}

beforeEach(async () => {
  vi.stubEnv('AWS_REGION', 'us-east-1');
  account = testAccount();
  journal = journalStore(await databaseOfShape1(), clock);
  await accountAsTheJournalsLeftIt();
});

describe('requests stored in shape 1', () => {
  it('are read as today’s records: their plans say they create, their journals decoded', async () => {
    const succeeded = (await journal.find(SUCCEEDED))!;
    expect(succeeded).toMatchObject({
      kind: 'create',
      planVersion: 1,
      state: 'succeeded',
      team: 'payments',
      requestedBy: 'alice@example.com',
      plan: { kind: 'create', clusterName: 'payments-legacy-ec2' },
      request: { clusterName: 'payments-legacy-ec2', infrastructure: { type: 'ec2NewGroup' } },
    });
    const run = runFrom(succeeded, await journal.entries(SUCCEEDED));
    expect(run.state).toBe('succeeded');
    expect(run.steps.every((step) => step.status === 'done')).toBe(true);
    expect(
      runFrom((await journal.find(HALF_RUN))!, await journal.entries(HALF_RUN)).steps.map((step) => step.status),
    ).toContain('running');
  });

  it('a queued create and a create whose worker died are finished by today’s worker, nothing made twice', async () => {
    await runEverything();
    expect((await journal.find(QUEUED))?.state).toBe('succeeded');
    expect((await journal.find(HALF_RUN))?.state).toBe('succeeded');
    expect(account.clusters.get('payments-queued')?.status).toBe('ACTIVE');
    // The half-run create went on from its Auto Scaling group: what it had made was not made again.
    expect(
      account.calls.filter((call) => call.startsWith('iam:Create') || call === 'ec2:CreateLaunchTemplate'),
    ).toEqual([]);
    expect(account.calls.filter((call) => call === 'autoscaling:CreateAutoScalingGroup')).toHaveLength(1);
    expect(account.clusters.get('payments-half-run')?.capacityProviders).toContainEqual(
      expect.stringMatching(/^cp-payments-half-run-/),
    );
  });

  it('a succeeded create is torn down by a delete that reads its plan and journal', async () => {
    await runEverything();
    const outcome = await createRequestService({ journal, wake: () => {} }).submit(SINGLE_USER, {
      kind: 'delete',
      clusterName: 'payments-legacy-ec2',
      requestId: DELETE_ID,
    });
    if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
    expect(outcome.request.plan.createdBy).toBe(SUCCEEDED);
    expect(outcome.request.plan.steps.map((step) => step.id)).toEqual([
      'removeCapacityProviders',
      'scaleGroupToZero',
      'deleteAutoScalingGroup',
      'waitForInstancesToLeave',
      'deleteCapacityProvider',
      'deleteLaunchTemplate',
      'deleteSecurityGroup',
      'deleteCluster',
    ]);
    // The instance profile's column says payments-half-run (a live cluster made here) uses the role too.
    expect(outcome.request.plan.keeps).toContainEqual({
      resource: 'instanceRole',
      name: 'ecsInstanceRole',
      reason: 'inUse',
      usedBy: ['payments-half-run'],
    });
    await runEverything();
    expect((await journal.find(DELETE_ID))?.state).toBe('succeeded');
    expect(account.clusters.get('payments-legacy-ec2')?.status).toBe('INACTIVE');
    expect(account.groups.has('ecs-payments-legacy-ec2-3b2e6c1a')).toBe(false);
    expect(account.securityGroups.has('sg-0123456789abcdef0')).toBe(false);
    // What is left is the other two clusters' own: the half-run's group, template and provider.
    expect(liveResources(account)).toMatchObject({ roles: 1, groups: 1, launchTemplates: 1, capacityProviders: 1 });
  });
});
