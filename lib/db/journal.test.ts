import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, DatabaseSetupError } from './connect';
import { aClusterRequest } from '@/lib/cluster/builders';
import { planCluster } from '@/lib/cluster/plan';
import { type Journal, journalStore, LeaseLostError, NameTakenError, type NewRequest } from './journal';
import { ENGINES, type TestDatabase } from './test-engines';

const request = (id: string, clusterName = 'demo'): NewRequest => {
  const asked = aClusterRequest({ clusterName, requestId: '0c4d8a0e-6d3f-4a51-9d7e-3f1b2c5a6e70' });
  return {
    id,
    kind: 'create',
    clusterName,
    account: '123456789012',
    region: 'us-east-1',
    request: asked,
    plan: planCluster(asked),
    requestedBy: null,
    team: null,
    policyVersion: null,
  };
};

describe.each(ENGINES)('the request journal on %s', (_engine, fresh) => {
  let test: TestDatabase;
  let journal: Journal;
  beforeEach(async () => {
    test = await fresh();
    journal = journalStore(test.db);
  });
  afterEach(() => test.drop());

  it('stores a request queued, with its plan, and returns the same request for the same id', async () => {
    const first = await journal.insert(request('r1'));
    expect(first).toMatchObject({ id: 'r1', kind: 'create', state: 'queued', clusterName: 'demo', planVersion: 2 });
    expect(first.plan).toEqual(request('r1').plan);
    expect(first.request).toEqual(request('r1').request);
    expect(await journal.insert(request('r1'))).toEqual(first);
    expect((await journal.auditTrail('r1')).map((event) => [event.action, event.kind])).toEqual([
      ['submitted', 'create'],
    ]);
  });

  it('refuses a second unfinished request for the same cluster, and allows one once the first ended', async () => {
    await journal.insert(request('r1'));
    await expect(journal.insert(request('r2'))).rejects.toBeInstanceOf(NameTakenError);
    // Another Region or account is another cluster.
    await expect(journal.insert({ ...request('r3'), region: 'eu-west-1' })).resolves.toBeDefined();

    const claimed = await journal.claim('worker-a', 30_000);
    await journal.finish(claimed!.lease, 'failed');
    await expect(journal.insert(request('r4'))).resolves.toMatchObject({ state: 'queued' });
  });

  it('twenty concurrent submits of one name store exactly one', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => journal.insert(request(`race-${index}`))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(refusals.every((reason) => reason instanceof NameTakenError)).toBe(true);
  });

  it('gives each queued request to one worker, oldest first', async () => {
    await journal.insert(request('old', 'a'));
    await journal.insert(request('new', 'b'));
    const claims = await Promise.all([
      journal.claim('worker-a', 30_000),
      journal.claim('worker-b', 30_000),
      journal.claim('worker-c', 30_000),
    ]);
    const ids = claims.map((claim) => claim?.request.id).filter(Boolean);
    expect(ids.toSorted()).toEqual(['new', 'old']);
    expect(claims.filter((claim) => claim === undefined)).toHaveLength(1);
  });

  it('journals each step under the lease, and a worker whose lease was taken over can no longer write', async () => {
    await journal.insert(request('r1'));
    const first = (await journal.claim('worker-a', 30_000))!;
    expect(first.takenOver).toBe(false);
    await journal.record(first.lease, { stepIndex: 0, stepId: 'createCluster', status: 'running' });
    await journal.record(first.lease, {
      stepIndex: 0,
      stepId: 'createCluster',
      status: 'done',
      outputs: { arn: 'x' },
    });

    // worker-a stops renewing; its lease runs out and worker-b takes the request over.
    expect(await journal.claim('worker-b', 30_000)).toBeUndefined();
    await test.db.updateTable('requests').set({ lease_expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    const second = (await journal.claim('worker-b', 30_000))!;
    expect(second.lease.fencing).toBe(first.lease.fencing + 1);
    expect(second.takenOver).toBe(true);
    await expect(journal.renew(first.lease, 30_000)).rejects.toBeInstanceOf(LeaseLostError);
    await expect(journal.record(first.lease, { stepIndex: 1, stepId: 'x', status: 'running' })).rejects.toBeInstanceOf(
      LeaseLostError,
    );
    await journal.record(second.lease, { stepIndex: 1, stepId: 'next', status: 'running' });

    const entries = await journal.entries('r1');
    expect(entries.map((entry) => [entry.seq, entry.stepId, entry.status, entry.owner])).toEqual([
      [1, 'createCluster', 'running', 'worker-a'],
      [2, 'createCluster', 'done', 'worker-a'],
      [3, 'next', 'running', 'worker-b'],
    ]);
    expect(entries[1]!.outputs).toEqual({ arn: 'x' });
  });

  it('counts the requests of each kind in each state, and says when the oldest queued one came', async () => {
    expect(await journal.queueSummary()).toEqual({ counts: [], oldestQueuedAt: undefined });
    await journal.insert(request('r1', 'a'));
    await journal.insert(request('r2', 'b'));
    await journal.insert({ ...request('r3', 'c'), kind: 'delete' });
    await journal.claim('worker-a', 30_000);

    const summary = await journal.queueSummary();
    expect(summary.counts.toSorted((x, y) => `${x.kind}${x.state}`.localeCompare(`${y.kind}${y.state}`))).toEqual([
      { kind: 'create', state: 'queued', count: 1 },
      { kind: 'create', state: 'running', count: 1 },
      { kind: 'delete', state: 'queued', count: 1 },
    ]);
    // r1 was claimed: the oldest still waiting is r2.
    expect(summary.oldestQueuedAt).toBe((await journal.find('r2'))!.createdAt);
  });

  it('lists the audit trail of every request newest first, filtered, a page at a time', async () => {
    const clock = { at: Date.parse('2026-12-08T10:00:00Z'), now: () => new Date(clock.at) };
    const ticking = journalStore(test.db, clock);
    const decide = (requestId: string, actor: string, team: string | null, action: 'allowed' | 'refused') => {
      clock.at += 1000;
      return ticking.audit({ requestId, kind: 'create', actor, team, action, policyVersion: 'v1' });
    };
    await decide('r1', 'alice@example.com', 'payments', 'allowed');
    clock.at += 1000;
    await ticking.insert({ ...request('r1', 'payments-a'), team: 'payments', requestedBy: 'alice@example.com' });
    await decide('r2', 'bob@example.com', 'search', 'refused');
    await decide('r3', 'client:demo-ci', 'payments', 'allowed');
    await decide('r4', 'someone', null, 'refused');

    const all = await ticking.auditEvents({ limit: 10 });
    expect(all.events.map((event) => [event.requestId, event.action, event.actor])).toEqual([
      ['r4', 'refused', 'someone'],
      ['r3', 'allowed', 'client:demo-ci'],
      ['r2', 'refused', 'bob@example.com'],
      ['r1', 'submitted', 'alice@example.com'],
      ['r1', 'allowed', 'alice@example.com'],
    ]);
    // The stored request's cluster; a refused request was never stored.
    expect(all.events.find((event) => event.action === 'submitted')?.clusterName).toBe('payments-a');
    expect(all.events[0]?.clusterName).toBeNull();

    // A team's people see their team's events only; none of another team's or of no team's.
    const payments = await ticking.auditEvents({ teams: ['payments'], limit: 10 });
    expect(payments.events.map((event) => event.requestId)).toEqual(['r3', 'r1', 'r1']);
    expect((await ticking.auditEvents({ teams: [], limit: 10 })).events).toEqual([]);

    // Each filter, and time as a half-open range.
    const ids = async (filter: Omit<Parameters<Journal['auditEvents']>[0], 'limit'>) =>
      (await ticking.auditEvents({ ...filter, limit: 10 })).events.map((event) => `${event.requestId} ${event.action}`);
    expect(await ids({ action: 'refused' })).toEqual(['r4 refused', 'r2 refused']);
    expect(await ids({ actor: 'client:demo-ci' })).toEqual(['r3 allowed']);
    expect(await ids({ team: 'search' })).toEqual(['r2 refused']);
    expect(await ids({ kind: 'delete' })).toEqual([]);
    const third = all.events[2]!.at;
    expect(await ids({ since: third, until: all.events[0]!.at })).toEqual(['r3 allowed', 'r2 refused']);

    // Keyset pages: two, then the rest, none repeated or skipped.
    const first = await ticking.auditEvents({ limit: 2 });
    const second = await ticking.auditEvents({ limit: 2, before: first.next });
    const rest = await ticking.auditEvents({ limit: 2, before: second.next });
    expect([...first.events, ...second.events, ...rest.events].map((event) => event.id)).toEqual(
      all.events.map((event) => event.id),
    );
    expect(rest.next).toBeUndefined();
  });

  it('a request handed back is claimed again at once', async () => {
    await journal.insert(request('r1'));
    const first = (await journal.claim('worker-a', 60_000))!;
    expect(await journal.claim('worker-b', 60_000)).toBeUndefined();
    await journal.release(first.lease);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await journal.claim('worker-b', 60_000))?.request.id).toBe('r1');
  });

  it('lists requests newest first, filtered, a page at a time', async () => {
    for (let index = 0; index < 5; index += 1) {
      await journal.insert(request(`r${index}`, index % 2 === 0 ? `web-${index}` : `batch-${index}`));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const first = await journal.list({ limit: 2 });
    expect(first.requests.map((row) => row.id)).toEqual(['r4', 'r3']);
    const second = await journal.list({ limit: 2, before: first.next });
    expect(second.requests.map((row) => row.id)).toEqual(['r2', 'r1']);
    const last = await journal.list({ limit: 2, before: second.next });
    expect(last).toEqual({ requests: [expect.objectContaining({ id: 'r0' })], next: undefined });

    expect((await journal.list({ limit: 10, cluster: 'web' })).requests.map((row) => row.id)).toEqual([
      'r4',
      'r2',
      'r0',
    ]);
    const claimed = await journal.claim('w', 30_000);
    await journal.finish(claimed!.lease, 'succeeded');
    expect((await journal.list({ limit: 10, state: 'succeeded' })).requests.map((row) => row.id)).toEqual(['r0']);
    // % and _ in the search are characters, not wildcards.
    expect((await journal.list({ limit: 10, cluster: '%' })).requests).toEqual([]);
    expect((await journal.list({ limit: 10, cluster: 'web_' })).requests).toEqual([]);
    expect((await journal.list({ limit: 10, cluster: 'web-' })).requests).toHaveLength(3);
  });

  it('migrating again changes nothing; a database from a newer version of the app is refused by name', async () => {
    await migrate(test.db);
    await test.db
      .insertInto('kysely_migration' as never)
      .values({ name: '9999-from-the-future', timestamp: new Date().toISOString() } as never)
      .execute();
    const again = openDatabase(test.url);
    await expect(migrate(again)).rejects.toEqual(new DatabaseSetupError('newerVersion', '9999-from-the-future'));
    await again.destroy();
  });
});
