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
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultClusterFormValues } from '@/lib/cluster/form-fields';
import { REQUEST_TAG_KEY } from '@/lib/cluster/limits';
import { planCluster } from '@/lib/cluster/plan';
import type { ClusterFormValues } from '@/lib/cluster/form-fields';
import { clusterFormSchema } from '@/lib/cluster/schema';
import { provisionCluster } from './create-cluster';

const ecs = mockClient(ECSClient);
const serviceDiscovery = mockClient(ServiceDiscoveryClient);
const sts = mockClient(STSClient);

const NAMESPACE_ARN = 'arn:aws:servicediscovery:us-east-1:111122223333:namespace/ns-abc123';

function request(change: Partial<ClusterFormValues> = {}, requestId = crypto.randomUUID()) {
  return clusterFormSchema.parse({ ...defaultClusterFormValues(requestId), clusterName: 'demo', ...change });
}

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

describe('provisionCluster', () => {
  beforeAll(() => {
    // The journal in a SQLite file of this test file's own; the worker runs in this process.
    vi.stubEnv('DATABASE_URL', `file:${join(mkdtempSync(join(tmpdir(), 'provision-')), 'journal.db')}`);
    vi.stubEnv('AWS_REGION', 'us-east-1');
  });
  beforeEach(() => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
    ecs.reset();
    serviceDiscovery.reset();
    serviceDiscovery
      .on(ListNamespacesCommand)
      .resolves({ Namespaces: [{ Name: 'shop', Arn: NAMESPACE_ARN, Type: 'HTTP' }] });
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('sends exactly the planned CreateCluster request', async () => {
    fakeEcs();
    const validated = request({ monitoring: 'enhanced', tags: [{ key: 'team', value: '결제' }] });
    await expect(provisionCluster(validated)).resolves.toMatchObject({ ok: true, clusterName: 'demo' });
    expect(createClusterCalls()).toEqual([planCluster(validated).steps[0]?.call.input]);
  });

  it('refuses a name an active cluster already has, without calling CreateCluster', async () => {
    fakeEcs(new Map([['demo', { clusterName: 'demo', status: 'ACTIVE', tags: [] }]]));
    await expect(provisionCluster(request())).resolves.toEqual({
      ok: false,
      fieldErrors: { clusterName: 'validation.clusterName.taken' },
    });
    expect(createClusterCalls()).toEqual([]);
  });

  it('reuses the name of an inactive (deleted) cluster', async () => {
    fakeEcs(new Map([['demo', { clusterName: 'demo', status: 'INACTIVE' }]]));
    await expect(provisionCluster(request())).resolves.toMatchObject({ ok: true });
    expect(createClusterCalls()).toHaveLength(1);
  });

  it('answers a repeated submission of the same request with its cluster, creating nothing more', async () => {
    const clusters = fakeEcs();
    const same = request({}, 'f6b5ff2c-5d9a-4a50-8a55-5f4f3c9e7c11');
    await provisionCluster(same);
    await expect(provisionCluster(same)).resolves.toMatchObject({ ok: true, clusterName: 'demo' });
    expect(createClusterCalls()).toHaveLength(1);
    expect(clusters.get('demo')?.tags).toContainEqual({ key: REQUEST_TAG_KEY, value: same.requestId });
  });

  it('refuses a different request under an id already used, and creates nothing for it', async () => {
    fakeEcs();
    const id = '0c4d8a0e-6d3f-4a51-9d7e-3f1b2c5a6e70';
    await provisionCluster(request({ clusterName: 'first' }, id));
    await expect(provisionCluster(request({ clusterName: 'second' }, id))).resolves.toEqual({
      ok: false,
      fieldErrors: {},
      formError: { message: { key: 'request.reused', params: { name: 'first' } } },
    });
    expect(createClusterCalls().map((input) => input.clusterName)).toEqual(['first']);
  });

  it('creates one cluster when two different requests for a name arrive together', async () => {
    fakeEcs();
    const outcomes = await Promise.all([provisionCluster(request()), provisionCluster(request())]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    // The journal's unique index refuses the second while the first is under way.
    expect(outcomes).toContainEqual({ ok: false, fieldErrors: { clusterName: 'validation.clusterName.beingCreated' } });
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
    await expect(provisionCluster(request())).resolves.toEqual({
      ok: false,
      fieldErrors: { clusterName: 'validation.clusterName.taken' },
    });
  });

  it('checks that a namespace given by ARN exists', async () => {
    fakeEcs();
    await expect(
      provisionCluster(request({ namespace: 'arn:aws:servicediscovery:us-east-1:111122223333:namespace/ns-missing' })),
    ).resolves.toEqual({ ok: false, fieldErrors: { namespace: 'validation.namespace.notFound' } });
    expect(createClusterCalls()).toEqual([]);
    await expect(provisionCluster(request({ namespace: NAMESPACE_ARN }))).resolves.toMatchObject({ ok: true });
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
    // The worker waits its 3 s for the role, in real time: its idle loop keeps fake timers busy forever.
    await expect(provisionCluster(request())).resolves.toMatchObject({ ok: true });
    expect(createClusterCalls()).toHaveLength(2);
  }, 10_000);

  it('turns a refusal into a form error naming the permission, and creates nothing', async () => {
    ecs.on(DescribeClustersCommand).resolves({ clusters: [] });
    ecs
      .on(CreateClusterCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: {} }));
    await expect(provisionCluster(request())).resolves.toEqual({
      ok: false,
      fieldErrors: {},
      formError: { message: { key: 'aws.accessDenied', params: { permission: 'ecs:CreateCluster' } } },
    });
  });

  it('names the check that failed when AWS cannot be asked', async () => {
    ecs
      .on(DescribeClustersCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: {} }));
    await expect(provisionCluster(request())).resolves.toMatchObject({
      formError: { message: { key: 'aws.accessDenied', params: { permission: 'ecs:DescribeClusters' } } },
    });
    expect(createClusterCalls()).toEqual([]);
  });
});
