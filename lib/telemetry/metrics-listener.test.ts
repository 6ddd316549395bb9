import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { serveMetricsOnLoopback } from './metrics-listener';

const servers: { close: () => void }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

const metricsText = async () => ({ contentType: 'text/plain; version=0.0.4', body: 'ecs_portal_up 1\n' });

it('serves /metrics on the loopback address only', async () => {
  const server = (await serveMetricsOnLoopback(0, metricsText))!;
  servers.push(server);
  const { address, port } = server.address() as AddressInfo;
  expect(address).toBe('127.0.0.1');

  const answer = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  expect(await answer.text()).toBe('ecs_portal_up 1\n');
  expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
});

it('goes on without the listener when its port is taken', async () => {
  const first = (await serveMetricsOnLoopback(0, metricsText))!;
  servers.push(first);
  const { port } = first.address() as AddressInfo;
  expect(await serveMetricsOnLoopback(port, metricsText)).toBeUndefined();
});
