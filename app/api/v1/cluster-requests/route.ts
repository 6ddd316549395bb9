import { apiPrincipal } from '@/lib/api/api-principal';
import { callerProblem, readJsonBody } from '@/lib/api/http';
import { problem } from '@/lib/api/problem';
import { refusalProblem } from '@/lib/api/refusal-problems';
import { requestView } from '@/lib/api/request-view';
import { IDEMPOTENCY_KEY } from '@/lib/api/idempotency';
import { unknownFields } from '@/lib/api/unknown-fields';
import { visibleTeams } from '@/lib/auth/permissions';
import { clusterRequestSchema } from '@/lib/cluster/request';
import { type RequestRecord, REQUEST_STATES } from '@/lib/db/records';
import { journal, requestService } from '@/lib/runtime';

const PAGE_SIZE = 25;

/**
 * POST: submit a ClusterRequest (JSON, numbers as numbers) for a team; the Idempotency-Key header
 * is the request id. The same request service as the form: parse → authorize → plan and store; the
 * worker creates it. 202 with the stored request and its Location.
 */
export async function POST(request: Request): Promise<Response> {
  const principal = await apiPrincipal(request, 'cluster-requests:write');
  if (typeof principal === 'string') return callerProblem(principal);
  const body = await readJsonBody(request);
  if (body instanceof Response) return body;
  const key = request.headers.get('idempotency-key')?.trim() ?? '';
  if (!IDEMPOTENCY_KEY.test(key)) {
    return problem(
      400,
      'idempotency-key',
      'Idempotency-Key required',
      'Send a new UUID as the Idempotency-Key header: it becomes the request id, and the same key again returns the same request.',
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || 'requestId' in body) {
    return problem(
      422,
      'validation',
      'The request is not a ClusterRequest',
      'Send one JSON object, as the OpenAPI document describes; the request id comes from the Idempotency-Key header.',
    );
  }
  const submitted = { ...body, requestId: key };
  // zod drops fields it does not know; the API refuses them, so a misspelt setting is never ignored.
  const parsed = clusterRequestSchema.safeParse(submitted);
  const unknown = parsed.success ? unknownFields(submitted, parsed.data) : [];
  if (unknown.length > 0) {
    return problem(422, 'validation', 'The request has fields this API does not know', undefined, {
      violations: unknown.map((path) => ({
        path,
        rule: 'unknownField',
        message: 'This field is not part of a ClusterRequest.',
      })),
    });
  }
  const outcome = await requestService().submit(principal, { kind: 'create', request: submitted });
  return outcome.ok ? accepted(outcome.request) : refusalProblem(outcome);
}

async function accepted(stored: RequestRecord): Promise<Response> {
  return Response.json(await requestView(stored), {
    status: 202,
    headers: { location: `/api/v1/cluster-requests/${stored.id}`, 'cache-control': 'no-store' },
  });
}

/** GET: the caller's teams' requests, newest first; filter by state and cluster; keyset pages with a `next` link. */
export async function GET(request: Request): Promise<Response> {
  const principal = await apiPrincipal(request, 'cluster-requests:read');
  if (typeof principal === 'string') return callerProblem(principal);
  const url = new URL(request.url);
  const state = REQUEST_STATES.find((known) => known === url.searchParams.get('state'));
  const cluster = url.searchParams.get('cluster')?.slice(0, 255) || undefined;
  const [createdAt, id] = url.searchParams.get('before')?.split('|') ?? [];
  const teams = visibleTeams(principal);
  const page = await (
    await journal()
  ).list({
    state,
    cluster,
    teams: teams === 'all' ? undefined : teams,
    before: createdAt && id ? { createdAt, id } : undefined,
    limit: PAGE_SIZE,
  });
  const next =
    page.next &&
    new URLSearchParams({
      ...(state && { state }),
      ...(cluster && { cluster }),
      before: `${page.next.createdAt}|${page.next.id}`,
    });
  return Response.json(
    {
      items: await Promise.all(page.requests.map((stored) => requestView(stored))),
      next: next ? `/api/v1/cluster-requests?${next}` : null,
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}
