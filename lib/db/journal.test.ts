import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, DatabaseSetupError } from './connect';
import {
  claimRequest,
  finishRequest,
  listRequests,
  journalOf,
  LeaseLostError,
  NameTakenError,
  recordStep,
  releaseRequest,
  renewLease,
  submitRequest,
  type NewRequest,
} from './journal';
import { ENGINES, type TestDatabase } from './test-engines';

const request = (id: string, clusterName = 'demo'): NewRequest => ({
  id,
  clusterName,
  account: '123456789012',
  region: 'us-east-1',
  request: { clusterName },
  plan: { steps: [] },
});

describe.each(ENGINES)('the request journal on %s', (_engine, fresh) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await fresh();
  });
  afterEach(() => test.drop());

  it('stores a request queued, with its plan, and returns the same request for the same id', async () => {
    const first = await submitRequest(test.db, request('r1'));
    expect(first).toMatchObject({ id: 'r1', state: 'queued', cluster_name: 'demo', fencing: 0 });
    expect(JSON.parse(first.plan)).toEqual({ steps: [] });
    expect(await submitRequest(test.db, request('r1'))).toEqual(first);
    const events = await test.db.selectFrom('audit_events').select('action').execute();
    expect(events.map((event) => event.action)).toEqual(['submitted']);
  });

  it('refuses a second unfinished request for the same cluster, and allows one once the first ended', async () => {
    await submitRequest(test.db, request('r1'));
    await expect(submitRequest(test.db, request('r2'))).rejects.toBeInstanceOf(NameTakenError);
    // Another Region or account is another cluster.
    await expect(submitRequest(test.db, { ...request('r3'), region: 'eu-west-1' })).resolves.toBeDefined();

    const claimed = await claimRequest(test.db, 'worker-a', 30_000);
    await finishRequest(test.db, claimed!.lease, 'failed');
    await expect(submitRequest(test.db, request('r4'))).resolves.toMatchObject({ state: 'queued' });
  });

  it('twenty concurrent submits of one name store exactly one', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => submitRequest(test.db, request(`race-${index}`))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(refusals.every((reason) => reason instanceof NameTakenError)).toBe(true);
  });

  it('gives each queued request to one worker, oldest first', async () => {
    await submitRequest(test.db, request('old', 'a'));
    await submitRequest(test.db, request('new', 'b'));
    const claims = await Promise.all([
      claimRequest(test.db, 'worker-a', 30_000),
      claimRequest(test.db, 'worker-b', 30_000),
      claimRequest(test.db, 'worker-c', 30_000),
    ]);
    const ids = claims.map((claim) => claim?.request.id).filter(Boolean);
    expect(ids.toSorted()).toEqual(['new', 'old']);
    expect(claims.filter((claim) => claim === undefined)).toHaveLength(1);
  });

  it('journals each step under the lease, and a worker whose lease was taken over can no longer write', async () => {
    await submitRequest(test.db, request('r1'));
    const first = (await claimRequest(test.db, 'worker-a', 30_000))!;
    await recordStep(test.db, first.lease, { stepIndex: 0, stepId: 'createCluster', status: 'running' });
    await recordStep(test.db, first.lease, {
      stepIndex: 0,
      stepId: 'createCluster',
      status: 'done',
      outputs: { arn: 'x' },
    });

    // worker-a stops renewing; its lease runs out and worker-b takes the request over.
    expect(await claimRequest(test.db, 'worker-b', 30_000)).toBeUndefined();
    await test.db.updateTable('requests').set({ lease_expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    const second = (await claimRequest(test.db, 'worker-b', 30_000))!;
    expect(second.lease.fencing).toBe(first.lease.fencing + 1);
    await expect(renewLease(test.db, first.lease, 30_000)).rejects.toBeInstanceOf(LeaseLostError);
    await expect(
      recordStep(test.db, first.lease, { stepIndex: 1, stepId: 'x', status: 'running' }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    await recordStep(test.db, second.lease, { stepIndex: 1, stepId: 'next', status: 'running' });

    const journal = await journalOf(test.db, 'r1');
    expect(journal.map((entry) => [entry.seq, entry.step_id, entry.status, entry.owner])).toEqual([
      [1, 'createCluster', 'running', 'worker-a'],
      [2, 'createCluster', 'done', 'worker-a'],
      [3, 'next', 'running', 'worker-b'],
    ]);
    expect(JSON.parse(journal[1]!.outputs!)).toEqual({ arn: 'x' });
  });

  it('a request handed back is claimed again at once', async () => {
    await submitRequest(test.db, request('r1'));
    const first = (await claimRequest(test.db, 'worker-a', 60_000))!;
    expect(await claimRequest(test.db, 'worker-b', 60_000)).toBeUndefined();
    await releaseRequest(test.db, first.lease);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await claimRequest(test.db, 'worker-b', 60_000))?.request.id).toBe('r1');
  });

  it('lists requests newest first, filtered, a page at a time', async () => {
    for (let index = 0; index < 5; index += 1) {
      await submitRequest(test.db, request(`r${index}`, index % 2 === 0 ? `web-${index}` : `batch-${index}`));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const first = await listRequests(test.db, { limit: 2 });
    expect(first.requests.map((row) => row.id)).toEqual(['r4', 'r3']);
    const second = await listRequests(test.db, { limit: 2, before: first.next });
    expect(second.requests.map((row) => row.id)).toEqual(['r2', 'r1']);
    const last = await listRequests(test.db, { limit: 2, before: second.next });
    expect(last).toEqual({ requests: [expect.objectContaining({ id: 'r0' })], next: undefined });

    expect((await listRequests(test.db, { limit: 10, cluster: 'web' })).requests.map((row) => row.id)).toEqual([
      'r4',
      'r2',
      'r0',
    ]);
    const claimed = await claimRequest(test.db, 'w', 30_000);
    await finishRequest(test.db, claimed!.lease, 'succeeded');
    expect((await listRequests(test.db, { limit: 10, state: 'succeeded' })).requests.map((row) => row.id)).toEqual([
      'r0',
    ]);
    // % and _ in the search are characters, not wildcards.
    expect((await listRequests(test.db, { limit: 10, cluster: '%' })).requests).toEqual([]);
    expect((await listRequests(test.db, { limit: 10, cluster: 'web_' })).requests).toEqual([]);
    expect((await listRequests(test.db, { limit: 10, cluster: 'web-' })).requests).toHaveLength(3);
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
