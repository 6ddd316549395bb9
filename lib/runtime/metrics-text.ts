import 'server-only';
import { log } from '@/lib/telemetry/log';
import { metrics, showQueue } from '@/lib/telemetry/metrics';
import { journal } from '.';

/**
 * The metrics as Prometheus reads them, the journal's gauges read just before: the requests of
 * each kind in each state, and the age of the oldest queued one. A journal that cannot be read
 * leaves the gauges as they were and the rest is served all the same.
 */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  try {
    showQueue(metrics, await (await journal()).queueSummary());
  } catch (error) {
    log.warn({ error }, 'the metrics could not read the request journal');
  }
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
