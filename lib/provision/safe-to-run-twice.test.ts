import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SINGLE_USER } from '@/lib/auth/principal';
import { anEc2Request } from '@/lib/cluster/builders';
import { planCluster } from '@/lib/cluster/plan';
import { migrate, openDatabase } from '@/lib/db/connect';
import { type Journal, journalStore } from '@/lib/db/journal';
import { createRequestService } from '@/lib/requests/service';
import { liveResources, type TestAccount, testAccount } from './test-account';
import { createWorker } from './worker';

/**
 * Every step of the EC2 create plan and of the teardown plan is safe to run twice: a process that
 * dies after a step's AWS call but before the journal records it leaves the step "running"; the
 * worker that takes the request over runs it again, and must recognise what the first call did.
 */

const LEASE_MS = 30_000;
const clock = { at: Date.parse('2026-12-08T10:00:00Z'), now: () => new Date(clock.at) };

/** A create with everything the plan can make: the instance role and profile, a security group with rules. */
const request = anEc2Request({
  instanceProfile: undefined,
  securityGroup: {
    type: 'new',
    name: 'demo-instances',
    inboundRules: [
      { type: 'ssh', cidr: '10.0.0.0/16' },
      { type: 'https', cidr: '0.0.0.0/0' },
    ],
  },
});
const createPlan = planCluster(request);

let account: TestAccount;
let journal: Journal;

/** The journal as a process sees it that dies once the step's AWS call is made, before it is recorded done. */
function dyingAfter(stepIndex: number): Journal {
  return {
    ...journal,
    async record(lease, entry) {
      if (entry.stepIndex === stepIndex && entry.status === 'done') throw new Error('the process died');
      return journal.record(lease, entry);
    },
  };
}

const worker = (on: Journal, owner: string) =>
  createWorker({ journal: on, owner, leaseMs: LEASE_MS, concurrency: 1, longestIdleMs: 100 });

/** Runs the next request in a process that dies after the step, then, once its lease ran out, in another. */
async function crashThenResume(stepIndex: number) {
  await worker(dyingAfter(stepIndex), 'dies').runNext();
  clock.at += LEASE_MS + 1000;
  expect(await worker(journal, 'takes-over').runNext()).toBe(true);
}

async function statusesOf(requestId: string) {
  return new Set((await journal.entries(requestId)).map((entry) => entry.status));
}

beforeEach(async () => {
  const db = openDatabase(`file:${join(mkdtempSync(join(tmpdir(), 'twice-')), 'journal.db')}`);
  await migrate(db);
  journal = journalStore(db, clock);
  account = testAccount();
  vi.stubEnv('AWS_REGION', 'us-east-1');
});

const submitCreate = () =>
  journal.insert({
    id: request.requestId,
    kind: 'create',
    clusterName: request.clusterName,
    account: '111122223333',
    region: 'us-east-1',
    request,
    plan: createPlan,
    requestedBy: null,
    team: null,
    policyVersion: null,
  });

/** What the create makes: one of each, the profile holding its role, the group its two rules. */
const CREATED = {
  roles: 1,
  profiles: [1],
  securityGroups: [2],
  launchTemplates: 1,
  groups: 1,
  capacityProviders: 1,
  clusters: 1,
};

describe('each step of the EC2 create, run again after a crash', () => {
  it.each(createPlan.steps.map((step, index) => [step.id, index] as const))(
    '%s: the request completes, one of each resource, nothing rolled back',
    async (_id, index) => {
      await submitCreate();
      await crashThenResume(index);
      expect((await journal.find(request.requestId))?.state).toBe('succeeded');
      expect(await statusesOf(request.requestId)).not.toContain('rolledBack');
      expect(liveResources(account)).toEqual(CREATED);
      expect(account.clusters.get('demo')?.capacityProviders).toEqual([
        'FARGATE',
        'FARGATE_SPOT',
        expect.stringMatching(/^cp-demo-/),
      ]);
    },
  );
});

describe('each step of the teardown, run again after a crash', () => {
  const DELETE_ID = '0b7e3c1d-6a2f-4e8b-9c3d-5e6f7a8b9c0d';
  const submitDelete = async () => {
    await submitCreate();
    await worker(journal, 'creates').runNext();
    const outcome = await createRequestService({ journal, wake: () => {} }).submit(SINGLE_USER, {
      kind: 'delete',
      clusterName: 'demo',
      requestId: DELETE_ID,
    });
    if (!outcome.ok) throw new Error(`the delete was refused: ${outcome.reason}`);
    return outcome.request.plan;
  };

  it('plans every resource the create made', async () => {
    const plan = await submitDelete();
    expect(plan.steps.map((step) => step.id)).toEqual([
      'removeCapacityProviders',
      'scaleGroupToZero',
      'deleteAutoScalingGroup',
      'waitForInstancesToLeave',
      'deleteCapacityProvider',
      'deleteLaunchTemplate',
      'deleteSecurityGroup',
      'removeRoleFromInstanceProfile',
      'deleteInstanceProfile',
      'detachInstanceRolePolicy',
      'deleteInstanceRole',
      'deleteCluster',
    ]);
  });

  // The teardown's steps, in the order submitDelete's plan has them (the test above holds it).
  it.each([...Array(12).keys()])('step %i: the delete completes and nothing of the cluster is left', async (index) => {
    await submitDelete();
    await crashThenResume(index);
    expect((await journal.find(DELETE_ID))?.state).toBe('succeeded');
    expect(liveResources(account)).toEqual({
      roles: 0,
      profiles: [],
      securityGroups: [],
      launchTemplates: 0,
      groups: 0,
      capacityProviders: 0,
      clusters: 0,
    });
  });
});
