import 'server-only';
import { currentPolicy, policyFilePath } from '@/lib/policy/current';
import { authSettings } from './settings';
import { log } from '@/lib/telemetry/log';

/**
 * In portal mode the server needs its sign-in settings and a usable policy file: without them it
 * would refuse everyone, or decide under rules nobody meant. It stops at once, saying every problem.
 */
export function checkPortalSettings(): void {
  try {
    if (authSettings().mode !== 'portal') return;
    const { version } = currentPolicy();
    log.info({ policyFile: policyFilePath(), policyVersion: version }, 'team rules loaded');
  } catch (error) {
    log.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
