import { autoScalingGroups, clusterNames, createLogGroup, describeCluster, launchTemplates } from './support/aws';
import { expect, expectCreated, test } from './support/fixtures';

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

  await expect(page).toHaveURL(/\/clusters\/no-js\?request=[0-9a-f-]{36}$/);
  await expect(page.getByText('Cluster no-js has been created.')).toBeVisible();
  const cluster = await describeCluster('no-js');
  expect(cluster?.settings).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
  expect(cluster?.serviceConnectDefaults).toBeUndefined();
});

test('without JavaScript the ECS Exec log group field appears when CloudWatch is chosen', async ({ page }) => {
  await createLogGroup('/ecs/exec');
  await page.goto('/clusters/create');
  await page.getByRole('heading', { name: /Troubleshooting configuration/ }).click();
  await expect(page.getByLabel('CloudWatch log group')).toBeHidden();
  await page.getByLabel('Custom', { exact: true }).check();
  await page.getByLabel('Amazon CloudWatch').check();
  await expect(page.getByLabel('CloudWatch log group')).toBeVisible();
  await page.getByLabel('CloudWatch log group').fill('/ecs/exec');
  await page.getByLabel('Cluster name').fill('no-js-logs');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expectCreated(page, 'no-js-logs');
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

test('without JavaScript, EC2 capacity is created from the page that loads its options first', async ({ page }) => {
  await page.goto('/clusters/create');
  await page.getByRole('checkbox', { name: 'Amazon EC2 instances' }).check();
  await page.getByRole('link', { name: /open the form with the Amazon EC2 options loaded/ }).click();
  await expect(page.getByRole('checkbox', { name: 'Amazon EC2 instances' })).toBeChecked();
  await expect(page.getByLabel('EC2 instance type')).toHaveValue('t3.medium');
  await page.getByLabel('Cluster name').fill('no-js-ec2');
  await page.getByLabel('Maximum').fill('0');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByLabel('Maximum')).toHaveAccessibleDescription(/^The maximum must be at least 1\./);
  await page.getByLabel('Maximum').fill('3');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  // The page refreshes itself (a meta refresh) until the plan has run.
  await expect(page.getByText('Cluster no-js-ec2 has been created with its Amazon EC2 capacity.')).toBeVisible({
    timeout: 20_000,
  });
  expect(await launchTemplates()).toHaveLength(1);
  expect((await autoScalingGroups())[0]?.MaxSize).toBe(3);
  expect((await describeCluster('no-js-ec2'))?.capacityProviders).toHaveLength(3);
});
