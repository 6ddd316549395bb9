import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { closeSync } from 'node:fs';
import { serverLogFile } from './server-logs';
import { appEnvironment } from './settings';

const NEXT_BIN = join(__dirname, '..', '..', 'node_modules', 'next', 'dist', 'bin', 'next');

export interface AppServer {
  url: string;
  /** Stops the server: SIGTERM as a deployment does, SIGKILL as a lost machine does. */
  stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>;
}

/**
 * A process of the tests' own, once `readyUrl` answers. It runs in its own process group, so all
 * of it goes when it stops. With `logAs`, its output is kept for the run's log check.
 */
export async function startService(
  command: string,
  args: string[],
  env: Record<string, string>,
  readyUrl: string,
  logAs?: string,
): Promise<Pick<AppServer, 'stop'>> {
  const log = logAs === undefined ? 'ignore' : serverLogFile(logAs, env);
  const child: ChildProcess = spawn(command, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', log, log],
  });
  if (typeof log === 'number') closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let waited = 0; ; waited += 200) {
    const ready = await fetch(readyUrl).then(
      (answer) => answer.ok,
      () => false,
    );
    if (ready) break;
    if (waited > 30_000) throw new Error(`${command} did not answer at ${readyUrl}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    async stop(signal = 'SIGTERM') {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        return; // already gone
      }
      await exited;
    },
  };
}

/** A server of the built app of a test's own, on its own port and database, for the tests that restart or kill one. */
export async function startApp(
  port: number,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}`;
  const args = [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'];
  const { stop } = await startService(
    process.execPath,
    args,
    { ...appEnvironment(databaseUrl), ...env },
    `${url}/requests`,
    `app-${port}`,
  );
  return { url, stop };
}
