import 'server-only';
import { createServer, type Server } from 'node:http';
import { log } from './log';

/** Where the metrics are served when no METRICS_TOKEN is set: OpenTelemetry's Prometheus port. */
export const DEFAULT_METRICS_PORT = 9464;

/**
 * Serves GET /metrics on 127.0.0.1 only, for a collector on the same machine or in the same task
 * (a sidecar): nothing else can reach it. A port already taken (another replica on this machine)
 * is said in the log, and the app goes on without it.
 */
export function serveMetricsOnLoopback(
  port: number,
  metricsText: () => Promise<{ contentType: string; body: string }>,
): Promise<Server | undefined> {
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the metrics are at /metrics.\n');
      return;
    }
    try {
      const { contentType, body } = await metricsText();
      response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
    } catch (error) {
      log.error({ error }, 'could not collect the metrics');
      response.writeHead(500, { 'content-type': 'text/plain' }).end('The metrics could not be collected.\n');
    }
  });
  return new Promise((resolve) => {
    server.once('error', (error) => {
      log.warn({ error, port }, 'the metrics are not served on loopback: the port is taken (set METRICS_PORT)');
      resolve(undefined);
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      log.info({ port: typeof address === 'object' ? address?.port : port }, 'metrics served at 127.0.0.1/metrics');
      server.unref();
      resolve(server);
    });
  });
}
