import { metricsText } from '@/lib/runtime/metrics-text';
import { mayReadMetrics } from '@/lib/telemetry/metrics-access';

/**
 * GET /metrics, in the Prometheus text format, for whoever has METRICS_TOKEN (as a bearer token).
 * Without the token set, the metrics are served on this machine only (instrumentation.ts starts
 * that listener) and this address says where.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const token = process.env.METRICS_TOKEN;
  if (!token) {
    return plain(
      404,
      'Not here: with no METRICS_TOKEN set, the metrics are served on the server’s loopback address only (METRICS_PORT, 9464 by default).',
    );
  }
  if (!mayReadMetrics(request.headers.get('authorization'), token)) {
    return plain(401, 'The metrics need the bearer token METRICS_TOKEN.', {
      'www-authenticate': 'Bearer realm="metrics"',
    });
  }
  const { contentType, body } = await metricsText();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}

function plain(status: number, message: string, headers: Record<string, string> = {}) {
  return new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
