import 'server-only';
import type { InitializeHandlerOptions, InitializeMiddleware, Pluggable } from '@smithy/types';
import { log } from '@/lib/telemetry/log';
import { metrics } from '@/lib/telemetry/metrics';

/**
 * Counts and times every AWS call a client makes, retries included, by service, operation and
 * outcome ("ok", or the name of the error AWS or the SDK gave: AccessDeniedException,
 * TimeoutError, …), and logs each at debug level. An SDK middleware, so whoever sends the call
 * (a page's read, a plan's step) is counted alike.
 */
const observeCall =
  <Input extends object, Output extends object>(): InitializeMiddleware<Input, Output> =>
  (next, context) =>
  async (args) => {
    const service = (context.clientName ?? 'unknown').replace(/Client$/, '');
    const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
    const started = performance.now();
    const observe = (outcome: string) => {
      const seconds = (performance.now() - started) / 1000;
      metrics.awsCalls.inc({ service, operation, outcome });
      metrics.awsCallDuration.observe({ service, operation, outcome }, seconds);
      log.debug({ service, awsOperation: operation, outcome, durationMs: Math.round(seconds * 1000) }, 'AWS call');
    };
    try {
      const output = await next(args);
      observe('ok');
      return output;
    } catch (error) {
      observe(error instanceof Error ? error.name : 'unknown');
      throw error;
    }
  };

const OPTIONS: InitializeHandlerOptions & { name: string } = { step: 'initialize', name: 'ecsPortalCallMetrics' };

/** The plugin that observes a client's calls: `client.middlewareStack.use(callMetrics())`. */
export const callMetrics = <Input extends object, Output extends object>(): Pluggable<Input, Output> => ({
  applyToStack: (stack) => stack.add(observeCall<Input, Output>(), OPTIONS),
});
