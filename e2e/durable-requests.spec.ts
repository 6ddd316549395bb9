import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, startPostgres } from '../scripts/postgres.mjs';
import {
  autoScalingGroups,
  capacityProviders,
  defaultNetwork,
  describeCluster,
  injectFault,
  launchTemplates,
} from './support/aws';
import { type AppServer, startApp } from './support/app-server';
import { expect, test } from './support/fixtures';
import { postCreate } from './support/form-post';

/**
 * Requests outlive the server process that took them: they are in the journal, and a server
 * started on the same database shows them and finishes what a dead one left running.
 */

const PORT = 3111;
let server: AppServer | undefined;
test.afterEach(async () => {
  await server?.stop('SIGKILL');
  server = undefined;
});

const newSqliteDatabase = async () => `file:${join(mkdtempSync(join(tmpdir(), 'ecs-console-durable-')), 'journal.db')}`;

/** A PostgreSQL of this file's own, from Debian's server binaries, for the crash test on PostgreSQL. */
let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
test.afterAll(() => postgres?.stop());
async function newPostgresDatabase() {
  postgres ??= await startPostgres();
  return createDatabase(postgres.url);
}

test('a request and its steps are still on the Requests page after the server restarts', async ({ page }) => {
  const database = await newSqliteDatabase();
  server = await startApp(PORT, database);
  await postCreate(server.url, 'before-restart');
  await expect.poll(async () => (await describeCluster('before-restart'))?.status).toBe('ACTIVE');
  await server.stop('SIGTERM');

  server = await startApp(PORT, database);
  await page.goto(`${server.url}/requests`);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'before-restart' }) });
  await expect(row).toContainText('Succeeded');
  await row.getByRole('link', { name: 'before-restart' }).click();
  const journal = page.getByRole('region', { name: 'Journal' });
  await expect(journal.getByRole('row').filter({ hasText: '1. Create the cluster' }).last()).toContainText('Done');
});

for (const [engine, newDatabase] of [
  ['SQLite', newSqliteDatabase],
  ['PostgreSQL', newPostgresDatabase],
] as const) {
  test(`${engine}: a server killed in the middle of an EC2 create: the next one finishes it, and nothing is made twice`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const database = await newDatabase();
    const settings = { WORKER_LEASE_SECONDS: '3' };
    server = await startApp(PORT, database, settings);
    // The Auto Scaling group's creation takes its time: the server dies while it waits.
    await injectFault({ operation: 'CreateAutoScalingGroup', delayMs: 4000, times: 1 });
    await postCreate(server.url, 'survivor', { ec2: 'on', maxSize: '2', ...(await defaultNetwork()) });
    await expect.poll(async () => (await launchTemplates()).length, { timeout: 20_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await server.stop('SIGKILL');

    server = await startApp(PORT, database, settings);
    await page.goto(`${server.url}/requests`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'survivor' }) });
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText(/Succeeded|Rolled back/);
    }).toPass({ timeout: 60_000 });

    // moto holds only this test's resources: each made once, or (rolled back) not at all.
    const succeeded = (await row.textContent())?.includes('Succeeded');
    const expected = succeeded ? 1 : 0;
    expect(await autoScalingGroups()).toHaveLength(expected);
    expect(await launchTemplates()).toHaveLength(expected);
    expect(await capacityProviders()).toHaveLength(expected);
    if (succeeded) expect((await describeCluster('survivor'))?.status).toBe('ACTIVE');

    // Two workers wrote the journal: the killed one, then the one that took over.
    await row.getByRole('link', { name: 'survivor' }).click();
    await expect(page.getByRole('heading', { name: /^Request / })).toBeVisible();
    const workers = await page.getByRole('region', { name: 'Journal' }).locator('td.font-mono').allTextContents();
    expect(new Set(workers).size).toBe(2);
  });
}

test('a server stopped with SIGTERM in the middle of a step hands the request back: the next one goes on at once', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const database = await newSqliteDatabase();
  // The default lease (30 s) is longer than this test waits: only a hand-back lets the next server go on.
  server = await startApp(PORT, database);
  await injectFault({ operation: 'CreateAutoScalingGroup', delayMs: 3000, times: 1 });
  await postCreate(server.url, 'handed-back', { ec2: 'on', maxSize: '2', ...(await defaultNetwork()) });
  await expect.poll(async () => (await launchTemplates()).length, { timeout: 20_000 }).toBe(1);
  await server.stop('SIGTERM'); // returns once the process has ended: after its step, having handed back

  server = await startApp(PORT, database);
  await page.goto(`${server.url}/requests`);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'handed-back' }) });
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText('Succeeded');
  }).toPass({ timeout: 20_000 });
  expect(await autoScalingGroups()).toHaveLength(1);
});
