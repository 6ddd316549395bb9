import { clusterNames, injectFault } from './support/aws';
import { expect, formRuns, test } from './support/fixtures';

// The app's server gives each AWS attempt 10 s and a page view or a submit 8 s in all (support/settings.ts).
const DID_NOT_ANSWER = 'AWS did not answer in 8 s.';

test('ListClusters never answers: the clusters list answers within the page’s deadline, and says so', async ({
  page,
}) => {
  await injectFault({ operation: 'ListClusters', delayMs: 60_000 });
  await page.goto('/clusters');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toContainText(DID_NOT_ANSWER);
});

test('a list AWS never answers: the page loads, and the list says AWS did not answer', async ({ page }) => {
  await injectFault({ operation: 'DescribeVpcs', delayMs: 60_000 });
  await page.goto('/clusters/create?ec2=1');
  await expect(page.getByText(DID_NOT_ANSWER).first()).toBeVisible();
  await expect(page.getByLabel('Cluster name')).toBeEditable();
});

test('a check AWS never answers: Create ends with a clear message, and nothing is created', async ({ page }) => {
  await page.goto('/clusters/create');
  await formRuns(page);
  await page.getByLabel('Cluster name').fill('hangs');
  await injectFault({ operation: 'DescribeClusters', delayMs: 60_000 });
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.locator('#form-error')).toContainText(DID_NOT_ANSWER, { timeout: 30_000 });
  await expect(page.locator('#form-error')).toContainText('Nothing was created.');
  expect(await clusterNames()).toEqual([]);
});
