import { apiPrincipal } from '@/lib/api/api-principal';
import { clusterView } from '@/lib/api/cluster-view';
import { callerProblem } from '@/lib/api/http';
import { problem } from '@/lib/api/problem';
import { canSee, teamsInView } from '@/lib/auth/permissions';
import { clusterListPage } from '@/lib/aws/cluster-list';
import { withAwsDeadline } from '@/lib/aws/deadline';
import { clusterListParams, clusterListSearch } from '@/lib/cluster/cluster-list-paging';

/**
 * GET: the caller's teams' clusters (by their team tag; every one for an admin), 25 to a page in
 * name order, as the clusters page lists them: `search`, `order`, `inactive=1`, `team`, and
 * `next` / `previous` links.
 */
export async function GET(request: Request): Promise<Response> {
  const principal = await apiPrincipal(request, 'cluster-requests:read');
  if (typeof principal === 'string') return callerProblem(principal);
  const url = new URL(request.url);
  const asked = clusterListParams((name) => url.searchParams.get(name) ?? undefined);
  const teams = teamsInView(principal);
  const params = { ...asked, team: teams.find((team) => team === asked.team) };
  let page;
  try {
    page = await withAwsDeadline(() => clusterListPage((team) => canSee(principal, team), params));
  } catch {
    return problem(502, 'aws', 'AWS could not be asked', 'The clusters could not be listed. Try again.');
  }
  const link = (cursor: { after?: string; before?: string }) =>
    `/api/v1/clusters${clusterListSearch({ ...params, after: undefined, before: undefined, ...cursor })}`;
  return Response.json(
    {
      items: page.clusters.map(clusterView),
      next: page.next ? link({ after: page.next }) : null,
      previous: page.previous ? link({ before: page.previous }) : null,
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}
