import { test as base, expect, type Page } from '@playwright/test';
import { resetAws } from './aws';

/** Every test starts from an empty AWS and a proxy with no faults. */
export const test = base.extend<{ emptyAws: void }>({
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
