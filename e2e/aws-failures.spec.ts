import { callsSeen, clusterNames, injectFault } from './support/aws';
import { expect, test } from './support/fixtures';

async function submitCluster(page: import('@playwright/test').Page, name: string) {
  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
}

test.describe('AWS failures get a clear message, and nothing is created', () => {
  test('access denied names the missing permission', async ({ page }) => {
    await injectFault({ operation: 'CreateCluster', code: 'AccessDeniedException', message: 'User is not authorized' });
    await submitCluster(page, 'denied');
    const alert = page.locator('#form-error');
    await expect(alert).toContainText('not allowed to call ecs:CreateCluster');
    await expect(alert).toContainText('Nothing was created.');
    await expect(alert).toBeFocused();
    await expect(page.getByLabel('Cluster name')).toHaveValue('denied');
    expect(await clusterNames()).toEqual([]);
  });

  test('throttling that outlasts the SDK’s retries says to try again', async ({ page }) => {
    await injectFault({ operation: 'CreateCluster', code: 'ThrottlingException', message: 'Rate exceeded' });
    await submitCluster(page, 'throttled');
    await expect(page.locator('#form-error')).toContainText('Wait a minute and try again.');
    expect((await callsSeen()).filter((operation) => operation === 'CreateCluster')).toHaveLength(3);
    expect(await clusterNames()).toEqual([]);
  });

  test('a passing throttle is absorbed by the SDK’s retries', async ({ page }) => {
    await injectFault({ operation: 'CreateCluster', code: 'ThrottlingException', times: 1 });
    await submitCluster(page, 'retried');
    await expect(page).toHaveURL(/\/clusters\/retried\?request=[0-9a-f-]{36}$/);
    expect(await clusterNames()).toEqual(['retried']);
  });

  test('an AWS quota passes on AWS’s own explanation', async ({ page }) => {
    await injectFault({
      operation: 'CreateCluster',
      code: 'LimitExceededException',
      message: 'You have reached the limit of 10000 clusters.',
    });
    await submitCluster(page, 'quota');
    await expect(page.locator('#form-error')).toContainText('You have reached the limit of 10000 clusters.');
  });

  test('an internal AWS error says to try again later', async ({ page }) => {
    await injectFault({ operation: 'CreateCluster', code: 'ServerException', status: 500 });
    await submitCluster(page, 'server-error');
    await expect(page.locator('#form-error')).toContainText('AWS had an internal error. Try again in a few minutes.');
    expect(await clusterNames()).toEqual([]);
  });

  test('an unknown failure shows a generic message with a reference for the log', async ({ page }) => {
    await injectFault({ operation: 'CreateCluster', code: 'SomethingUnheardOf', message: 'internal detail' });
    await submitCluster(page, 'mystery');
    const alert = page.locator('#form-error');
    await expect(alert).toContainText(/give your administrator this reference: fault-[0-9a-f-]{36}/);
    await expect(alert).not.toContainText('internal detail');
  });

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
