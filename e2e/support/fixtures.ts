import { test as base, expect, type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, startService } from './app-server';
import { resetAws } from './aws';
import { E2E } from './settings';

/**
 * Each worker's own servers, on its own ports (settings.ts): moto, the fault-injecting proxy in
 * front of it, and the production build (`next start`) with a journal of its own, whose "AWS" is
 * that proxy. Tests check the result in that moto.
 */
async function startWorkerServers() {
  const moto = await startService(
    'python3',
    [
      join(__dirname, '..', '..', 'scripts', 'sandbox', 'moto_server.py'),
      '-H',
      '127.0.0.1',
      '-p',
      String(E2E.motoPort),
    ],
    {},
    `${E2E.motoUrl}/moto-api/`,
  );
  const proxy = await startService(
    process.execPath,
    [join(__dirname, 'fault-proxy.mjs')],
    { FAULT_PROXY_TARGET: E2E.motoUrl, FAULT_PROXY_PORT: String(E2E.proxyPort) },
    `${E2E.proxyUrl}/__faults`,
  );
  // A new journal for every run of every worker.
  const journal = join(tmpdir(), `ecs-console-e2e-${process.pid}-${Date.now()}.db`);
  const app = await startApp(E2E.appPort, `file:${journal}`);
  return async () => {
    await app.stop();
    await proxy.stop();
    await moto.stop();
  };
}

/** Every test runs against its worker's servers, and starts from an empty AWS and a proxy with no faults. */
export const test = base.extend<{ emptyAws: void }, { workerServers: void }>({
  workerServers: [
    async ({}, use) => {
      const stop = await startWorkerServers();
      await use();
      await stop();
    },
    { scope: 'worker', auto: true, timeout: 120_000 },
  ],
  // Relative addresses in tests go to this worker's app.
  baseURL: async ({}, provide) => provide(E2E.appUrl),
  emptyAws: [
    async ({}, use) => {
      await resetAws();
      await use();
    },
    { auto: true },
  ],
});
export { expect };

/** Whether the Create cluster form runs in the browser (React has hydrated it); run in the page. */
export function formHasRun() {
  const form = document.querySelector('form:has(#clusterName)');
  return form !== null && Object.keys(form).some((key) => key.startsWith('__reactFiber'));
}

/** Waits until the Create cluster form runs in the browser. */
export async function formRuns(page: Page) {
  await page.waitForFunction(formHasRun);
}

/** Opens an optional section of the Create cluster form by its heading. */
export async function openSection(page: Page, title: RegExp | string) {
  const heading = page.getByRole('heading', { name: title });
  const details = page.locator('details').filter({ has: heading });
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await heading.click();
}

/**
 * After Create: the action answers as soon as the request is stored, on the cluster's page,
 * which follows the worker until it says the (Fargate) cluster has been created.
 */
export async function expectCreated(page: Page, name: string) {
  await expect(page).toHaveURL(new RegExp(`/clusters/${encodeURIComponent(name)}\\?request=[0-9a-f-]{36}$`));
  // The page refreshes every 2 s until then: allow a loaded machine its time.
  await expect(page.getByRole('status').filter({ hasText: `Cluster ${name} has been created.` })).toBeVisible({
    timeout: 20_000,
  });
}
