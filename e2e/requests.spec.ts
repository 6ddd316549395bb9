import type { Page } from '@playwright/test';
import { injectFault } from './support/aws';
import { expectNoViolations } from './support/axe';
import { expect, expectCreated, formRuns, test } from './support/fixtures';

async function createFargateCluster(page: Page, name: string) {
  await page.goto('/clusters/create');
  await formRuns(page);
  await page.getByLabel('Cluster name').fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
}

test('the Requests page lists each request with its state, and its page shows the journal', async ({ page }) => {
  const name = `journaled-${Date.now()}`;
  await createFargateCluster(page, name);
  await expectCreated(page, name);

  await page.getByRole('link', { name: 'Requests', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row).toContainText('Succeeded');
  await expectNoViolations(page);

  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name: /^Request / })).toBeVisible();
  const journal = page.getByRole('region', { name: 'Journal' });
  const steps = journal.getByRole('row').filter({ hasText: '1. Create the cluster' });
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('In progress');
  await expect(steps.nth(1)).toContainText('Done');
  await expect(page.getByRole('region', { name: 'The request as submitted' })).toContainText(
    `"clusterName": "${name}"`,
  );
  await expectNoViolations(page);
});

test('a failed request is found by its state and its name, and says why in both languages', async ({ page }) => {
  const name = `refused-${Date.now()}`;
  await injectFault({ operation: 'CreateCluster', code: 'AccessDeniedException', message: 'Injected', times: 1 });
  await createFargateCluster(page, name);
  await expect(page.getByRole('alert').filter({ hasText: `Creating cluster ${name} failed` })).toContainText(
    'ecs:CreateCluster',
  );

  await page.goto('/requests');
  await page.getByLabel('State').selectOption('rolledBack');
  await page.getByLabel('Cluster name contains').fill('refused-');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/state=rolledBack/);
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByRole('row')).not.toContainText(['Succeeded']);

  await page.getByRole('link', { name }).click();
  const journal = page.getByRole('region', { name: 'Journal' });
  await expect(journal.getByRole('row').filter({ hasText: 'Failed' })).toContainText('ecs:CreateCluster');

  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('heading', { name: /^요청 / })).toBeVisible();
  await expect(page.getByText('롤백됨').first()).toBeVisible();
  await expectNoViolations(page);
});
