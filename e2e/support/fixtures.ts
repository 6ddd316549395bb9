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

/** Opens an optional section of the Create cluster form by its heading. */
export async function openSection(page: Page, title: RegExp | string) {
  const heading = page.getByRole('heading', { name: title });
  const details = page.locator('details').filter({ has: heading });
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await heading.click();
}
