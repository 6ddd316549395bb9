import { apiCaller } from '@/lib/api/caller';
import { callerProblem } from '@/lib/api/http';
import { problem } from '@/lib/api/problem';
import { requestView } from '@/lib/api/request-view';
import { canSee } from '@/lib/auth/viewer';
import { database } from '@/lib/db';
import { findRequest, journalOf } from '@/lib/db/journal';

/** GET: one request of the caller's teams: state, the request as submitted, plan, steps with times and errors. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const caller = await apiCaller(request, 'cluster-requests:read');
  if (typeof caller === 'string') return callerProblem(caller);
  const { id } = await params;
  const db = await database();
  const stored = await findRequest(db, id);
  // Another team's request is as absent as one that does not exist.
  if (!stored || !canSee(caller.viewer, stored.team)) {
    return problem(404, 'not-found', 'No such request', `There is no request ${id} you may see.`);
  }
  return Response.json(await requestView(stored, await journalOf(db, id)), {
    headers: { 'cache-control': 'no-store' },
  });
}
