import { apiPrincipal } from '@/lib/api/api-principal';
import { callerProblem } from '@/lib/api/http';
import { problem } from '@/lib/api/problem';
import { requestView } from '@/lib/api/request-view';
import { canSee } from '@/lib/auth/permissions';
import { journal as openJournal } from '@/lib/runtime';

/** GET: one request of the caller's teams: state, the request as submitted, plan, steps with times and errors. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const principal = await apiPrincipal(request, 'cluster-requests:read');
  if (typeof principal === 'string') return callerProblem(principal);
  const { id } = await params;
  const journal = await openJournal();
  const stored = await journal.find(id);
  // Another team's request is as absent as one that does not exist.
  if (!stored || !canSee(principal, stored.team)) {
    return problem(404, 'not-found', 'No such request', `There is no request ${id} you may see.`);
  }
  return Response.json(await requestView(stored, await journal.entries(id)), {
    headers: { 'cache-control': 'no-store' },
  });
}
