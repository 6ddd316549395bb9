import 'server-only';
import { resolve } from 'node:path';
import { type LoadedPolicy, loadPolicyFile } from './load';

/** The policy file the server was started with: POLICY_FILE, or ./policy.yaml. */
// Read at run time from wherever the operator put it: nothing for the build to trace.
export const policyFilePath = () => resolve(/* turbopackIgnore: true */ process.env.POLICY_FILE || './policy.yaml');

/**
 * The rules in force, read once per process: a changed file is picked up on restart, so every
 * decision of one process is made under one version. Throws PolicyFileError when it cannot be used.
 */
export function currentPolicy(): LoadedPolicy {
  const holder = globalThis as { __ecsConsolePolicy?: LoadedPolicy };
  holder.__ecsConsolePolicy ??= loadPolicyFile(policyFilePath());
  return holder.__ecsConsolePolicy;
}
