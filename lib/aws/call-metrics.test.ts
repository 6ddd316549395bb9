import { Readable } from 'node:stream';
import { DescribeClustersCommand, ECSClient } from '@aws-sdk/client-ecs';
import { beforeEach, expect, it } from 'vitest';
import { metrics } from '@/lib/telemetry/metrics';
import { callMetrics } from './call-metrics';

/** A real client whose HTTP handler answers as ECS would, without a network. */
function ecsAnswering(statusCode: number, body: object): ECSClient {
  const client = new ECSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          body: Readable.from([Buffer.from(JSON.stringify(body))]),
        },
      }),
    },
  });
  client.middlewareStack.use(callMetrics());
  return client;
}

const counted = async () => (await metrics.awsCalls.get()).values.map(({ labels, value }) => ({ ...labels, value }));

beforeEach(() => metrics.registry.resetMetrics());

it('counts each call by service, operation and outcome, and times it', async () => {
  await ecsAnswering(200, { clusters: [], failures: [] }).send(new DescribeClustersCommand({ clusters: ['a'] }));
  const refused = ecsAnswering(400, { __type: 'AccessDeniedException', message: 'no' });
  await expect(refused.send(new DescribeClustersCommand({ clusters: ['a'] }))).rejects.toThrow('no');

  expect(await counted()).toEqual([
    { service: 'ECS', operation: 'DescribeClusters', outcome: 'ok', value: 1 },
    { service: 'ECS', operation: 'DescribeClusters', outcome: 'AccessDeniedException', value: 1 },
  ]);
  const text = await metrics.registry.getSingleMetricAsString('ecs_portal_aws_call_duration_seconds');
  expect(text).toContain(
    'ecs_portal_aws_call_duration_seconds_count{service="ECS",operation="DescribeClusters",outcome="ok"} 1',
  );
});
