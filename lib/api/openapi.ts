import { toJSONSchema } from 'zod/mini';
import { clusterRequestSchema } from '@/lib/cluster/request';
import { AUDIT_ACTIONS, REQUEST_KINDS, REQUEST_STATES } from '@/lib/db/records';
import { REFUSAL_PROBLEMS } from './refusal-statuses';
import { API_SCOPES } from './scopes';

/** The body of POST /cluster-requests: a ClusterRequest whose id is the Idempotency-Key header. */
function clusterRequestBody() {
  const schema = toJSONSchema(clusterRequestSchema, { io: 'input' }) as {
    properties: Record<string, unknown>;
    required: string[];
    $schema?: string;
  };
  const { requestId: _fromTheHeader, ...properties } = schema.properties;
  const { $schema: _documentLevel, ...rest } = schema;
  return {
    ...rest,
    properties,
    required: schema.required.filter((name) => name !== 'requestId'),
    additionalProperties: false,
  };
}

const problem = {
  type: 'object',
  description: 'RFC 9457 problem details, with every violation of a validation or policy refusal.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    services: { type: 'integer', description: 'A cluster in use: how many services it has' },
    tasks: { type: 'integer', description: 'A cluster in use: how many tasks run or are about to' },
    violations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'rule', 'message'],
        properties: { path: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const nullableString = { type: ['string', 'null'] };

const auditEvent = {
  type: 'object',
  required: [
    'id',
    'at',
    'requestId',
    'clusterName',
    'kind',
    'actor',
    'team',
    'decision',
    'policyVersion',
    'violations',
    'worker',
    'links',
  ],
  properties: {
    id: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    requestId: { type: 'string' },
    clusterName: { ...nullableString, description: 'null for a refused request, which is never stored' },
    kind: { enum: [...REQUEST_KINDS, null] },
    actor: { ...nullableString, description: 'A person’s email, `client:<id>`, or the worker that acted' },
    team: nullableString,
    decision: { enum: [...AUDIT_ACTIONS] },
    policyVersion: nullableString,
    violations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'rule', 'message'],
        properties: { path: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
      },
    },
    worker: nullableString,
    links: { type: 'object', required: ['request'], properties: { request: { type: 'string' } } },
  },
};
const requestSummary = {
  type: 'object',
  required: [
    'id',
    'kind',
    'clusterName',
    'team',
    'requestedBy',
    'policyVersion',
    'state',
    'createdAt',
    'updatedAt',
    'links',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    kind: { enum: [...REQUEST_KINDS], description: 'Whether it creates the cluster or deletes it' },
    clusterName: { type: 'string' },
    team: nullableString,
    requestedBy: nullableString,
    policyVersion: nullableString,
    state: { enum: [...REQUEST_STATES] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    links: { type: 'object', required: ['self'], properties: { self: { type: 'string' } } },
  },
};
const requestDetail = {
  allOf: [
    { $ref: '#/components/schemas/RequestSummary' },
    {
      type: 'object',
      required: ['request', 'plan', 'steps', 'failure'],
      properties: {
        request: { type: 'object', description: 'The ClusterRequest as stored, with its requestId.' },
        plan: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'action'],
            properties: { id: { type: 'string' }, action: { type: 'string' } },
          },
        },
        steps: {
          type: 'array',
          description: 'The journal: each status change of each step, oldest first.',
          items: {
            type: 'object',
            required: ['step', 'status', 'at', 'outputs', 'error'],
            properties: {
              step: { type: 'string' },
              status: { type: 'string' },
              at: { type: 'string', format: 'date-time' },
              outputs: {},
              error: {
                type: ['object', 'null'],
                properties: { message: { type: 'string' }, awsRequestId: nullableString },
              },
            },
          },
        },
        failure: {
          type: ['object', 'null'],
          properties: {
            step: { type: 'string' },
            message: { type: 'string' },
            mayRemain: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  ],
};

const count = { type: 'integer', minimum: 0 };
const cluster = {
  type: 'object',
  required: [
    'name',
    'arn',
    'status',
    'team',
    'capacityProviders',
    'activeServices',
    'runningTasks',
    'pendingTasks',
    'containerInstances',
    'containerInsights',
    'links',
  ],
  properties: {
    name: { type: 'string' },
    arn: { type: 'string' },
    status: { type: 'string' },
    team: nullableString,
    capacityProviders: { type: 'array', items: { type: 'string' } },
    activeServices: count,
    runningTasks: count,
    pendingTasks: count,
    containerInstances: count,
    containerInsights: { ...nullableString, description: 'Its own setting; null when the account’s default applies' },
    links: {
      type: 'object',
      required: ['self', 'request'],
      properties: {
        self: { type: 'string' },
        request: { ...nullableString, description: 'The request that created it here' },
      },
    },
  },
};

const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: problemDescription(status),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
/** What each status means where the API answers it before the request service: the caller, the body. */
const DOOR_PROBLEMS: Record<number, string> = {
  400: 'The body is not JSON, or the Idempotency-Key header is missing or not a UUID',
  401: 'No valid access token (or, for reads, no signed-in session)',
  403: 'The token lacks the scope this operation needs',
  413: 'The body is over 64 KiB',
  415: 'The body is not application/json',
  422: 'The body is not one ClusterRequest object, or has fields a ClusterRequest does not know',
  503: 'The identity provider could not be reached to check the token',
};

/** A status's description: what the door answers with it, then each refusal of the request service it stands for. */
function problemDescription(status: number): string {
  const refusals = Object.values(REFUSAL_PROBLEMS)
    .filter((refusal) => refusal.status === status)
    .map((refusal) => `${refusal.title} (problem-${refusal.type})`);
  return [DOOR_PROBLEMS[status], ...refusals].filter(Boolean).join('; ');
}

/**
 * The HTTP API's OpenAPI 3.1 document, generated from the same zod schema the form and the server
 * validate with. Served at /api/v1/openapi.json; a copy is kept in docs/openapi.json, and a test
 * fails when the two differ, so every change to the API shows in review.
 */
export function openApiDocument() {
  const scopes = Object.fromEntries(API_SCOPES.map((scope) => [scope, SCOPE_DESCRIPTIONS[scope]]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Amazon ECS Create cluster portal API',
      version: '1',
      description:
        'Create clusters through the same pipeline as the Create cluster page: parse, authorize under the team’s rules, plan, and run by the provisioning worker.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ accessToken: [] }],
    paths: {
      '/cluster-requests': {
        post: {
          operationId: 'submitClusterRequest',
          summary: 'Submit a request to create a cluster',
          security: [{ accessToken: ['cluster-requests:write'] }],
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              description: 'A new UUID: the request id. The same key again answers the same request.',
              schema: { type: 'string', format: 'uuid' },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ClusterRequest' } } },
          },
          responses: {
            '202': {
              description: 'Stored; the worker creates the cluster. Follow Location for its progress.',
              headers: { Location: { schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestSummary' } } },
            },
            ...problems(400, 401, 403, 409, 413, 415, 422, 502, 503),
          },
        },
        get: {
          operationId: 'listClusterRequests',
          summary: 'The caller’s teams’ requests, newest first',
          security: [{ accessToken: ['cluster-requests:read'] }, { session: [] }],
          parameters: [
            { name: 'state', in: 'query', schema: { enum: [...REQUEST_STATES] } },
            { name: 'cluster', in: 'query', description: 'Part of the cluster name', schema: { type: 'string' } },
            { name: 'before', in: 'query', description: 'The `next` link’s cursor', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'A page of requests, and the link to the next one',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['items', 'next'],
                    properties: {
                      items: { type: 'array', items: { $ref: '#/components/schemas/RequestSummary' } },
                      next: nullableString,
                    },
                  },
                },
              },
            },
            ...problems(401, 403, 503),
          },
        },
      },
      '/cluster-requests/{id}': {
        get: {
          operationId: 'getClusterRequest',
          summary: 'One request: state, plan, and every step with its times and errors',
          security: [{ accessToken: ['cluster-requests:read'] }, { session: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The request',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestDetail' } } },
            },
            ...problems(401, 403, 404, 503),
          },
        },
      },
      '/audit-events': {
        get: {
          operationId: 'listAuditEvents',
          summary: 'The audit trail of the caller’s teams (every team’s for an admin), newest first',
          description:
            'Every decision (allowed, refused) and act (submitted, claimed, reclaimed, succeeded, failed, rolledBack) on a request. JSON a page at a time; with `format=csv` or `format=jsonl` (or `Accept: text/csv` / `application/jsonl`) every matching event, streamed.',
          security: [{ accessToken: ['audit:read'] }, { session: [] }],
          parameters: [
            { name: 'team', in: 'query', schema: { type: 'string' } },
            {
              name: 'actor',
              in: 'query',
              description: 'A person’s email or `client:<id>`',
              schema: { type: 'string' },
            },
            { name: 'decision', in: 'query', schema: { enum: [...AUDIT_ACTIONS] } },
            { name: 'kind', in: 'query', schema: { enum: [...REQUEST_KINDS] } },
            {
              name: 'since',
              in: 'query',
              description: 'ISO 8601 date or time, inclusive (UTC without a zone)',
              schema: { type: 'string' },
            },
            {
              name: 'until',
              in: 'query',
              description: 'ISO 8601 time, exclusive; a date alone includes that whole day',
              schema: { type: 'string' },
            },
            { name: 'format', in: 'query', schema: { enum: ['csv', 'jsonl'] } },
            { name: 'before', in: 'query', description: 'The `next` link’s cursor', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'A page of events and the link to the next one; or every event as CSV or JSON Lines',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['items', 'next'],
                    properties: {
                      items: { type: 'array', items: { $ref: '#/components/schemas/AuditEvent' } },
                      next: nullableString,
                    },
                  },
                },
                'text/csv': { schema: { type: 'string' } },
                'application/jsonl': { schema: { $ref: '#/components/schemas/AuditEvent' } },
              },
            },
            ...problems(400, 401, 403, 503),
          },
        },
      },
      '/clusters': {
        get: {
          operationId: 'listClusters',
          summary: 'The clusters of the caller’s teams (by their team tag), 25 to a page in name order',
          security: [{ accessToken: ['cluster-requests:read'] }, { session: [] }],
          parameters: [
            { name: 'search', in: 'query', description: 'Part of the name, any case', schema: { type: 'string' } },
            { name: 'order', in: 'query', schema: { enum: ['asc', 'desc'], default: 'asc' } },
            { name: 'inactive', in: 'query', description: '1: INACTIVE clusters too', schema: { enum: ['1'] } },
            { name: 'team', in: 'query', description: 'Only this team’s', schema: { type: 'string' } },
            { name: 'after', in: 'query', description: 'The `next` link’s cursor', schema: { type: 'string' } },
            { name: 'before', in: 'query', description: 'The `previous` link’s cursor', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'A page of clusters, and the links to the pages beside it',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['items', 'next', 'previous'],
                    properties: {
                      items: { type: 'array', items: { $ref: '#/components/schemas/Cluster' } },
                      next: nullableString,
                      previous: nullableString,
                    },
                  },
                },
              },
            },
            ...problems(401, 403, 502, 503),
          },
        },
      },
      '/clusters/{name}': {
        get: {
          operationId: 'getCluster',
          summary: 'One cluster of the caller’s teams',
          security: [{ accessToken: ['cluster-requests:read'] }, { session: [] }],
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The cluster',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Cluster' } } },
            },
            ...problems(401, 403, 404, 502, 503),
          },
        },
        delete: {
          operationId: 'deleteCluster',
          summary: 'Start deleting a cluster: everything its creating request made here, then the cluster',
          description:
            'Plans the teardown (the same plan the delete page shows), stores it as a delete request and answers at once; the worker runs it. Follow Location for its progress. A cluster with services or tasks is refused (409) before anything is deleted.',
          security: [{ accessToken: ['clusters:delete'] }],
          parameters: [
            { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'Idempotency-Key',
              in: 'header',
              description: 'A new UUID: the request id. The same key again answers the same request.',
              schema: { type: 'string', format: 'uuid' },
            },
          ],
          responses: {
            '202': {
              description: 'Stored; the worker deletes what the plan lists. Follow Location for its progress.',
              headers: { Location: { schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestSummary' } } },
            },
            ...problems(400, 401, 403, 404, 409, 422, 502, 503),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        accessToken: {
          type: 'oauth2',
          description:
            'A client-credentials access token (a JWT) from the portal’s OpenID Connect issuer, for the API’s audience (API_AUDIENCE). The policy file maps client ids to teams.',
          flows: { clientCredentials: { tokenUrl: '/token (at the portal’s issuer)', scopes } },
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'better-auth.session_token',
          description: 'A signed-in person’s session: reads only.',
        },
      },
      schemas: {
        ClusterRequest: clusterRequestBody(),
        RequestSummary: requestSummary,
        RequestDetail: requestDetail,
        Cluster: cluster,
        AuditEvent: auditEvent,
        Problem: problem,
      },
    },
  };
}

const SCOPE_DESCRIPTIONS: Record<(typeof API_SCOPES)[number], string> = {
  'cluster-requests:read': 'Read the caller’s teams’ requests',
  'audit:read': 'Read the caller’s teams’ audit trail',
  'cluster-requests:write': 'Submit requests for the caller’s teams',
  'clusters:delete': 'Delete the caller’s teams’ clusters',
};
