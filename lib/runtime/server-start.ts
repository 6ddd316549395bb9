import 'server-only';
import { checkPortalSettings } from '@/lib/auth/portal-startup';
import { database } from '@/lib/db';
import { databaseProblem } from '@/lib/db/problems';
import { sendConsoleToLog } from '@/lib/telemetry/console-to-log';
import { countHttpRequests } from '@/lib/telemetry/http-metrics';
import { log } from '@/lib/telemetry/log';
import { DEFAULT_METRICS_PORT, serveMetricsOnLoopback } from '@/lib/telemetry/metrics-listener';
import { metricsText } from './metrics-text';
import { startWorker } from '.';

/**
 * What a server process does once, as it starts (instrumentation.ts): its log and metrics first,
 * then its checks, then the provisioning worker that takes up requests from the journal (every
 * process, every replica, runs one).
 */
export async function startServerProcess(): Promise<void> {
  sendConsoleToLog();
  countHttpRequests();
  // In portal mode a server without its sign-in settings or a usable policy file stops at once.
  checkPortalSettings();
  // With no METRICS_TOKEN, /metrics is served on this machine's loopback address only.
  if (!process.env.METRICS_TOKEN && process.env.METRICS_PORT !== 'off') {
    await serveMetricsOnLoopback(Number(process.env.METRICS_PORT || DEFAULT_METRICS_PORT), metricsText);
  }
  // Said at once in the log; every page says it too, in the person's language, until it is fixed.
  await database().catch((error: unknown) => {
    const problem = databaseProblem(error);
    log.error(
      { problem: problem.key, detail: problem.params?.detail },
      'the request journal cannot be used (DATABASE_URL; see the README’s settings)',
    );
  });
  startWorker();
}
