import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { clusterNames } from './support/aws';
import { type AppServer, startApp } from './support/app-server';
import { expect, test } from './support/fixtures';

/** A journal that cannot be used: every page says which problem and what to do; a submit stores and creates nothing. */

const PORT = 3115;
let server: AppServer | undefined;
test.afterEach(async () => {
  await server?.stop('SIGKILL');
  server = undefined;
});

const sqliteFile = () => join(mkdtempSync(join(tmpdir(), 'ecs-console-problem-')), 'journal.db');

test('an unreachable PostgreSQL: every page says so, and Create fails on the form, creating nothing', async ({
  page,
}) => {
  // Nothing listens on port 9 of this machine.
  server = await startApp(PORT, 'postgres://postgres@127.0.0.1:9/journal');
  await page.goto(`${server.url}/clusters`);
  await expect(page.getByRole('alert').first()).toContainText('The server could not reach its database (ECONNREFUSED)');

  await page.goto(`${server.url}/clusters/create`);
  await page.getByLabel('Cluster name').fill('not-stored');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.locator('#form-error')).toContainText('Check DATABASE_URL and that PostgreSQL is running');
  await expect(page.locator('#form-error')).toContainText('Nothing was created.');
  expect(await clusterNames()).toEqual([]);

  // A load balancer asking: alive, but not ready, and why, without the database's address.
  expect((await fetch(`${server.url}/api/health/live`)).status).toBe(200);
  const ready = await fetch(`${server.url}/api/health/ready`);
  expect(ready.status).toBe(503);
  expect(ready.headers.get('cache-control')).toBe('no-store');
  const text = await ready.text();
  expect(JSON.parse(text)).toMatchObject({
    status: 'not ready',
    checks: { journal: { ok: false, detail: 'unreachable' }, worker: { ok: true }, awsCredentials: { ok: true } },
  });
  expect(text).not.toMatch(/127\.0\.0\.1|postgres:|:9\b/);
});

test('a damaged SQLite file, and one from a newer version of the app, are named on the page', async ({ page }) => {
  const damaged = sqliteFile();
  writeFileSync(damaged, 'this is not a database, though it is long enough to be read as one. '.repeat(100));
  server = await startApp(PORT, `file:${damaged}`);
  await page.goto(`${server.url}/requests`);
  await expect(page.getByRole('alert').first()).toContainText('is damaged or is not a SQLite database');
  await server.stop();

  const newer = sqliteFile();
  server = await startApp(PORT, `file:${newer}`);
  await server.stop();
  const sqlite = new SQLite(newer);
  sqlite
    .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
    .run('9999-from-the-future', new Date().toISOString());
  sqlite.close();
  server = await startApp(PORT, `file:${newer}`);
  await page.goto(`${server.url}/clusters`);
  await expect(page.getByRole('alert').first()).toContainText(
    'The database was set up by a newer version of this app (migration 9999-from-the-future)',
  );
});
