import { clusterNames, describeCluster } from './support/aws';
import { expect, test } from './support/fixtures';

test.use({ javaScriptEnabled: false });

test('without JavaScript the form posts, shows the server’s errors with the input kept, and creates the cluster', async ({
  page,
}) => {
  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill('no js!');
  await page.getByLabel('Default namespace').fill('bad namespace');
  await page.getByRole('heading', { name: /Monitoring/ }).click();
  await page.getByLabel('Container Insights', { exact: true }).check();
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  // The server's answer, rendered as a whole page.
  await expect(page.getByRole('heading', { name: 'Fix 2 problems before you create the cluster' })).toBeVisible();
  await expect(page.getByLabel('Cluster name')).toHaveValue('no js!');
  await expect(page.getByLabel('Cluster name')).toHaveAccessibleDescription(
    /^The cluster name can contain only letters, numbers, hyphens/,
  );
  await expect(page.getByLabel('Default namespace')).toHaveAccessibleDescription(
    /^The namespace cannot contain spaces/,
  );
  await expect(page.getByLabel('Container Insights', { exact: true })).toBeChecked();
  expect(await clusterNames()).toEqual([]);

  await page.getByLabel('Cluster name').fill('no-js');
  await page.getByLabel('Default namespace').fill('');
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  await expect(page).toHaveURL(/\/clusters\/no-js\?created=1$/);
  await expect(page.getByText('Cluster no-js has been created.')).toBeVisible();
  const cluster = await describeCluster('no-js');
  expect(cluster?.settings).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
  expect(cluster?.serviceConnectDefaults).toBeUndefined();
});

test('without JavaScript the ECS Exec log group field appears when CloudWatch is chosen', async ({ page }) => {
  await page.goto('/clusters/create');
  await page.getByRole('heading', { name: /Troubleshooting configuration/ }).click();
  await expect(page.getByLabel('CloudWatch log group')).toBeHidden();
  await page.getByLabel('Amazon CloudWatch').check();
  await expect(page.getByLabel('CloudWatch log group')).toBeVisible();
  await page.getByLabel('CloudWatch log group').fill('/ecs/exec');
  await page.getByLabel('Cluster name').fill('no-js-logs');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/clusters\/no-js-logs/);
  expect((await describeCluster('no-js-logs'))?.configuration?.executeCommandConfiguration).toEqual({
    logging: 'OVERRIDE',
    logConfiguration: { cloudWatchLogGroupName: '/ecs/exec', cloudWatchEncryptionEnabled: false },
  });
});

test('without JavaScript the language can still be switched', async ({ page }) => {
  await page.goto('/clusters/create');
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '클러스터 생성' })).toBeVisible();
});
