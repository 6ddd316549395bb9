import { CreateClusterCommand, DeleteClusterCommand } from '@aws-sdk/client-ecs';
import type { Page } from '@playwright/test';
import { callsSeen, ecs } from './support/aws';
import { expect, test } from './support/fixtures';
import { E2E } from './support/settings';

/**
 * The clusters list with 1,000 clusters in the account (every tenth deleted, so INACTIVE): search,
 * sort and paging as a person uses them, and the page read from AWS one page at a time.
 */

const NAMES = Array.from({ length: 1000 }, (_, index) => `list-${String(index).padStart(4, '0')}`);
const ACTIVE = NAMES.filter((_, index) => index % 10 !== 9);

test.beforeEach(async () => {
  test.setTimeout(120_000);
  for (let start = 0; start < NAMES.length; start += 50) {
    await Promise.all(
      NAMES.slice(start, start + 50).map((clusterName) => ecs.send(new CreateClusterCommand({ clusterName }))),
    );
  }
  await Promise.all(
    NAMES.filter((_, index) => index % 10 === 9).map((cluster) => ecs.send(new DeleteClusterCommand({ cluster }))),
  );
});

const rowNames = (page: Page) => page.getByRole('table').getByRole('rowheader').allTextContents();

test('pages of 25 in name order, INACTIVE hidden, next and previous; each page one ListClusters and at most two DescribeClusters', async ({
  page,
}) => {
  await fetch(`${E2E.proxyUrl}/__calls`, { method: 'DELETE' });
  await page.goto('/clusters');
  expect(await rowNames(page)).toEqual(ACTIVE.slice(0, 25));
  const calls = await callsSeen();
  expect(calls.filter((call) => call === 'ListClusters')).toHaveLength(1);
  expect(calls.filter((call) => call === 'DescribeClusters').length).toBeLessThanOrEqual(2);

  const pages = page.getByRole('navigation', { name: 'Pages of the clusters list' });
  await pages.getByRole('link', { name: 'Next page' }).click();
  await expect(page.getByRole('rowheader').first()).toHaveText(ACTIVE[25]!);
  expect(await rowNames(page)).toEqual(ACTIVE.slice(25, 50));
  await pages.getByRole('link', { name: 'Next page' }).click();
  await expect(page.getByRole('rowheader').first()).toHaveText(ACTIVE[50]!);
  await pages.getByRole('link', { name: 'Previous page' }).click();
  await expect(page.getByRole('rowheader').first()).toHaveText(ACTIVE[25]!);
  expect(await rowNames(page)).toEqual(ACTIVE.slice(25, 50));
});

test('sorted Z to A by the name column, searched by part of the name, and INACTIVE shown when asked for', async ({
  page,
}) => {
  await page.goto('/clusters');
  const nameHeading = page.getByRole('columnheader', { name: /Cluster/ });
  await expect(nameHeading).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('link', { name: 'Cluster, sorted A to Z: sort Z to A' }).click();
  await expect(nameHeading).toHaveAttribute('aria-sort', 'descending');
  expect(await rowNames(page)).toEqual(ACTIVE.toReversed().slice(0, 25));

  await page.getByLabel('Find clusters by name').fill('LIST-05');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/search=LIST-05/);
  expect(await rowNames(page)).toEqual(
    ACTIVE.filter((name) => name.startsWith('list-05'))
      .toReversed()
      .slice(0, 25),
  );

  await page.getByLabel('Show INACTIVE clusters').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('rowheader').first()).toHaveText('list-0599');
  await expect(page.getByRole('row', { name: /list-0599/ })).toContainText('INACTIVE');
  await page.getByLabel('Find clusters by name').fill('no-such-cluster');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('No clusters match. Clear the search, or show INACTIVE clusters.')).toBeVisible();
});
