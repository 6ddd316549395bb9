import { describe, expect, it } from 'vitest';
import { nameOfArn, pageOfClusters, type ClusterPageQuery } from './cluster-list-paging';

const NAMES = Array.from({ length: 1000 }, (_, index) => `cluster-${String(index).padStart(4, '0')}`);
/** Every tenth cluster was deleted: ECS still describes it, as INACTIVE. */
const statusOf = (name: string) => (Number(name.slice(-4)) % 10 === 9 ? 'INACTIVE' : 'ACTIVE');
const active = (cluster: { status?: string }) => cluster.status === 'ACTIVE';

function fakeEcs() {
  const calls: string[][] = [];
  const describe = async (names: string[]) => {
    calls.push(names);
    return names.map((clusterName) => ({ clusterName, status: statusOf(clusterName) }));
  };
  return { calls, describe };
}

const page = (query: Partial<ClusterPageQuery>, ecs = fakeEcs()) =>
  pageOfClusters(NAMES.toReversed(), { order: 'asc', accept: active, ...query }, ecs.describe);
const names = (clusters: { clusterName?: string }[]) => clusters.map((cluster) => cluster.clusterName);

describe('pageOfClusters', () => {
  it('reads only the page shown: one DescribeClusters of 25 names when none is left out', async () => {
    const ecs = fakeEcs();
    const first = await page({ accept: () => true }, ecs);
    expect(names(first.clusters)).toEqual(NAMES.slice(0, 25));
    expect(ecs.calls).toEqual([NAMES.slice(0, 25)]);
    expect(first).toMatchObject({ next: 'cluster-0024' });
    expect(first.previous).toBeUndefined();
  });

  it('hides INACTIVE clusters, describing more names only to fill the page, at most 100 at a time', async () => {
    const ecs = fakeEcs();
    const first = await page({}, ecs);
    expect(first.clusters).toHaveLength(25);
    expect(first.clusters.every(active)).toBe(true);
    expect(names(first.clusters).slice(0, 9)).toEqual(NAMES.slice(0, 10).filter((name) => !name.endsWith('9')));
    expect(ecs.calls.map((call) => call.length)).toEqual([25, 100]);
  });

  it('walks every page forward and back again without repeating or skipping a cluster', async () => {
    const seen: string[] = [];
    const cursors: (string | undefined)[] = [];
    let after: string | undefined;
    do {
      const current = await page({ after });
      seen.push(...(names(current.clusters) as string[]));
      cursors.push(current.previous);
      after = current.next;
    } while (after);
    expect(seen).toEqual(NAMES.filter((name) => statusOf(name) === 'ACTIVE'));
    expect(seen).toHaveLength(900);

    // From the last page back: the page before the last page's first row.
    const last = cursors.at(-1);
    const back = await page({ before: last });
    expect(names(back.clusters)).toEqual(seen.slice(-50, -25));
  });

  it('searches by part of the name, any case, and sorts either way', async () => {
    const found = await page({ search: 'CLUSTER-01', order: 'desc', accept: () => true });
    expect(names(found.clusters)).toEqual(
      NAMES.filter((name) => name.startsWith('cluster-01'))
        .reverse()
        .slice(0, 25),
    );
    const next = await page({ search: 'cluster-01', order: 'desc', after: found.next, accept: () => true });
    expect(names(next.clusters)[0]).toBe('cluster-0174');
  });

  it('offers no next page after the last name, and says nothing of names that do not match', async () => {
    const only = await page({ search: 'cluster-0000' });
    expect(names(only.clusters)).toEqual(['cluster-0000']);
    expect(only.next).toBeUndefined();
    expect(only.previous).toBeUndefined();
  });

  it('reads a name from a ListClusters ARN', () => {
    expect(nameOfArn('arn:aws:ecs:us-east-1:123456789012:cluster/payments-api')).toBe('payments-api');
  });
});
