/**
 * Runs once when a server process starts: its log and metrics, then a provisioning worker that
 * takes up requests from the journal (every process, every replica, runs one). Not in the Edge
 * runtime, and not while `next build` renders pages.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  (await import('@/lib/telemetry/console-to-log')).sendConsoleToLog();
  (await import('@/lib/telemetry/http-metrics')).countHttpRequests();
  // In portal mode a server without its sign-in settings or a usable policy file stops at once.
  (await import('@/lib/auth/portal-startup')).checkPortalSettings();
  const [{ database }, { databaseProblem }, { startWorker }, { log }] = await Promise.all([
    import('@/lib/db'),
    import('@/lib/db/problems'),
    import('@/lib/runtime'),
    import('@/lib/telemetry/log'),
  ]);
  await serveMetricsWithoutToken();
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

/** With no METRICS_TOKEN, /metrics is served on this machine's loopback address only. */
async function serveMetricsWithoutToken() {
  if (process.env.METRICS_TOKEN || process.env.METRICS_PORT === 'off') return;
  const [{ DEFAULT_METRICS_PORT, serveMetricsOnLoopback }, { metricsText }] = await Promise.all([
    import('@/lib/telemetry/metrics-listener'),
    import('@/lib/runtime/metrics-text'),
  ]);
  await serveMetricsOnLoopback(Number(process.env.METRICS_PORT || DEFAULT_METRICS_PORT), metricsText);
}
