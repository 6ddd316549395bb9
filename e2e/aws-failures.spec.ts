import type { Page } from '@playwright/test';
import { callsSeen, clusterNames, injectFault } from './support/aws';
import { expect, test } from './support/fixtures';

/** Submits a Fargate cluster; the answer is its page, which tells how the request ended. */
async function submitCluster(page: Page, name: string) {
  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${name}\\?request=`));
}

const failureOf = (page: Page, name: string) =>
  page.getByRole('alert').filter({ hasText: `Creating cluster ${name} failed at step “Create the cluster”` });

test.describe('AWS failures get a clear message, and nothing is created', () => {
  test('access denied names the missing permission', async ({ page }) => {
    await injectFault({ operation: 'CreateCluster', code: 'AccessDeniedException', message: 'User is not authorized' });
    await submitCluster(page, 'denied');
    const alert = failureOf(page, 'denied');
    await expect(alert).toContainText('not allowed to call ecs:CreateCluster');
    await expect(alert).toContainText('Nothing was created.');
    await expect(page.locator('[data-step="createCluster"]')).toContainText('Failed');
    expect(await clusterNames()).toEqual([]);
  });

  test('throttling that outlasts the SDK’s retries says to try again', async ({ page }) => {
    await injectFault({ operation: 'CreateCluster', code: 'ThrottlingException', message: 'Rate exceeded' });
    await submitCluster(page, 'throttled');
    await expect(failureOf(page, 'throttled')).toContainText('Wait a minute and try again.');
    expect((await callsSeen()).filter((operation) => operation === 'CreateCluster')).toHaveLength(3);
    expect(await clusterNames()).toEqual([]);
  });

  test('a passing throttle is absorbed by the SDK’s retries', async ({ page }) => {
    await injectFault({ operation: 'CreateCluster', code: 'ThrottlingException', times: 1 });
    await submitCluster(page, 'retried');
    await expect(page.getByRole('status').filter({ hasText: 'Cluster retried has been created.' })).toBeVisible();
    expect(await clusterNames()).toEqual(['retried']);
  });

  test('an AWS quota passes on AWS’s own explanation', async ({ page }) => {
    await injectFault({
      operation: 'CreateCluster',
      code: 'LimitExceededException',
      message: 'You have reached the limit of 10000 clusters.',
    });
    await submitCluster(page, 'quota');
    await expect(failureOf(page, 'quota')).toContainText('You have reached the limit of 10000 clusters.');
  });

  test('an internal AWS error says to try again later', async ({ page }) => {
    await injectFault({ operation: 'CreateCluster', code: 'ServerException', status: 500 });
    await submitCluster(page, 'server-error');
    await expect(failureOf(page, 'server-error')).toContainText(
      'AWS had an internal error. Try again in a few minutes.',
    );
    expect(await clusterNames()).toEqual([]);
  });

  test('an unknown failure shows a generic message with a reference for the log', async ({ page }) => {
    await injectFault({ operation: 'CreateCluster', code: 'SomethingUnheardOf', message: 'internal detail' });
    await submitCluster(page, 'mystery');
    const alert = failureOf(page, 'mystery');
    await expect(alert).toContainText(/give your administrator this reference: fault-[0-9a-f-]{36}/);
    await expect(alert).not.toContainText('internal detail');
  });

  // Before anything is stored, the server asks AWS who and where it is: the form answers that.
  test('AWS unreachable', async ({ page }) => {
    await page.goto('/clusters/create');
    await injectFault({ operation: '*', drop: true });
    await page.getByLabel('Cluster name').fill('offline');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.locator('#form-error')).toContainText('The server could not reach AWS');
    await expect(page.locator('#form-error')).toContainText('Nothing was created.');
  });

  test('the pages say when AWS cannot be read', async ({ page }) => {
    await injectFault({ operation: '*', code: 'AccessDeniedException' });
    await page.goto('/clusters');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('not allowed to call ecs:ListClusters');
    await page.goto('/clusters/create');
    await expect(page.getByText('The existing namespaces could not be listed')).toBeVisible();
    await page.goto('/clusters/anything');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('not allowed to call ecs:DescribeClusters');
  });
});
