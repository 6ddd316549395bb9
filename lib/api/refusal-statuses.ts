import type { RefusalReason } from '@/lib/requests/outcome';

/**
 * The HTTP answer to each reason the request service refuses for: the one table the API maps
 * refusals with, and the docs page and the OpenAPI document read.
 */
export const REFUSAL_PROBLEMS: Record<RefusalReason, { status: number; type: string; title: string }> = {
  invalid: { status: 422, type: 'validation', title: 'The request is not valid' },
  team: { status: 403, type: 'team', title: 'Not your team' },
  policy: { status: 422, type: 'policy', title: 'The team’s rules refuse this request' },
  forbidden: { status: 403, type: 'forbidden', title: 'Not allowed by the team’s rules' },
  notFound: { status: 404, type: 'not-found', title: 'No such cluster' },
  nameTaken: { status: 409, type: 'name-taken', title: 'An active cluster has this name' },
  unfinished: { status: 409, type: 'conflict', title: 'A request for this cluster is unfinished' },
  inUse: { status: 409, type: 'in-use', title: 'The cluster is in use' },
  planChanged: { status: 409, type: 'plan-changed', title: 'The plan changed since it was shown' },
  requestIdReused: { status: 422, type: 'idempotency-key', title: 'This Idempotency-Key named another request' },
  awsUnavailable: { status: 502, type: 'aws', title: 'AWS could not be asked' },
  storeUnavailable: { status: 503, type: 'unavailable', title: 'The request journal cannot be used' },
};
