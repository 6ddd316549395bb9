import { REQUEST_TAG_KEY } from '../lib/cluster/limits';
import { clusterNames, createBucket, createHttpNamespace, describeCluster } from './support/aws';
import { expect, expectCreated, openSection, test } from './support/fixtures';

const KEY_EXEC = 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';
const KEY_STORAGE = 'arn:aws:kms:us-east-1:123456789012:key/66666666-7777-8888-9999-000000000000';
const KEY_FARGATE = 'arn:aws:kms:us-east-1:123456789012:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

test('creates a Fargate cluster with every optional section filled, and AWS holds each setting', async ({ page }) => {
  await createBucket('exec-logs');
  await page.goto('/clusters');
  await expect(page.getByText('No clusters', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Create cluster' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create cluster' })).toBeVisible();

  await page.getByLabel('Cluster name').fill('payments-prod');
  await expect(page.getByLabel('Default namespace')).toHaveValue('payments-prod');
  await page.getByLabel('Default namespace').fill('payments');
  await expect(page.getByText('Amazon ECS will create it as a new AWS Cloud Map namespace')).toBeVisible();
  await expect(page.getByLabel('AWS Fargate (serverless)')).toBeChecked();

  await openSection(page, /Monitoring/);
  await page.getByLabel('Container Insights with enhanced observability').check();

  await openSection(page, /Troubleshooting configuration/);
  await page.getByLabel('AWS KMS key for ECS Exec').fill(KEY_EXEC);
  await page.getByLabel('Custom', { exact: true }).check();
  await page.getByLabel('Amazon S3').check();
  await page.getByLabel('S3 bucket').fill('exec-logs');
  await page.getByLabel('S3 key prefix').fill('payments/');
  await page.getByLabel('Encrypt the uploaded logs').check();

  await openSection(page, /Encryption/);
  await page.getByLabel('Managed storage').fill(KEY_STORAGE);
  await page.getByLabel('Fargate ephemeral storage').fill(KEY_FARGATE);

  await openSection(page, /Tags/);
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Key of tag 1').fill('team');
  await page.getByLabel('Value of tag 1').fill('결제');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Key of tag 2').fill('env');
  await page.getByLabel('Value of tag 2').fill('prod');

  // The Review panel shows the request that will be sent, and its CLI twin.
  const review = JSON.parse((await page.getByTestId('review-json-createCluster').textContent()) ?? '{}');
  expect(review).toMatchObject({
    clusterName: 'payments-prod',
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    settings: [{ name: 'containerInsights', value: 'enhanced' }],
    serviceConnectDefaults: { namespace: 'payments' },
  });
  await expect(page.getByTestId('review-cli-createCluster')).toContainText('aws ecs create-cluster');
  await expect(page.getByTestId('review-cli-createCluster')).toContainText('--cluster-name payments-prod');

  await page.getByRole('button', { name: 'Create', exact: true }).click();

  await expect(page).toHaveURL(/\/clusters\/payments-prod\?request=[0-9a-f-]{36}$/);
  await expect(page.getByRole('status')).toHaveText('Cluster payments-prod has been created.');
  await expect(page.getByText('enhanced', { exact: true })).toBeVisible();
  await expect(page.getByText('S3: s3://exec-logs/payments/ (encrypted)')).toBeVisible();
  await expect(page.getByRole('cell', { name: '결제' })).toBeVisible();

  const cluster = await describeCluster('payments-prod');
  expect(cluster?.status).toBe('ACTIVE');
  expect(cluster?.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
  expect(cluster?.settings).toEqual([{ name: 'containerInsights', value: 'enhanced' }]);
  expect(cluster?.serviceConnectDefaults).toEqual({ namespace: 'payments' });
  expect(cluster?.configuration).toEqual({
    executeCommandConfiguration: {
      kmsKeyId: KEY_EXEC,
      logging: 'OVERRIDE',
      logConfiguration: { s3BucketName: 'exec-logs', s3KeyPrefix: 'payments/', s3EncryptionEnabled: true },
    },
    managedStorageConfiguration: { kmsKeyId: KEY_STORAGE, fargateEphemeralStorageKmsKeyId: KEY_FARGATE },
  });
  expect(cluster?.tags).toEqual([
    { key: 'team', value: '결제' },
    { key: 'env', value: 'prod' },
    { key: REQUEST_TAG_KEY, value: expect.stringMatching(/^[0-9a-f-]{36}$/) },
  ]);

  await page.getByRole('link', { name: 'Clusters', exact: true }).click();
  const row = page.getByRole('row', { name: /payments-prod/ });
  await expect(row).toContainText('ACTIVE');
  await expect(row).toContainText('FARGATE, FARGATE_SPOT');
  await row.getByRole('link', { name: 'payments-prod' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'payments-prod' })).toBeVisible();
});

test('a cluster with only the defaults: Fargate, Container Insights off, namespace named after the cluster', async ({
  page,
}) => {
  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill('defaults');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expectCreated(page, 'defaults');

  const cluster = await describeCluster('defaults');
  expect(cluster?.settings).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
  expect(cluster?.serviceConnectDefaults).toEqual({ namespace: 'defaults' });
  expect(cluster?.configuration).toBeUndefined();
});

test('offers the Region’s existing namespaces and says when one is reused', async ({ page }) => {
  const arn = await createHttpNamespace('shared-services');
  await page.goto('/clusters/create');
  await expect(page.locator('#namespace-options option[value="shared-services"]')).toHaveCount(1);
  await page.getByLabel('Cluster name').fill('with-namespace');
  await page.getByLabel('Default namespace').fill('shared-services');
  await expect(page.getByText('Uses the existing HTTP namespace "shared-services".')).toBeVisible();
  await page.getByLabel('Default namespace').fill(arn);
  await expect(page.getByText(`Uses the existing namespace ${arn}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expectCreated(page, 'with-namespace');
  expect((await describeCluster('with-namespace'))?.serviceConnectDefaults).toEqual({ namespace: arn });
});

test('a double click creates one cluster', async ({ page }) => {
  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill('once');
  await page.getByRole('button', { name: 'Create', exact: true }).dblclick();
  await expectCreated(page, 'once');
  expect(await clusterNames()).toEqual(['once']);
});

/** Taken by a cluster already there, or by another request creating it right now. */
const TAKEN = /already exists|already creating a cluster with this name/;

test('two tabs creating the same name: one cluster, and the other tab is told the name is taken', async ({
  browser,
}) => {
  const [first, second] = await Promise.all([browser.newPage(), browser.newPage()]);
  for (const page of [first, second]) {
    await page.goto('/clusters/create');
    await page.getByLabel('Cluster name').fill('contested');
  }
  await Promise.all([first, second].map((page) => page.getByRole('button', { name: 'Create', exact: true }).click()));

  const outcomes = await Promise.all(
    [first, second].map((page) =>
      Promise.race([
        page.waitForURL(/request=/).then(() => 'created'),
        page
          .getByText(TAKEN)
          .first()
          .waitFor()
          .then(() => 'refused'),
      ]),
    ),
  );
  expect([...outcomes].sort()).toEqual(['created', 'refused']);
  const refused = outcomes[0] === 'refused' ? first : second;
  await expect(refused.getByLabel('Cluster name')).toHaveAccessibleDescription(TAKEN);
  expect(await clusterNames()).toEqual(['contested']);
  const created = await describeCluster('contested');
  expect(created?.tags?.filter((tag) => tag.key === REQUEST_TAG_KEY)).toHaveLength(1);
});
