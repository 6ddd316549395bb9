import { apiCaller } from '@/lib/api/caller';
import { callerProblem, readJsonBody } from '@/lib/api/http';
import { englishText, problem } from '@/lib/api/problem';
import { requestView } from '@/lib/api/request-view';
import { IDEMPOTENCY_KEY } from '@/lib/api/idempotency';
import { unknownFields } from '@/lib/api/unknown-fields';
import { clusterRequestSchema } from '@/lib/cluster/request';
import { database } from '@/lib/db';
import { findRequest, listRequests, type StoredRequest } from '@/lib/db/journal';
import { canSee } from '@/lib/auth/viewer';
import { REQUEST_STATES } from '@/lib/db/schema';
import { authorizeRequest } from '@/lib/provision/authorize-request';
import { CheckFailedError } from '@/lib/provision/check-ec2';
import { provisionCluster } from '@/lib/provision/create-cluster';
import { describeAwsError } from '@/lib/aws/errors';
import type { ValidationMessageKey } from '@/lib/i18n/messages';
import { messageOfField } from '@/lib/cluster/form-state';

const PAGE_SIZE = 25;

/**
 * POST: submit a ClusterRequest (JSON, numbers as numbers) for a team; the Idempotency-Key header
 * is the request id. The same pipeline as the form: parse → authorize → plan and store; the
 * worker creates it. 202 with the stored request and its Location.
 */
export async function POST(request: Request): Promise<Response> {
  const caller = await apiCaller(request, 'cluster-requests:write');
  if (typeof caller === 'string') return callerProblem(caller);
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

  const parsed = clusterRequestSchema.safeParse({ ...body, requestId: key });
  if (!parsed.success) {
    const violations = await Promise.all(
      parsed.error.issues.map(async (issue) => ({
        path: issue.path.join('.'),
        rule: 'schema',
        message: issue.message.startsWith('validation.')
          ? await englishText({ key: issue.message as ValidationMessageKey })
          : issue.message,
      })),
    );
    return problem(422, 'validation', 'The request is not valid', undefined, { violations });
  }
  const unknown = unknownFields({ ...body, requestId: key }, parsed.data);
  if (unknown.length > 0) {
    return problem(422, 'validation', 'The request has fields this API does not know', undefined, {
      violations: unknown.map((path) => ({
        path,
        rule: 'unknownField',
        message: 'This field is not part of a ClusterRequest.',
      })),
    });
  }

  // The same key again (a retried call): the request it made, decided then.
  const earlier = await findRequest(await database(), key);
  if (earlier) {
    if (!canSee(caller.viewer, earlier.team))
      return problem(409, 'conflict', 'This Idempotency-Key is taken', 'Use a new UUID for a new request.');
    if (earlier.request !== JSON.stringify(parsed.data)) {
      return problem(
        422,
        'validation',
        'This Idempotency-Key named another request',
        await englishText({ key: 'request.reused', params: { name: earlier.cluster_name } }),
      );
    }
    return accepted(earlier);
  }

  let authorization;
  try {
    authorization = await authorizeRequest(caller.viewer, parsed.data);
  } catch (error) {
    if (!(error instanceof CheckFailedError)) throw error;
    return problem(
      502,
      'aws',
      'AWS could not be asked',
      await englishText(describeAwsError(error.cause, error.permission)),
    );
  }
  if (!authorization.ok) {
    const violations = await Promise.all(
      authorization.violations.map(async ({ path, rule, message }) => ({
        path: path.join('.'),
        rule,
        message: await englishText(message),
      })),
    );
    return authorization.violations.some((violation) => violation.rule === 'team')
      ? problem(403, 'team', 'Not your team', 'The caller may not create clusters for this team.', { violations })
      : problem(422, 'policy', 'The team’s rules refuse this request', undefined, { violations });
  }

  const outcome = await provisionCluster(authorization.request, authorization.requester);
  if (!outcome.ok) {
    if (outcome.formError)
      return problem(
        503,
        'unavailable',
        'The request could not be stored',
        await englishText(outcome.formError.message),
      );
    const violations = await Promise.all(
      Object.entries(outcome.fieldErrors).map(async ([path, message]) => ({
        path,
        rule: 'aws',
        message: await englishText(messageOfField(message)!),
      })),
    );
    return outcome.fieldErrors.clusterName === 'validation.clusterName.beingCreated'
      ? problem(409, 'conflict', 'A request for this cluster is unfinished', violations[0]?.message, { violations })
      : problem(422, 'aws', 'AWS refuses this request', undefined, { violations });
  }
  return accepted((await findRequest(await database(), outcome.requestId))!);
}

async function accepted(stored: StoredRequest): Promise<Response> {
  return Response.json(await requestView(stored), {
    status: 202,
    headers: { location: `/api/v1/cluster-requests/${stored.id}`, 'cache-control': 'no-store' },
  });
}

/** GET: the caller's teams' requests, newest first; filter by state and cluster; keyset pages with a `next` link. */
export async function GET(request: Request): Promise<Response> {
  const caller = await apiCaller(request, 'cluster-requests:read');
  if (typeof caller === 'string') return callerProblem(caller);
  const url = new URL(request.url);
  const state = REQUEST_STATES.find((known) => known === url.searchParams.get('state'));
  const cluster = url.searchParams.get('cluster')?.slice(0, 255) || undefined;
  const [createdAt, id] = url.searchParams.get('before')?.split('|') ?? [];
  const { scope } = caller.viewer;
  const page = await listRequests(await database(), {
    state,
    cluster,
    teams: scope === 'everything' ? undefined : scope,
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
