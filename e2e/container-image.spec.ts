import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeClustersCommand } from '@aws-sdk/client-ecs';
import { ecs } from './support/aws';
import { layOut, removeLayout, runtimeStage, UNPRIVILEGED } from './support/dockerfile';
import { postCreate } from './support/form-post';
import { keepServerLog } from './support/server-logs';
import { appEnvironment } from './support/settings';
import { expect, test } from './support/fixtures';

/**
 * The container image, run as its CMD runs: the Dockerfile's runtime stage laid out in a folder
 * of its own from this build (`npm test` builds the standalone server), every file read-only and
 * owned by root, the server started as an unprivileged user in the stage's WORKDIR with the
 * stage's environment and nothing of this machine's. Only the address differs: loopback and a
 * port of the test's own, where the image says 0.0.0.0:3000.
 */
const REPOSITORY = join(__dirname, '..');
const PORT = 3125;
const url = `http://127.0.0.1:${PORT}`;

test('the image’s server starts read-only as its user, answers health, serves its pages and creates a cluster', async () => {
  test.setTimeout(120_000);
  const stage = runtimeStage(join(REPOSITORY, 'Dockerfile'));
  expect(stage.cmd).toEqual(['node', 'server.js']);
  expect(stage.env).toMatchObject({ NODE_ENV: 'production', NEXT_MANUAL_SIG_HANDLE: 'true', PORT: '3000' });
  const root = mkdtempSync(join(tmpdir(), 'image-'));
  const workdir = layOut(stage, REPOSITORY, root);
  const filesBefore = readdirSync(root, { recursive: true }).length;

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...stage.env,
    PORT: String(PORT),
    HOSTNAME: '127.0.0.1',
    ...appEnvironment(`file:${join(root, 'app', 'data', 'journal.db')}`),
  };
  const asUser = process.getuid?.() === 0 ? UNPRIVILEGED : {};
  const [command, ...args] = stage.cmd;
  const server = spawn(command === 'node' ? process.execPath : command!, args, {
    cwd: workdir,
    env: env as unknown as NodeJS.ProcessEnv,
    ...asUser,
  });
  keepServerLog(server, 'container-image', env);
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  try {
    await expect
      .poll(
        () =>
          fetch(`${url}/api/health/live`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 30_000 },
      )
      .toBe(200);
    const ready = await fetch(`${url}/api/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ready' });

    // The image's own health check, with the image's environment.
    const [check, ...checkArgs] = stage.healthcheck;
    expect(check).toBe('node');
    expect(
      spawnSync(process.execPath, checkArgs, { env: env as unknown as NodeJS.ProcessEnv, timeout: 10_000 }).status,
    ).toBe(0);

    // The page and the build's files it links to.
    const page = await fetch(`${url}/clusters/create`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/"(\/_next\/static\/[^"]+\.(?:css|js))"/g)].map(([, asset]) => asset!);
    expect(assets.some((asset) => asset.endsWith('.css'))).toBe(true);
    for (const asset of new Set(assets)) expect((await fetch(`${url}${asset}`)).status, asset).toBe(200);

    // A create, through the journal in the volume and the worker, to AWS.
    await postCreate(url, 'from-the-image');
    await expect
      .poll(
        async () =>
          (await ecs.send(new DescribeClustersCommand({ clusters: ['from-the-image'] }))).clusters?.[0]?.status,
        { timeout: 30_000 },
      )
      .toBe('ACTIVE');
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  expect(output).not.toMatch(/EACCES|EROFS|EPERM/);
  // Nothing was written beside the volume (the journal's file, and SQLite's two beside it).
  expect(readdirSync(root, { recursive: true }).length - filesBefore).toBeLessThanOrEqual(3);
  removeLayout(root);
});

/** A real build, where a container engine and the base image's registry can be reached; said so when not. */
test('the image builds with podman or buildah, where this machine has one', async () => {
  test.setTimeout(600_000);
  // Printed as well, so the run's output says it, not only its report.
  const skip = (reason: string) => {
    console.log(`container image build skipped: ${reason}`);
    test.skip(true, reason);
  };
  const engine = ['podman', 'buildah'].find((name) => spawnSync(name, ['--version']).status === 0);
  if (!engine) return skip('no podman or buildah on this machine; the test above runs the image’s layout instead');
  const built = spawnSync(engine, ['build', '-t', 'ecs-create-cluster:test', REPOSITORY], {
    encoding: 'utf8',
    timeout: 540_000,
  });
  const said = `${built.stdout}${built.stderr}`;
  if (built.status !== 0 && /pull|registry|no such host|dial tcp|network/i.test(said)) {
    return skip(`${engine} is here but cannot fetch the base image (node:24-slim) or the RDS bundle`);
  }
  expect(built.status, said.slice(-2000)).toBe(0);
  const user = spawnSync(engine, ['inspect', '--format', '{{.Config.User}}', 'ecs-create-cluster:test'], {
    encoding: 'utf8',
  });
  expect(user.stdout.trim()).toBe('node');
});
