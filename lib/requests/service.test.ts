import {
  type Cluster,
  CreateClusterCommand,
  type CreateClusterCommandInput,
  DescribeClustersCommand,
  ECSClient,
  InvalidParameterException,
} from '@aws-sdk/client-ecs';
import { ListNamespacesCommand, ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { machinePrincipal, SINGLE_USER } from '@/lib/auth/principal';
import { aClusterRequest } from '@/lib/cluster/builders';
import { REQUEST_TAG_KEY } from '@/lib/cluster/limits';
import { planCluster } from '@/lib/cluster/plan';
import type { ClusterRequest } from '@/lib/cluster/request';
import { migrate, openDatabase } from '@/lib/db/connect';
import { type Journal, journalStore } from '@/lib/db/journal';
import { parsePolicy } from '@/lib/policy/load';
import { runOfRequest } from '@/lib/provision/runs';
import { createWorker, type Worker } from '@/lib/provision/worker';
import { createRequestService, type RequestService } from './service';

const ecs = mockClient(ECSClient);
const serviceDiscovery = mockClient(ServiceDiscoveryClient);
const sts = mockClient(STSClient);

const NAMESPACE_ARN = 'arn:aws:servicediscovery:us-east-1:111122223333:namespace/ns-abc123';

/** A small ECS that keeps clusters by name, as DescribeClusters and CreateCluster see them. */
function fakeEcs(clusters = new Map<string, Cluster>()) {
  ecs.on(DescribeClustersCommand).callsFake(async ({ clusters: names = [] }) => ({
    clusters: names.flatMap((name: string) => (clusters.has(name) ? [clusters.get(name)] : [])),
  }));
  ecs.on(CreateClusterCommand).callsFake(async (input: CreateClusterCommandInput) => {
    // Yield as a network call would, so concurrent requests can interleave.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const cluster = { clusterName: input.clusterName, status: 'ACTIVE', tags: input.tags };
    clusters.set(input.clusterName ?? '', cluster);
    return { cluster };
  });
  return clusters;
}

const createClusterCalls = () => ecs.commandCalls(CreateClusterCommand).map((call) => call.args[0].input);

let journal: Journal;
let service: RequestService;
let worker: Worker;
let wake: ReturnType<typeof vi.fn<() => void>>;

/** Submits a create in single-user mode: what the form's action and the API do. */
const provisionCluster = (request: ClusterRequest) => service.submit(SINGLE_USER, { kind: 'create', request });

/** Runs what the worker would take next, to its end, and reads the request's run as the cluster's page does. */
async function finishedRun(requestId: string) {
  await worker.runNext();
  return (await runOfRequest(journal, requestId))!;
}

const request = (change: Partial<ClusterRequest> = {}, requestId = crypto.randomUUID()) =>
  aClusterRequest({ requestId, ...change });

describe('submitting a create, and running it', () => {
  beforeEach(async () => {
    // A journal in a SQLite file of each test's own; a worker of the test's own, run by the test.
    const db = openDatabase(`file:${join(mkdtempSync(join(tmpdir(), 'service-')), 'journal.db')}`);
    await migrate(db);
    journal = journalStore(db);
    wake = vi.fn<() => void>();
    service = createRequestService({ journal, wake });
    worker = createWorker({ journal, owner: 'test-worker', leaseMs: 30_000, concurrency: 1, longestIdleMs: 100 });
    vi.stubEnv('AWS_REGION', 'us-east-1');
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
    ecs.reset();
    serviceDiscovery.reset();
    serviceDiscovery
      .on(ListNamespacesCommand)
      .resolves({ Namespaces: [{ Name: 'shop', Arn: NAMESPACE_ARN, Type: 'HTTP' }] });
  });
  afterEach(() => vi.restoreAllMocks());

  it('sends exactly the planned CreateCluster request', async () => {
    fakeEcs();
    const validated = request({ monitoring: 'enhanced', tags: [{ key: 'team', value: '결제' }] });
    // Answered as soon as the request is stored; the worker then sends it.
    await expect(provisionCluster(validated)).resolves.toMatchObject({
      ok: true,
      request: { id: validated.requestId, kind: 'create', clusterName: 'demo', state: 'queued' },
    });
    expect(wake).toHaveBeenCalledOnce();
    expect(createClusterCalls()).toEqual([]);
    expect((await finishedRun(validated.requestId)).state).toBe('succeeded');
    expect(createClusterCalls()).toEqual([planCluster(validated).steps[0]?.call.input]);
  });

  it('refuses a name an active cluster already has, without calling CreateCluster', async () => {
    fakeEcs(new Map([['demo', { clusterName: 'demo', status: 'ACTIVE', tags: [] }]]));
    await expect(provisionCluster(request())).resolves.toEqual({
      ok: false,
      reason: 'nameTaken',
      violations: [{ path: ['clusterName'], rule: 'nameFree', message: { key: 'validation.clusterName.taken' } }],
    });
    expect(await worker.runNext()).toBe(false);
    expect(createClusterCalls()).toEqual([]);
  });

  it('reuses the name of an inactive (deleted) cluster', async () => {
    fakeEcs(new Map([['demo', { clusterName: 'demo', status: 'INACTIVE' }]]));
    const reused = request();
    await expect(provisionCluster(reused)).resolves.toMatchObject({ ok: true });
    expect((await finishedRun(reused.requestId)).state).toBe('succeeded');
    expect(createClusterCalls()).toHaveLength(1);
  });

  it('answers a repeated submission of the same request with its cluster, creating nothing more', async () => {
    const clusters = fakeEcs();
    const same = request({}, 'f6b5ff2c-5d9a-4a50-8a55-5f4f3c9e7c11');
    await provisionCluster(same);
    await finishedRun(same.requestId);
    await expect(provisionCluster(same)).resolves.toMatchObject({
      ok: true,
      request: { id: same.requestId, state: 'succeeded' },
    });
    expect(await worker.runNext()).toBe(false);
    expect(createClusterCalls()).toHaveLength(1);
    expect(clusters.get('demo')?.tags).toContainEqual({ key: REQUEST_TAG_KEY, value: same.requestId });
  });

  it('refuses a different request under an id already used, and creates nothing for it', async () => {
    fakeEcs();
    const id = '0c4d8a0e-6d3f-4a51-9d7e-3f1b2c5a6e70';
    await provisionCluster(request({ clusterName: 'first' }, id));
    await finishedRun(id);
    await expect(provisionCluster(request({ clusterName: 'second' }, id))).resolves.toEqual({
      ok: false,
      reason: 'requestIdReused',
      violations: [{ path: [], rule: 'newRequestId', message: { key: 'request.reused', params: { name: 'first' } } }],
    });
    expect(createClusterCalls().map((input) => input.clusterName)).toEqual(['first']);
  });

  it('creates one cluster when two different requests for a name arrive together', async () => {
    fakeEcs();
    const outcomes = await Promise.all([provisionCluster(request()), provisionCluster(request())]);
    const accepted = outcomes.filter((outcome) => outcome.ok);
    expect(accepted).toHaveLength(1);
    // The journal's unique index refuses the second while the first is under way.
    expect(outcomes).toContainEqual({
      ok: false,
      reason: 'unfinished',
      violations: [
        { path: ['clusterName'], rule: 'oneUnfinished', message: { key: 'validation.clusterName.beingCreated' } },
      ],
    });
    await finishedRun(accepted[0]!.ok ? accepted[0]!.request.id : '');
    expect(createClusterCalls()).toHaveLength(1);
  });

  it('reports the name taken when ECS finds the idempotent request inconsistent (another server won)', async () => {
    ecs.on(DescribeClustersCommand).resolves({ clusters: [] });
    ecs.on(CreateClusterCommand).rejects(
      new InvalidParameterException({
        message: 'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
        $metadata: {},
      }),
    );
    const raced = request();
    await provisionCluster(raced);
    expect((await finishedRun(raced.requestId)).failure).toEqual({
      step: 'createCluster',
      message: { key: 'validation.clusterName.taken' },
      mayRemain: [],
    });
  });

  it('checks that a namespace given by ARN exists', async () => {
    fakeEcs();
    await expect(
      provisionCluster(request({ namespace: 'arn:aws:servicediscovery:us-east-1:111122223333:namespace/ns-missing' })),
    ).resolves.toEqual({
      ok: false,
      reason: 'invalid',
      violations: [{ path: ['namespace'], rule: 'namespaceExists', message: { key: 'validation.namespace.notFound' } }],
    });
    expect(createClusterCalls()).toEqual([]);
    const found = request({ namespace: NAMESPACE_ARN });
    await expect(provisionCluster(found)).resolves.toMatchObject({ ok: true });
    expect((await finishedRun(found.requestId)).state).toBe('succeeded');
  });

  it('retries once when a new account’s service-linked role is not ready yet', async () => {
    ecs.on(DescribeClustersCommand).resolves({ clusters: [] });
    ecs
      .on(CreateClusterCommand)
      .rejectsOnce(
        new InvalidParameterException({
          message: 'Unable to assume the service linked role. Please verify that the ECS service linked role exists.',
          $metadata: {},
        }),
      )
      .resolves({ cluster: { clusterName: 'demo', status: 'ACTIVE' } });
    // The worker waits its 3 s for the role, in real time.
    const first = request();
    await expect(provisionCluster(first)).resolves.toMatchObject({ ok: true });
    expect((await finishedRun(first.requestId)).state).toBe('succeeded');
    expect(createClusterCalls()).toHaveLength(2);
  }, 10_000);

  it('journals a refusal naming the permission, with nothing left to undo', async () => {
    ecs.on(DescribeClustersCommand).resolves({ clusters: [] });
    ecs
      .on(CreateClusterCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: {} }));
    const refused = request();
    await provisionCluster(refused);
    expect((await finishedRun(refused.requestId)).failure).toEqual({
      step: 'createCluster',
      message: { key: 'aws.accessDenied', params: { permission: 'ecs:CreateCluster' } },
      mayRemain: [],
    });
  });

  it('names the check that failed when AWS cannot be asked', async () => {
    ecs
      .on(DescribeClustersCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: {} }));
    await expect(provisionCluster(request())).resolves.toMatchObject({
      reason: 'awsUnavailable',
      violations: [{ message: { key: 'aws.accessDenied', params: { permission: 'ecs:DescribeClusters' } } }],
    });
    expect(createClusterCalls()).toEqual([]);
  });
});

describe('deciding by the team’s rules, every decision audited', () => {
  const policy = {
    file: 'policy.yaml',
    ...parsePolicy(`
teams:
  payments:
    clients: [payments-ci]
    clusterNamePrefix: payments-
  search:
    groups: [search-eng]
`),
  };
  const ci = machinePrincipal('payments-ci', policy);
  const submit = (change: Partial<ClusterRequest>) =>
    service.submit(ci, { kind: 'create', request: request({ team: 'payments', ...change }) });

  beforeEach(async () => {
    const db = openDatabase(`file:${join(mkdtempSync(join(tmpdir(), 'service-')), 'journal.db')}`);
    await migrate(db);
    journal = journalStore(db);
    service = createRequestService({ journal, wake: () => {} });
    vi.stubEnv('AWS_REGION', 'us-east-1');
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
    ecs.reset();
    fakeEcs();
  });

  it('refuses a broken rule at its domain path, and audits the refusal with the rule and the policy version', async () => {
    const refusedRequest = request({ team: 'payments', clusterName: 'demo' });
    const outcome = await service.submit(ci, { kind: 'create', request: refusedRequest });
    expect(outcome).toEqual({
      ok: false,
      reason: 'policy',
      violations: [
        {
          path: ['clusterName'],
          rule: 'clusterNamePrefix',
          message: { key: 'validation.policy.clusterNamePrefix', params: { prefix: 'payments-' } },
        },
      ],
    });
    expect(await journal.find(refusedRequest.requestId)).toBeUndefined();
    expect(await journal.auditTrail(refusedRequest.requestId)).toEqual([
      expect.objectContaining({
        action: 'refused',
        kind: 'create',
        actor: 'client:payments-ci',
        team: 'payments',
        policyVersion: policy.version,
        violations: [
          {
            path: 'clusterName',
            rule: 'clusterNamePrefix',
            message: { key: 'validation.policy.clusterNamePrefix', params: { prefix: 'payments-' } },
          },
        ],
      }),
    ]);
  });

  it('refuses another team as not the caller’s', async () => {
    await expect(submit({ team: 'search', clusterName: 'search-x' })).resolves.toMatchObject({
      ok: false,
      reason: 'team',
      violations: [{ path: ['team'], rule: 'team' }],
    });
  });

  it('stores an allowed request with who asked, for which team, under which rules: allowed, then submitted', async () => {
    const outcome = await submit({ clusterName: 'payments-api' });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.request).toMatchObject({
      requestedBy: 'client:payments-ci',
      team: 'payments',
      policyVersion: policy.version,
    });
    expect((await journal.auditTrail(outcome.request.id)).map((event) => [event.action, event.actor])).toEqual([
      ['allowed', 'client:payments-ci'],
      ['submitted', 'client:payments-ci'],
    ]);
  });
});
