// Helpers shared by the run, test and bench scripts. Node built-ins only: these run before `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/**
 * Installs the locked dependencies when node_modules is missing or older than the lock file: the
 * app's, or another folder's of its own (deploy/, the CDK app).
 */
export function ensureDependencies(folder = root) {
  const marker = join(folder, 'node_modules', '.package-lock.json');
  const lock = join(folder, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log(`› Installing dependencies (npm ci${folder === root ? '' : ` in ${folder}`})…`);
  run('npm', ['ci', '--no-audit', '--no-fund', '--prefix', folder]);
}

/** Builds the production app unless a build newer than every source file exists. */
export function ensureBuild() {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (existsSync(buildId) && newestSource() <= statSync(buildId).mtimeMs) return;
  console.log('› Building the app (next build)…');
  run('npx', ['next', 'build']);
}

function newestSource() {
  let newest = 0;
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['app', 'components', 'lib', 'public']) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of ['package-lock.json', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json']) {
    newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  }
  return newest;
}

/**
 * Starts a long-running process in a process group of its own, and stops that whole group when
 * this script ends, however it ends (done, an error, Ctrl-C, SIGTERM): nothing is left listening.
 */
export function startService(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'ignore', ...options, detached: true });
  services.add(child);
  child.on('exit', () => services.delete(child));
  return child;
}

const services = new Set();
export function stopServices() {
  for (const child of services) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  services.clear();
}
process.on('exit', stopServices);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopServices();
    // End here unless the script has its own way of ending on this signal.
    if (process.listenerCount(signal) === 1) process.exit(130);
  });
}

/** The Next.js command line, run by node directly so that stopping it stops the server (npx would stay between). */
export const NEXT_BIN = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/** Runs a command in the project folder, inheriting the terminal; exits the script if it fails. */
export function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export { freePort } from './ports.mjs';

/** Starts the moto AWS emulator on loopback and resolves once it answers. */
export async function startMoto(port) {
  const probe = spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' });
  if (probe.status !== 0) {
    console.error("The sandbox needs the moto AWS emulator: pip install 'moto[server]==5.2.1'");
    process.exit(1);
  }
  const moto = startService('python3', [
    join(root, 'scripts/sandbox/moto_server.py'),
    '-H',
    '127.0.0.1',
    '-p',
    String(port),
  ]);
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) return { process: moto, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  moto.kill();
  throw new Error(`moto did not start on ${url}`);
}

/**
 * True when the environment names AWS credentials the SDK's default chain will find. An instance
 * role cannot be seen from here without asking the instance metadata service: set AWS_SANDBOX=0.
 */
export function hasAwsConfiguration(env = process.env) {
  if (env.AWS_SANDBOX === '1') return false;
  if (env.AWS_SANDBOX === '0') return true;
  const home = env.HOME ?? '';
  return (
    [
      'AWS_PROFILE',
      'AWS_ACCESS_KEY_ID',
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
    ].some((name) => env[name]) ||
    existsSync(join(home, '.aws', 'credentials')) ||
    existsSync(join(home, '.aws', 'config'))
  );
}

/** The settings that point the app at a local moto server as the sandbox. */
export function sandboxEnvironment(motoUrl, env = process.env) {
  return {
    ...env,
    AWS_ENDPOINT_URL: motoUrl,
    AWS_REGION: env.AWS_REGION ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: 'sandbox',
    AWS_SECRET_ACCESS_KEY: 'sandbox',
    ECS_CONSOLE_SANDBOX: '1',
    // The emulated AWS is gone when the sandbox stops: so is the journal of what was made in it.
    DATABASE_URL: env.DATABASE_URL ?? `file:${join(mkdtempSync(join(tmpdir(), 'ecs-console-sandbox-')), 'journal.db')}`,
  };
}
