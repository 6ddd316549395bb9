import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepServerLog } from './support/server-logs';
import { E2E } from './support/settings';
import { expect, test } from './support/fixtures';

/**
 * Single-user mode (AWS configured, no identity provider): whoever reaches the server acts with its
 * AWS credentials, so `npm start` listens on this machine only, and refuses to listen elsewhere.
 */

const PORT = 3119;

function npmStart(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const settings = {
    ...process.env,
    PORT: String(PORT),
    AWS_ENDPOINT_URL: E2E.proxyUrl,
    AWS_REGION: E2E.region,
    AWS_ACCESS_KEY_ID: E2E.accessKeyId,
    AWS_SECRET_ACCESS_KEY: E2E.secretAccessKey,
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'single-user-')), 'journal.db')}`,
    OIDC_ISSUER: '',
    ...env,
  };
  const child = spawn(process.execPath, [join(__dirname, '..', 'scripts', 'start.mjs')], {
    env: settings,
    detached: true,
  });
  keepServerLog(child, 'npm-start', settings);
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** This machine's addresses other than loopback: where a server on all interfaces would answer. */
const outwardAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address!.address);

test('single-user mode listens on loopback only, says so on every page, and refuses another address', async ({
  page,
}) => {
  const refused = npmStart({ HOSTNAME: '0.0.0.0' });
  const code = await new Promise<number | null>((resolve) => refused.child.once('exit', resolve));
  expect(code).toBe(1);
  expect(refused.output()).toContain('Single-user mode listens on this machine only, not on 0.0.0.0');

  const server = npmStart({});
  try {
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${PORT}/clusters`).then(
            (answer) => answer.status,
            () => 0,
          ),
        {
          timeout: 30_000,
        },
      )
      .toBe(200);
    expect(server.output()).toContain('Single-user mode: listening on 127.0.0.1 only.');
    for (const address of outwardAddresses()) {
      await expect(fetch(`http://${address}:${PORT}/clusters`), address).rejects.toThrow();
    }
    await page.goto(`http://127.0.0.1:${PORT}/clusters`);
    await expect(page.getByRole('note')).toHaveText(
      'Single-user mode: anyone who can reach this server acts with its AWS credentials. It listens on this machine only.',
    );
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  } finally {
    process.kill(-server.child.pid!, 'SIGTERM');
  }
});
