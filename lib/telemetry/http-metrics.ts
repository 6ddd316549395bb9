import 'server-only';
import { NodeTracerProvider, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { countHttpAnswer, metrics as processMetrics, type Metrics } from './metrics';

/**
 * HTTP requests by route and status, from the spans Next.js makes for each request it answers
 * ("BaseServer.handleRequest", with `http.route` such as `/clusters/[name]` and
 * `http.status_code`; see its OpenTelemetry guide). Next.js makes them once a tracer provider is
 * registered; nothing is exported anywhere, the spans only feed the metrics.
 */
export class HttpMetricsProcessor implements SpanProcessor {
  constructor(private readonly metrics: Metrics = processMetrics) {}

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    const { attributes } = span;
    if (attributes['next.span_type'] !== 'BaseServer.handleRequest') return;
    // The pass that runs proxy.ts before the page: its status is not the answer's yet. What
    // proxy.ts refuses itself it counts itself (countRefusal in metrics.ts).
    if (attributes['next.bubble']) return;
    const [seconds, nanoseconds] = span.duration;
    countHttpAnswer(
      this.metrics,
      {
        method: String(attributes['http.method'] ?? 'GET'),
        // No route: a page that does not exist, or a file of the build's.
        route: String(attributes['http.route'] ?? 'unmatched'),
        status: String(attributes['http.status_code'] ?? 0),
      },
      seconds + nanoseconds / 1e9,
    );
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** Registers the tracer provider whose spans feed the HTTP metrics (instrumentation.ts, once a process). */
export function countHttpRequests(): void {
  new NodeTracerProvider({ spanProcessors: [new HttpMetricsProcessor()] }).register();
}
