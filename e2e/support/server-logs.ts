import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every app server the end-to-end run starts writes its output here, one file each, with the
 * secrets it was given beside it: the last check of the run (server-logs.check.ts) reads every line.
 */
export const SERVER_LOGS = join(__dirname, '..', '..', '.test-reports', 'server-logs');

/** The settings whose values must never appear in a log. */
const SECRET_SETTING = /SECRET|TOKEN|PASSWORD|ACCESS_KEY/;

let started = 0;

/** A file for one server's output (opened for the child to write to), its secrets noted beside it. */
export function serverLogFile(label: string, env: Record<string, string | undefined>): number {
  mkdirSync(SERVER_LOGS, { recursive: true });
  const path = join(SERVER_LOGS, `${label}-${process.pid}-${(started += 1)}`);
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_SETTING.test(name) && value)
    .map(([, value]) => value!);
  writeFileSync(`${path}.secrets.json`, JSON.stringify(secrets));
  return openSync(`${path}.log`, 'a');
}

/** Keeps what a server the test spawned itself writes, as startService does for the others. */
export function keepServerLog(child: ChildProcess, label: string, env: Record<string, string | undefined>): void {
  const file = createWriteStream('', { fd: serverLogFile(label, env) });
  child.stdout?.pipe(file, { end: false });
  child.stderr?.pipe(file, { end: false });
  // Once both of its outputs are closed; the stream closes the file.
  child.once('close', () => file.end());
}
