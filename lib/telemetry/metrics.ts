import 'server-only';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The server's metrics, in the Prometheus text format at /metrics (prom-client). Made once per
 * process and kept on globalThis: instrumentation.ts and every route's bundle count into the same
 * ones. Names follow Prometheus's conventions: a unit in the name, `_total` on counters.
 */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  awsCalls: Counter<'service' | 'operation' | 'outcome'>;
  awsCallDuration: Histogram<'service' | 'operation' | 'outcome'>;
  stepDuration: Histogram<'kind' | 'action' | 'status'>;
  leasesTakenOver: Counter;
  requests: Gauge<'kind' | 'state'>;
  oldestQueuedAge: Gauge;
}

/** The journal's queue, as the gauges show it. */
export interface QueueSummary {
  counts: { kind: string; state: string; count: number }[];
  /** When the oldest request still waiting for a worker was submitted, if any waits. */
  oldestQueuedAt?: string;
}

/** Sets the journal's gauges, just before a scrape reads them. */
export function showQueue(metrics: Metrics, { counts, oldestQueuedAt }: QueueSummary, now = Date.now()): void {
  metrics.requests.reset();
  for (const { kind, state, count } of counts) metrics.requests.set({ kind, state }, count);
  metrics.oldestQueuedAge.set(oldestQueuedAt ? Math.max(0, (now - Date.parse(oldestQueuedAt)) / 1000) : 0);
}

export type HttpLabels = { method: string; route: string; status: string };

/** One answer to an HTTP request, by the route that gave it. */
export function countHttpAnswer(metrics: Metrics, labels: HttpLabels, seconds: number): void {
  metrics.httpRequests.inc(labels);
  metrics.httpDuration.observe(labels, seconds);
}

/** A request proxy.ts refused before any route saw it (one of lib/http/refusals). */
export function countRefusal(method: string, status: number, seconds: number): void {
  countHttpAnswer(metrics, { method, route: 'refused before routing', status: String(status) }, seconds);
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  return {
    registry,
    httpRequests: new Counter({
      name: 'ecs_portal_http_requests_total',
      help: 'HTTP requests answered, by route and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'ecs_portal_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: seconds,
      registers,
    }),
    awsCalls: new Counter({
      name: 'ecs_portal_aws_calls_total',
      help: 'AWS API calls, by service, operation and outcome (ok, or the error AWS or the SDK gave).',
      labelNames: ['service', 'operation', 'outcome'],
      registers,
    }),
    awsCallDuration: new Histogram({
      name: 'ecs_portal_aws_call_duration_seconds',
      help: 'Time an AWS API call took, the SDK’s retries included.',
      labelNames: ['service', 'operation', 'outcome'],
      buckets: seconds,
      registers,
    }),
    stepDuration: new Histogram({
      name: 'ecs_portal_step_duration_seconds',
      help: 'Time a plan’s step took to run, waits included, by the kind of request, its AWS action and how it ended.',
      labelNames: ['kind', 'action', 'status'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers,
    }),
    leasesTakenOver: new Counter({
      name: 'ecs_portal_leases_taken_over_total',
      help: 'Requests this process took over from a worker whose lease ran out.',
      registers,
    }),
    requests: new Gauge({
      name: 'ecs_portal_requests',
      help: 'Requests in the journal, by kind and state (the same in every replica: they share the journal).',
      labelNames: ['kind', 'state'],
      registers,
    }),
    oldestQueuedAge: new Gauge({
      name: 'ecs_portal_oldest_queued_request_age_seconds',
      help: 'How long the oldest request waiting for a worker has waited (0 when none waits).',
      registers,
    }),
  };
}

/** The process's metrics. */
export const metrics: Metrics = ((globalThis as { __ecsPortalMetrics?: Metrics }).__ecsPortalMetrics ??=
  createMetrics());
