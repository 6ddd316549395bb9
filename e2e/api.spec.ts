import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { demoPeopleForApp, startIdentityProvider, WEB_CLIENT } from '../scripts/sandbox/identity-provider.mjs';
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import {
  callsSeen,
  clusterNames,
  defaultNetwork,
  describeCluster,
  ecs,
  injectFault,
  NOTHING_LEFT,
  resourcesLeft,
} from './support/aws';
import { type AppServer, startApp } from './support/app-server';
import { expectMatchesContract } from './support/contract';
import { malformedBodies } from './support/malformed-bodies';
import { expect, test } from './support/fixtures';

/**
 * The HTTP API with machine tokens from the test issuer (client credentials, demo-ci of team
 * payments), against the portal rules of e2e/support/portal-policy.yaml.
 */

const IDP_PORT = 3123;
const APP_PORT = 3124;
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const API = `${APP_URL}/api/v1`;

let app: AppServer;
let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
let databaseFile: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  idp = await startIdentityProvider({ port: IDP_PORT, appUrl: APP_URL });
  databaseFile = join(mkdtempSync(join(tmpdir(), 'api-')), 'journal.db');
  app = await startApp(APP_PORT, `file:${databaseFile}`, {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: WEB_CLIENT.id,
    OIDC_CLIENT_SECRET: WEB_CLIENT.secret,
    AUTH_SECRET: 'api-tests-secret-that-is-long-enough-0123456789',
    APP_URL,
    POLICY_FILE: join(__dirname, 'support', 'portal-policy.yaml'),
    SANDBOX_PEOPLE: demoPeopleForApp(),
  });
});

test.afterAll(async () => {
  await app?.stop();
  await idp?.close();
});

/** A client-credentials token for demo-ci, as a CI job would get it. */
async function token(scope = 'cluster-requests:read cluster-requests:write') {
  const answer = await fetch(`${idp.issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from('demo-ci:demo-ci-secret').toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
  });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** A GET of the API, its answer checked against the document's operation (path as the document writes it). */
async function get(path: string, url: string, bearer?: string) {
  const answer = await fetch(`${APP_URL}${url}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  const body = (await answer.json()) as Record<string, unknown>;
  expectMatchesContract(path, 'get', answer.status, body);
  return { status: answer.status, body };
}

const fargate = (clusterName: string, change: Record<string, unknown> = {}) => ({
  clusterName,
  team: 'payments',
  infrastructure: { type: 'fargate' },
  monitoring: 'enabled',
  tags: [{ key: 'cost-center', value: 'cc-100' }],
  ...change,
});

async function submit(
  body: unknown,
  { bearer, key = randomUUID(), type = 'application/json' } = {} as { bearer?: string; key?: string; type?: string },
) {
  const answer = await fetch(`${API}/cluster-requests`, {
    method: 'POST',
    headers: {
      'content-type': type,
      'idempotency-key': key,
      ...(bearer && { authorization: `Bearer ${bearer}` }),
    },
    body: typeof body === 'string' ? body : body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body),
  });
  const result = {
    status: answer.status,
    type: answer.headers.get('content-type'),
    location: answer.headers.get('location'),
    body: (await answer.json()) as Record<string, unknown>,
  };
  expectMatchesContract('/cluster-requests', 'post', result.status, result.body);
  return result;
}

test('a machine creates a Fargate cluster: 202 with Location, polled to done, tagged for its team, and the same key returns the same request', async () => {
  const bearer = await token();
  const key = randomUUID();
  const first = await submit(fargate('payments-ci'), { bearer, key });
  expect(first.status).toBe(202);
  expect(first.location).toBe(`/api/v1/cluster-requests/${key}`);
  expect(first.body).toMatchObject({
    id: key,
    clusterName: 'payments-ci',
    team: 'payments',
    requestedBy: 'client:demo-ci',
  });

  await expect
    .poll(async () => {
      return (await get('/cluster-requests/{id}', first.location!, bearer)).body.state;
    })
    .toBe('succeeded');
  const detail = (await get('/cluster-requests/{id}', first.location!, bearer)).body as {
    steps: { step: string; status: string }[];
    plan: { id: string }[];
  };
  expect(detail.plan).toEqual([{ id: 'createCluster', action: 'ecs:CreateCluster' }]);
  expect(detail.steps.map((step) => step.status)).toEqual(['running', 'done']);
  expect((await describeCluster('payments-ci'))?.tags).toEqual(
    expect.arrayContaining([{ key: 'team', value: 'payments' }]),
  );

  const again = await submit(fargate('payments-ci'), { bearer, key });
  expect(again.status).toBe(202);
  expect(again.body.id).toBe(key);
  expect(await clusterNames()).toEqual(['payments-ci']);

  const list = (await get('/cluster-requests', '/api/v1/cluster-requests?cluster=payments-ci', bearer)).body as {
    items: { id: string }[];
  };
  expect(list.items.map((item) => item.id)).toEqual([key]);

  // The clusters the team's token may see: this one, by its team tag, with the request that made it.
  const clusters = (await get('/clusters', '/api/v1/clusters', bearer)).body as {
    items: { name: string; team: string; links: { request: string } }[];
  };
  expect(clusters.items).toEqual([
    expect.objectContaining({
      name: 'payments-ci',
      team: 'payments',
      links: expect.objectContaining({ request: first.location }),
    }),
  ]);
  expect((await get('/clusters/{name}', '/api/v1/clusters/payments-ci', bearer)).status).toBe(200);
});

/** An EC2 request within payments' rules: a new group of t3 instances, a new role and security group. */
async function ec2(clusterName: string) {
  const network = await defaultNetwork();
  return fargate(clusterName, {
    infrastructure: {
      type: 'ec2NewGroup',
      fargate: false,
      instances: {
        amiFamily: 'al2023',
        instanceType: 't3.small',
        minSize: 0,
        maxSize: 3,
        rootVolumeSize: 30,
        vpcId: network.vpcId,
        subnetIds: [network.subnetIds],
        securityGroup: { type: 'new', name: `${clusterName}-sg`, inboundRules: [] },
        publicIp: 'subnet',
      },
    },
  });
}

async function deleteCluster(name: string, bearer: string) {
  const answer = await fetch(`${API}/clusters/${name}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${bearer}` },
  });
  const body = (await answer.json()) as Record<string, unknown>;
  expectMatchesContract('/clusters/{name}', 'delete', answer.status, body);
  return { status: answer.status, location: answer.headers.get('location'), body };
}

const ALL_SCOPES = 'cluster-requests:read cluster-requests:write clusters:delete';

test('a machine creates an EC2 cluster and deletes it again: both polled to done, and nothing it made is left', async () => {
  const bearer = await token(ALL_SCOPES);
  const created = await submit(await ec2('payments-ec2'), { bearer });
  expect(created.status).toBe(202);
  await expect
    .poll(async () => (await get('/cluster-requests/{id}', created.location!, bearer)).body.state, { timeout: 30_000 })
    .toBe('succeeded');
  const plan = (await get('/cluster-requests/{id}', created.location!, bearer)).body.plan as { id: string }[];
  expect(plan.map((step) => step.id)).toContain('createAutoScalingGroup');
  expect(await resourcesLeft()).not.toEqual(NOTHING_LEFT);

  // Deleting needs its own scope.
  const withoutScope = await deleteCluster('payments-ec2', await token());
  expect(withoutScope.status).toBe(403);

  const deleting = await deleteCluster('payments-ec2', bearer);
  expect(deleting.status).toBe(202);
  expect(deleting.body).toMatchObject({ kind: 'delete', clusterName: 'payments-ec2', team: 'payments' });
  await expect
    .poll(async () => (await get('/cluster-requests/{id}', deleting.location!, bearer)).body.state, {
      timeout: 30_000,
    })
    .toBe('succeeded');
  const teardown = (await get('/cluster-requests/{id}', deleting.location!, bearer)).body.plan as { id: string }[];
  // Everything the create made (the unit tests check the order step by step), the cluster last.
  const ids = teardown.map((step) => step.id);
  expect(ids).toHaveLength(12);
  expect(ids).toEqual(expect.arrayContaining(['deleteAutoScalingGroup', 'deleteSecurityGroup', 'deleteInstanceRole']));
  expect(ids.at(-1)).toBe('deleteCluster');
  expect(await resourcesLeft()).toEqual(NOTHING_LEFT);
  expect((await get('/clusters/{name}', '/api/v1/clusters/payments-ec2', bearer)).status).toBe(404);
  expect((await deleteCluster('payments-ec2', bearer)).status).toBe(404);
});

test('a delete is refused before anything is deleted: another team’s cluster 404, one with a service 409 with the number', async () => {
  const bearer = await token(ALL_SCOPES);
  await ecs.send(new CreateClusterCommand({ clusterName: 'search-other', tags: [{ key: 'team', value: 'search' }] }));
  expect((await deleteCluster('search-other', bearer)).status).toBe(404);

  await ecs.send(
    new CreateClusterCommand({ clusterName: 'payments-busy', tags: [{ key: 'team', value: 'payments' }] }),
  );
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, essential: true }],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({ cluster: 'payments-busy', serviceName: 'web', taskDefinition: 'web', desiredCount: 0 }),
  );
  const busy = await deleteCluster('payments-busy', bearer);
  expect(busy.status).toBe(409);
  expect(busy.body).toMatchObject({ title: 'The cluster is in use', services: 1, tasks: 0 });
  expect((await callsSeen()).filter((operation) => operation.startsWith('Delete'))).toEqual([]);
  expect((await describeCluster('payments-busy'))?.status).toBe('ACTIVE');
});

test('tokens: none, unsigned, forged, expired, for another audience or without the scope are refused', async () => {
  const valid = (await token()).split('.');
  const payload = JSON.parse(Buffer.from(valid[1]!, 'base64url').toString()) as Record<string, unknown>;
  const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${valid[1]}.`;
  const forged = `${valid[0]}.${Buffer.from(JSON.stringify({ ...payload, client_id: 'admin-ci' })).toString('base64url')}.${valid[2]}`;
  const now = Math.floor(Date.now() / 1000);
  const expired = await idp.sign({ ...payload, iat: now - 7200, exp: now - 3600 });
  const otherAudience = await idp.sign({ ...payload, aud: 'https://elsewhere.example/api' });
  for (const [name, bearer] of Object.entries({ none: undefined, unsigned, forged, expired, otherAudience })) {
    const answer = await submit(fargate('payments-token'), { bearer });
    expect(answer.status, name).toBe(401);
    expect(answer.type, name).toBe('application/problem+json');
  }
  const readOnly = await submit(fargate('payments-token'), { bearer: await token('cluster-requests:read') });
  expect(readOnly.status).toBe(403);
  expect(readOnly.body).toMatchObject({ title: 'The access token lacks the scope this needs' });
  expect(await callsSeen()).toEqual([]);
});

test('malformed, invalid and unknown input is answered with a problem document and no AWS call', async () => {
  const bearer = await token();
  const cases: [string, { status: number; body: unknown; type?: string; key?: string }][] = [
    ['another content type', { status: 415, body: fargate('payments-x'), type: 'text/plain' }],
    ['not JSON', { status: 400, body: '{"clusterName": ' }],
    ['no Idempotency-Key', { status: 400, body: fargate('payments-x'), key: 'not-a-uuid' }],
    ['over 64 KiB', { status: 413, body: fargate('payments-x', { namespace: 'n'.repeat(70 * 1024) }) }],
    ['an array', { status: 422, body: [fargate('payments-x')] }],
    ['a request id in the body', { status: 422, body: fargate('payments-x', { requestId: randomUUID() }) }],
    [
      'a number as text',
      {
        status: 422,
        body: fargate('payments-x', {
          infrastructure: { type: 'ec2NewGroup', fargate: true, instances: { maxSize: '5' } },
        }),
      },
    ],
    ['an unknown field', { status: 422, body: fargate('payments-x', { clusterNmae: 'typo' }) }],
    [
      'a __proto__ key',
      { status: 422, body: JSON.stringify(fargate('payments-x')).replace('{', '{"__proto__":{"admin":true},') },
    ],
    [
      'duplicate tag keys',
      {
        status: 422,
        body: fargate('payments-x', {
          tags: [
            { key: 'cost-center', value: 'cc-100' },
            { key: 'cost-center', value: 'cc-200' },
          ],
        }),
      },
    ],
  ];
  for (const [name, { status, body, type, key }] of cases) {
    const answer = await submit(body, { bearer, type, key });
    expect(answer.status, name).toBe(status);
    expect(answer.type, name).toBe('application/problem+json');
    expect(JSON.stringify(answer.body), name).not.toMatch(/\/work|node_modules|127\.0\.0\.1:51|at .*\(/);
  }
  const unknown = await submit(fargate('payments-x', { clusterNmae: 'typo' }), { bearer });
  expect(unknown.body.violations).toEqual([
    { path: 'clusterNmae', rule: 'unknownField', message: 'This field is not part of a ClusterRequest.' },
  ]);
  expect(await callsSeen()).toEqual([]);
});

test('hundreds of malformed bodies each get 400, 413, 415 or 422 with a problem document, and AWS is never asked', async () => {
  const bearer = await token();
  const cases = malformedBodies((await ec2('payments-malformed')) as Parameters<typeof malformedBodies>[0]);
  expect(cases.length).toBeGreaterThanOrEqual(200);
  const wrong: string[] = [];
  for (const { name, body, contentType, statuses } of cases) {
    const answer = await submit(body, { bearer, type: contentType ?? 'application/json' });
    if (!statuses.includes(answer.status) || answer.type !== 'application/problem+json') {
      wrong.push(`${name}: ${answer.status} ${answer.type}`);
    }
    // No server path, emulator address or stack frame in any answer.
    if (/\/work\/|node_modules|127\.0\.0\.1:51\d\d|\bat [\w.<>]+ \(/.test(JSON.stringify(answer.body))) {
      wrong.push(`${name}: leaks`);
    }
  }
  expect(wrong).toEqual([]);
  expect(await callsSeen()).toEqual([]);
});

test('the team’s rules: another team is 403, broken rules 422 with each violation, an unfinished name 409', async () => {
  const bearer = await token();
  const otherTeam = await submit(fargate('search-x', { team: 'search', tags: [] }), { bearer });
  expect(otherTeam.status).toBe(403);
  expect(otherTeam.body.violations).toEqual([
    { path: 'team', rule: 'team', message: 'You cannot create clusters for this team.' },
  ]);

  const broken = await submit(fargate('api', { monitoring: 'disabled', tags: [] }), { bearer });
  expect(broken.status).toBe(422);
  expect((broken.body.violations as { rule: string }[]).map((violation) => violation.rule)).toEqual([
    'clusterNamePrefix',
    'requiredTags',
    'containerInsights',
  ]);

  await injectFault({ operation: 'CreateCluster', delayMs: 4000 });
  expect((await submit(fargate('payments-slow'), { bearer })).status).toBe(202);
  const twin = await submit(fargate('payments-slow'), { bearer });
  expect(twin.status).toBe(409);
  expect(twin.body).toMatchObject({ title: 'A request for this cluster is unfinished' });
  expect(await clusterNames()).not.toContain('api');
});

test('another team’s request and cluster are not found, and the OpenAPI document and its reference page are served', async ({
  page,
}) => {
  const id = randomUUID();
  const db = new Database(databaseFile);
  const now = new Date().toISOString();
  // A request of team search, as the journal stores one.
  const request = { requestId: id, clusterName: 'search-hidden', infrastructure: { type: 'fargate' }, tags: [] };
  db.prepare(
    `insert into requests (id, cluster_name, account, region, request, plan, state, created_at, updated_at, team, fencing)
     values (?, 'search-hidden', '123456789012', 'us-east-1', ?, ?, 'succeeded', ?, ?, 'search', 0)`,
  ).run(
    id,
    JSON.stringify({ ...request, team: 'search' }),
    JSON.stringify({ clusterName: 'search-hidden', requestId: id, steps: [] }),
    now,
    now,
  );
  db.close();
  const bearer = await token();
  expect((await get('/cluster-requests/{id}', `/api/v1/cluster-requests/${id}`, bearer)).status).toBe(404);
  const list = (await get('/cluster-requests', '/api/v1/cluster-requests', bearer)).body as {
    items: { clusterName: string }[];
  };
  // Another team's cluster, made outside the app, is as absent as one that does not exist.
  await ecs.send(new CreateClusterCommand({ clusterName: 'search-other', tags: [{ key: 'team', value: 'search' }] }));
  expect((await get('/clusters/{name}', '/api/v1/clusters/search-other', bearer)).status).toBe(404);
  const clusters = (await get('/clusters', '/api/v1/clusters', bearer)).body.items as { name: string }[];
  expect(clusters.map((cluster) => cluster.name)).not.toContain('search-other');
  expect(list.items.map((item) => item.clusterName)).not.toContain('search-hidden');

  const document = (await (await fetch(`${API}/openapi.json`)).json()) as {
    openapi: string;
    paths: Record<string, unknown>;
  };
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toEqual([
    '/cluster-requests',
    '/cluster-requests/{id}',
    '/audit-events',
    '/clusters',
    '/clusters/{name}',
  ]);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(`${APP_URL}/api/docs`);
  await expect(page.getByRole('heading', { name: 'POST /api/v1/cluster-requests' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'GET /api/v1/audit-events' })).toBeVisible();
  expect(scripts.every((url) => url.startsWith(APP_URL))).toBe(true);
});

test('the audit trail: a token with audit:read pages it by the contract, filters it, and exports CSV and JSON Lines', async () => {
  const writer = await token();
  expect((await submit(fargate('payments-audited'), { bearer: writer })).status).toBe(202);
  // A name outside the team's prefix: refused by the rules, and audited as such.
  expect((await submit(fargate('not-payments'), { bearer: writer })).status).toBe(422);

  const reader = await token('audit:read');
  const list = async (query: string, headers: Record<string, string> = {}) => {
    const answer = await fetch(`${API}/audit-events${query}`, {
      headers: { authorization: `Bearer ${reader}`, ...headers },
    });
    return { status: answer.status, type: answer.headers.get('content-type'), text: await answer.text() };
  };
  const refused = await list('?decision=refused&actor=client%3Ademo-ci');
  expect(refused.status).toBe(200);
  const body = JSON.parse(refused.text) as {
    items: { decision: string; team: string; violations: { rule: string }[] }[];
  };
  expectMatchesContract('/audit-events', 'get', 200, body);
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items.every((event) => event.decision === 'refused' && event.team === 'payments')).toBe(true);
  expect(body.items[0]!.violations.map((violation) => violation.rule)).toContain('clusterNamePrefix');

  const csv = await list('?decision=refused&actor=client%3Ademo-ci&format=csv');
  expect(csv.type).toBe('text/csv; charset=utf-8');
  expect(csv.text.trim().split('\r\n')).toHaveLength(body.items.length + 1);
  const lines = await list('?actor=client%3Ademo-ci', { accept: 'application/jsonl' });
  expect(lines.type).toBe('application/jsonl; charset=utf-8');
  const events = lines.text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { decision: string });
  expect(events.map((event) => event.decision)).toEqual(expect.arrayContaining(['allowed', 'refused', 'submitted']));

  const unreadable = await list('?since=yesterday');
  expect(unreadable.status).toBe(400);
  expectMatchesContract('/audit-events', 'get', 400, JSON.parse(unreadable.text));
  // The scope is needed: a writer's token does not read the audit trail.
  const withoutScope = await fetch(`${API}/audit-events`, { headers: { authorization: `Bearer ${writer}` } });
  expect(withoutScope.status).toBe(403);
});
