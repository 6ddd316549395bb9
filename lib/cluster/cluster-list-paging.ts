/**
 * One page of the clusters list, read the way ECS allows: ListClusters gives every name cheaply,
 * DescribeClusters gives the details 100 names at a time. The names are searched and sorted here;
 * only the names around the page shown are described. Pages are keyset pages (after / before a
 * name), so a cluster created or deleted meanwhile neither repeats nor skips a row. Pure apart
 * from `describe`, so the paging is tested on any number of names.
 */

export const CLUSTER_PAGE_SIZE = 25;
/** DescribeClusters takes at most 100 names. */
const DESCRIBE_LIMIT = 100;

export interface ClusterPageQuery {
  /** Part of the name, any case. */
  search?: string;
  order: 'asc' | 'desc';
  /** The page after this name, or the page before that one (in the order shown). */
  after?: string;
  before?: string;
  /** Which described clusters belong on the page (status, team). */
  accept: (cluster: { clusterName?: string; status?: string }) => boolean;
  pageSize?: number;
}

export interface ClusterPage<C> {
  clusters: C[];
  /** Cursors for the neighbouring pages, when there are names beyond this page. */
  next?: string;
  previous?: string;
}

/** Every cluster name in ListClusters' ARNs (arn:…:cluster/NAME). */
export const nameOfArn = (arn: string) => arn.slice(arn.indexOf(':cluster/') + ':cluster/'.length);

export async function pageOfClusters<C extends { clusterName?: string; status?: string }>(
  names: readonly string[],
  query: ClusterPageQuery,
  describe: (names: string[]) => Promise<C[]>,
): Promise<ClusterPage<C>> {
  const size = query.pageSize ?? CLUSTER_PAGE_SIZE;
  const search = query.search?.trim().toLowerCase();
  const ordered = names
    .filter((name) => !search || name.toLowerCase().includes(search))
    // Code-point order, the same everywhere, so a cursor means one place in the list.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (query.order === 'desc') ordered.reverse();
  const comesBefore = (a: string, b: string) => (query.order === 'asc' ? a < b : a > b);

  // Walking back from `before`: the same walk over the reversed list, then put back in order.
  const backwards = query.before !== undefined && query.after === undefined;
  const walk = backwards
    ? ordered.filter((name) => comesBefore(name, query.before!)).reverse()
    : ordered.filter((name) => query.after === undefined || comesBefore(query.after, name));

  const shown: C[] = [];
  let examined = 0;
  // Whether the walk goes on past this page: a described cluster left over that belongs, or names not yet described.
  let more = false;
  while (shown.length < size && examined < walk.length) {
    // The first call describes just the page; later ones, when some were left out, up to 100.
    const take = examined === 0 ? size : DESCRIBE_LIMIT;
    const batch = walk.slice(examined, examined + take);
    examined += batch.length;
    const byName = new Map((await describe(batch)).map((cluster) => [cluster.clusterName, cluster]));
    for (const name of batch) {
      const cluster = byName.get(name);
      if (!cluster || !query.accept(cluster)) continue;
      if (shown.length < size) shown.push(cluster);
      else more = true;
    }
  }
  more ||= examined < walk.length;
  if (backwards) shown.reverse();

  const first = shown[0]?.clusterName;
  const last = shown.at(-1)?.clusterName;
  const beyond = (name: string | undefined) => name !== undefined && ordered.some((other) => comesBefore(name, other));
  const behind = (name: string | undefined) => name !== undefined && ordered.some((other) => comesBefore(other, name));
  const next = backwards ? beyond(last) : more;
  const previous = backwards ? more : behind(first);
  return {
    clusters: shown,
    ...(next && { next: last }),
    ...(previous && { previous: first }),
  };
}

/** The list's own query parameters, as the page and the API read them from the URL. */
export interface ClusterListParams {
  search?: string;
  order: 'asc' | 'desc';
  after?: string;
  before?: string;
  /** Show INACTIVE clusters too. */
  inactive: boolean;
  team?: string;
}

export function clusterListParams(read: (name: string) => string | undefined): ClusterListParams {
  const text = (name: string) => read(name)?.trim().slice(0, 255) || undefined;
  return {
    search: text('search'),
    order: read('order') === 'desc' ? 'desc' : 'asc',
    after: text('after'),
    before: text('before'),
    inactive: read('inactive') === '1',
    team: text('team'),
  };
}

/** The URL query of a list with these parameters (the defaults left out). */
export function clusterListSearch(params: Partial<ClusterListParams>): string {
  const query = new URLSearchParams();
  if (params.search) query.set('search', params.search);
  if (params.order === 'desc') query.set('order', 'desc');
  if (params.inactive) query.set('inactive', '1');
  if (params.team) query.set('team', params.team);
  if (params.after) query.set('after', params.after);
  if (params.before) query.set('before', params.before);
  const text = query.toString();
  return text ? `?${text}` : '';
}
