import 'server-only';
import type { StepStatus } from '@/lib/cluster/plan';
import type { FinalState } from '@/lib/db/journal';
import type { RequestRecord } from '@/lib/db/records';
import { log as processLog, type Logger } from '@/lib/telemetry/log';
import { metrics } from '@/lib/telemetry/metrics';

/**
 * What one run of a request tells the log and the metrics: which worker took it (and whether from
 * a worker whose lease ran out), each step with its AWS action and how long it took, and how the
 * request ended. Every line names the request, its cluster and who asked.
 */
export interface RunTelemetry {
  step(index: number, status: StepStatus, error?: unknown): void;
  ended(state: FinalState): void;
  handedBack(): void;
  stopped(error: unknown): void;
}

export function observeRun(
  request: RequestRecord,
  claim: { owner: string; takenOver: boolean },
  log: Logger = processLog,
): RunTelemetry {
  const runLog = log.child({
    requestId: request.id,
    kind: request.kind,
    cluster: request.clusterName,
    principal: request.requestedBy ?? 'single-user',
    ...(request.team && { team: request.team }),
  });
  if (claim.takenOver) metrics.leasesTakenOver.inc();
  runLog.info(
    { worker: claim.owner },
    claim.takenOver ? 'request taken over from a worker whose lease ran out' : 'request claimed',
  );
  const startedAt = new Map<number, number>();
  return {
    step(index, status, error) {
      const step = request.plan.steps[index]!;
      const fields = { step: step.id, awsOperation: step.call.action, status };
      if (status === 'running') {
        startedAt.set(index, performance.now());
        runLog.debug(fields, 'step started');
        return;
      }
      const started = startedAt.get(index);
      const seconds = started === undefined ? undefined : (performance.now() - started) / 1000;
      if (seconds !== undefined) {
        metrics.stepDuration.observe({ kind: request.kind, action: step.call.action, status }, seconds);
      }
      const durationMs = seconds === undefined ? undefined : Math.round(seconds * 1000);
      if (error === undefined) runLog.info({ ...fields, durationMs }, `step ${status}`);
      else runLog.warn({ ...fields, durationMs, error: awsErrorFields(error) }, `step ${status}`);
    },
    ended: (state) => runLog.info({ state }, `request ${state}`),
    handedBack: () => runLog.info('request handed back: this process is stopping'),
    stopped: (error) =>
      runLog.error({ error }, 'request stopped unexpectedly; it is taken up again when its lease runs out'),
  };
}

/** What an AWS error says, without its response object (nothing in it is of use in a log). */
function awsErrorFields(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const { $metadata } = error as { $metadata?: { requestId?: string; httpStatusCode?: number } };
  return {
    name: error.name,
    message: error.message,
    awsRequestId: $metadata?.requestId,
    httpStatus: $metadata?.httpStatusCode,
  };
}
