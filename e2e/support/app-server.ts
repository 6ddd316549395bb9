import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { appEnvironment } from './settings';

const NEXT_BIN = join(__dirname, '..', '..', 'node_modules', 'next', 'dist', 'bin', 'next');

export interface AppServer {
  url: string;
  /** Stops the server: SIGTERM as a deployment does, SIGKILL as a lost machine does. */
  stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>;
}

/**
 * A server of the built app of a test's own, on its own port and database, for the tests that
 * restart or kill one. It runs in its own process group, so the whole server goes when it stops.
 */
export async function startApp(
  port: number,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<AppServer> {
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, ...appEnvironment(databaseUrl), ...env },
    detached: true,
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    const ready = await fetch(`${url}/requests`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (ready) break;
    if (waited > 30_000) throw new Error(`the app did not start on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
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
