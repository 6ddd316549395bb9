import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { beforeEach, expect, it } from 'vitest';
import { mayReadMetrics } from './metrics-access';
import { HttpMetricsProcessor } from './http-metrics';
import { createMetrics, type Metrics, showQueue } from './metrics';

let metrics: Metrics;
beforeEach(() => {
  metrics = createMetrics();
});

/** Ends a span as Next.js does for each request it answers. */
function answer(attributes: Record<string, string | number | boolean>) {
  const provider = new NodeTracerProvider({ spanProcessors: [new HttpMetricsProcessor(metrics)] });
  provider
    .getTracer('next.js')
    .startSpan('GET', { attributes: { 'next.span_type': 'BaseServer.handleRequest', ...attributes } })
    .end();
}

const samples = async () =>
  (await metrics.httpRequests.get()).values.map(
    ({ labels, value }) => `${labels.method} ${labels.route} ${labels.status} ${value}`,
  );

it('counts each answer by method, route pattern and status, and times it', async () => {
  answer({ 'http.method': 'GET', 'http.route': '/clusters/[name]', 'http.status_code': 200 });
  answer({ 'http.method': 'GET', 'http.route': '/clusters/[name]', 'http.status_code': 200 });
  answer({ 'http.method': 'POST', 'http.route': '/api/v1/cluster-requests', 'http.status_code': 422 });
  answer({ 'http.method': 'GET', 'http.status_code': 404 });

  expect(await samples()).toEqual([
    'GET /clusters/[name] 200 2',
    'POST /api/v1/cluster-requests 422 1',
    'GET unmatched 404 1',
  ]);
  const text = await metrics.registry.getSingleMetricAsString('ecs_portal_http_request_duration_seconds');
  expect(text).toContain(
    'ecs_portal_http_request_duration_seconds_count{method="GET",route="/clusters/[name]",status="200"} 2',
  );
});

it('leaves out the pass that runs proxy.ts before the page, and spans that are not answers', async () => {
  answer({ 'http.method': 'GET', 'http.status_code': 200, 'next.bubble': true });
  answer({ 'next.span_type': 'AppRender.getBodyResult', 'next.route': '/clusters' });
  expect(await samples()).toEqual([]);
});

it('shows the journal’s queue: requests by kind and state, and how long the oldest queued one has waited', async () => {
  const now = Date.parse('2026-12-08T10:00:00Z');
  showQueue(
    metrics,
    {
      counts: [
        { kind: 'create', state: 'queued', count: 3 },
        { kind: 'delete', state: 'succeeded', count: 7 },
      ],
      oldestQueuedAt: '2026-12-08T09:59:30.000Z',
    },
    now,
  );
  const text = await metrics.registry.metrics();
  expect(text).toContain('ecs_portal_requests{kind="create",state="queued"} 3');
  expect(text).toContain('ecs_portal_requests{kind="delete",state="succeeded"} 7');
  expect(text).toContain('ecs_portal_oldest_queued_request_age_seconds 30');

  // A state that emptied is gone from the next scrape; nothing queued is an age of 0.
  showQueue(metrics, { counts: [{ kind: 'delete', state: 'succeeded', count: 8 }] }, now);
  const next = await metrics.registry.metrics();
  expect(next).not.toContain('state="queued"');
  expect(next).toContain('ecs_portal_oldest_queued_request_age_seconds 0');
});

it('lets only the bearer of METRICS_TOKEN read the metrics on the app’s port', () => {
  expect(mayReadMetrics('Bearer s3cret-token', 's3cret-token')).toBe(true);
  expect(mayReadMetrics('Bearer s3cret-tokeN', 's3cret-token')).toBe(false);
  expect(mayReadMetrics('Basic s3cret-token', 's3cret-token')).toBe(false);
  expect(mayReadMetrics(null, 's3cret-token')).toBe(false);
  // No token set: nobody, on this port.
  expect(mayReadMetrics('Bearer ', undefined)).toBe(false);
  expect(mayReadMetrics('Bearer ', '')).toBe(false);
});
