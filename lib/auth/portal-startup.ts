import 'server-only';
import { currentPolicy, policyFilePath } from '@/lib/policy/current';
import { log } from '@/lib/telemetry/log';
import { authSettings } from './settings';

/**
 * In portal mode the server needs its sign-in settings and a usable policy file: without them it
 * would refuse everyone, or decide under rules nobody meant. In single-user mode whoever reaches
 * the server acts with its AWS credentials, so it may listen on this machine only: a HOSTNAME
 * that is not loopback (the container image's 0.0.0.0) is refused. It stops at once, saying why.
 */
export function checkPortalSettings(env: Record<string, string | undefined> = process.env): void {
  try {
    if (authSettings(env).mode !== 'portal') {
      if (env.HOSTNAME && !isLoopback(env.HOSTNAME)) {
        throw new Error(
          `Single-user mode listens on this machine only, not on ${env.HOSTNAME}: set OIDC_ISSUER (and the portal's settings) to serve others, or HOSTNAME=127.0.0.1.`,
        );
      }
      return;
    }
    const { version } = currentPolicy();
    log.info({ policyFile: policyFilePath(), policyVersion: version }, 'team rules loaded');
  } catch (error) {
    log.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

const isLoopback = (address: string) =>
  address === 'localhost' || address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
