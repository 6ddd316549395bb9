import { PutAccountSettingCommand } from '@aws-sdk/client-ecs';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createBucket,
  createLogGroup,
  describeCluster,
  ecs,
  iam,
  injectFault,
  launchTemplateData,
  launchTemplates,
  resourcesLeft,
} from './support/aws';
import { expect, expectCreated, formHasRun, formRuns, openSection, test } from './support/fixtures';

const create = (page: Page) => page.getByRole('button', { name: 'Create', exact: true }).click();

async function startEc2Cluster(page: Page, name: string) {
  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill(name);
  await page.getByRole('checkbox', { name: 'Amazon EC2 instances' }).check();
  await expect(page.getByLabel('EC2 instance type')).toHaveValue('t3.medium');
}

test('Create chosen while the EC2 lists load: once their defaults arrive, no error stays on a field', async ({
  page,
}) => {
  // Slow, but within the end-to-end server's 8 s deadline for a page's reads.
  await injectFault({ operation: 'DescribeInstanceTypeOfferings', delayMs: 3000, times: 1 });
  // The page streams the EC2 lists in: do not wait for the whole document, only for the form to run.
  await page.goto('/clusters/create', { waitUntil: 'commit' });
  await formRuns(page);
  await page.getByLabel('Cluster name').fill('early');
  await page.getByRole('checkbox', { name: 'Amazon EC2 instances' }).check();
  await expect(page.getByText('Loading the Region’s VPCs')).toBeVisible();
  await create(page);
  await expect(page.getByRole('alert').filter({ hasText: /Fix \d+ problems?/ })).toBeVisible();

  await expect(page.getByLabel('EC2 instance type')).toHaveValue('t3.medium', { timeout: 15_000 });
  await expect(page.getByLabel('VPC', { exact: true })).not.toHaveValue('');
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: /Fix \d+ problems?/ })).toHaveCount(0);
  await create(page);
  await expect(page.getByText('has been created with its Amazon EC2 capacity')).toBeVisible({ timeout: 20_000 });
});

test('Create, go Back, rename, Create again: both clusters exist', async ({ page }) => {
  await page.goto('/clusters/create');
  await formRuns(page);
  await page.getByLabel('Cluster name').fill('first-one');
  await create(page);
  await expectCreated(page, 'first-one');
  await page.goBack();
  await expect(page.getByLabel('Cluster name')).toBeVisible();
  await page.getByLabel('Cluster name').fill('second-one');
  await create(page);
  await expectCreated(page, 'second-one');
  await expect(page.getByRole('heading', { name: 'second-one' })).toBeVisible();
  expect((await describeCluster('first-one'))?.status).toBe('ACTIVE');
  expect((await describeCluster('second-one'))?.status).toBe('ACTIVE');
});

test('Container Insights starts at the account’s setting, and is sent only when changed', async ({ page }) => {
  await ecs.send(new PutAccountSettingCommand({ name: 'containerInsights', value: 'enhanced' }));
  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill('follows-account');
  await openSection(page, /Monitoring/);
  await expect(page.getByLabel('Container Insights with enhanced observability')).toBeChecked();
  const review = async () => JSON.parse((await page.getByTestId('review-json-createCluster').textContent()) ?? '{}');
  expect(await review()).not.toHaveProperty('settings');
  await create(page);
  await expectCreated(page, 'follows-account');
  // ECS applies the account's setting to a cluster created without one.
  expect((await describeCluster('follows-account'))?.settings).toEqual([
    { name: 'containerInsights', value: 'enhanced' },
  ]);

  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill('turned-off');
  await openSection(page, /Monitoring/);
  await page.getByLabel('Turn off').check();
  expect((await review()).settings).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
  await create(page);
  await expectCreated(page, 'turned-off');
  expect((await describeCluster('turned-off'))?.settings).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
});

test('closed optional sections stay the server’s HTML until someone heads for them, then work as fields', async ({
  page,
}) => {
  await page.goto('/clusters/create');
  await formRuns(page);
  // React keeps its props on the elements it has hydrated; closed sections' fields are hidden.
  const hydrated = (control: Locator) =>
    control.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactProps')));
  const turnOff = page.getByLabel('Turn off');
  const managedStorageKey = page.getByLabel(/^Managed storage/);
  expect(await hydrated(page.getByLabel('Cluster name'))).toBe(true);
  for (const control of [
    turnOff,
    page.getByLabel(/^AWS KMS key for ECS Exec/),
    managedStorageKey,
    page.getByRole('button', { name: 'Add tag', includeHidden: true }),
  ]) {
    expect(await hydrated(control)).toBe(false);
  }

  // Reaching Monitoring's summary with the keyboard brings its fields to life before it opens
  // (React hydrates them in a transition: soon after the focus, not within it).
  await page.getByLabel('Cluster name').fill('woken-sections');
  await page
    .getByRole('heading', { name: /Monitoring/ })
    .locator('xpath=ancestor::summary')
    .focus();
  await expect.poll(() => hydrated(turnOff)).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByLabel('Container Insights', { exact: true }).check();
  const review = async () => JSON.parse((await page.getByTestId('review-json-createCluster').textContent()) ?? '{}');
  expect((await review()).settings).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
  // Opened with the pointer: Tags, whose counter now counts the form's choices.
  await openSection(page, /Tags/);
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Key of tag 1').fill('owner');
  await page.getByLabel('Value of tag 1').fill('platform');
  await expect(page.getByText('You can add 48 more tags.')).toBeVisible();
  // The sections nobody opened are still the server's HTML, and post their defaults.
  expect(await hydrated(managedStorageKey)).toBe(false);
  await create(page);
  await expectCreated(page, 'woken-sections');
  const cluster = await describeCluster('woken-sections');
  expect(cluster?.settings).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
  expect(cluster?.tags).toContainEqual({ key: 'owner', value: 'platform' });
});

test('what is typed and chosen before the page’s JavaScript runs is kept when it does, and created', async ({
  page,
}) => {
  // A slow connection: the page's scripts arrive only after the person has started on the form.
  let scriptsArrive = () => {};
  const arrived = new Promise<void>((resolve) => (scriptsArrive = resolve));
  await page.route(/\/_next\/static\/.*\.js$/, async (route) => {
    await arrived;
    await route.continue();
  });
  await page.goto('/clusters/create', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Cluster name').fill('typed-early');
  await page.getByRole('heading', { name: /Monitoring/ }).click();
  await page.getByLabel('Container Insights', { exact: true }).check();
  expect(await page.evaluate(formHasRun)).toBe(false);

  scriptsArrive();
  await formRuns(page);
  await expect(page.getByLabel('Cluster name')).toHaveValue('typed-early');
  await expect(page.getByLabel('Container Insights', { exact: true })).toBeChecked();
  await create(page);
  await expectCreated(page, 'typed-early');
  expect((await describeCluster('typed-early'))?.settings).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
});

test('ECS Exec logs to CloudWatch and S3 at once; a log group that does not exist is refused at its field', async ({
  page,
}) => {
  await createBucket('exec-logs');
  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill('both-logs');
  await openSection(page, /Troubleshooting configuration/);
  await page.getByLabel('Custom', { exact: true }).check();
  await page.getByLabel('Amazon CloudWatch').check();
  await page.getByLabel('CloudWatch log group').fill('/ecs/missing');
  await page.getByLabel('Amazon S3').check();
  await page.getByLabel('S3 bucket').fill('exec-logs');
  await create(page);
  await expect(page.getByText('No log group with this name exists in this Region.').first()).toBeVisible();
  await expect(page.getByLabel('CloudWatch log group')).toHaveAttribute('aria-invalid', 'true');
  expect(await describeCluster('both-logs')).toBeUndefined();

  await createLogGroup('/ecs/missing');
  await create(page);
  await expectCreated(page, 'both-logs');
  expect((await describeCluster('both-logs'))?.configuration?.executeCommandConfiguration).toEqual({
    logging: 'OVERRIDE',
    logConfiguration: {
      cloudWatchLogGroupName: '/ecs/missing',
      cloudWatchEncryptionEnabled: false,
      s3BucketName: 'exec-logs',
      s3EncryptionEnabled: false,
    },
  });
  await expect(page.getByText('CloudWatch: /ecs/missing; S3: s3://exec-logs/')).toBeVisible();
});

test('the tag counter counts down from the real limit, 47 with a new Auto Scaling group', async ({ page }) => {
  await page.goto('/clusters/create');
  await openSection(page, /Tags/);
  await expect(page.getByText('You can add 49 more tags.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Amazon EC2 instances' }).check();
  await expect(page.getByText('You can add 47 more tags.')).toBeVisible();
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByText('You can add 46 more tags.')).toBeVisible();
  // Column headings above the rows, and every control named for its row.
  await expect(page.locator('#tags').getByText('Key', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Key of tag 1')).toBeVisible();
});

test('“Create new role” when ecsInstanceRole appeared meanwhile: a field error, and nothing created', async ({
  page,
}) => {
  await startEc2Cluster(page, 'role-race');
  await expect(page.getByLabel('EC2 instance role')).toHaveValue('');
  await iam.send(
    new CreateRoleCommand({ RoleName: 'ecsInstanceRole', AssumeRolePolicyDocument: '{"Version":"2012-10-17"}' }),
  );
  await create(page);
  await expect(page.getByText('A role named ecsInstanceRole exists now.').first()).toBeVisible();
  await expect(page.getByLabel('EC2 instance role')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
  expect(await resourcesLeft()).toMatchObject({ clusters: [], launchTemplates: [], autoScalingGroups: [] });
});

test('after a failed run, the steps that never ran say Not started, and the page stops refreshing', async ({
  page,
}) => {
  await injectFault({ operation: 'CreateLaunchTemplate', code: 'UnauthorizedOperation', status: 403 });
  await startEc2Cluster(page, 'stops');
  await create(page);
  await expect(page.getByText(/failed at step/)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[data-step="createAutoScalingGroup"]')).toContainText('Not started');
  await expect(page.locator('[data-step="createLaunchTemplate"]')).toContainText('Failed');
  await expect(page.getByText('This page refreshes until it finishes')).toHaveCount(0);
});

test('at 390 px the inbound-rule rows stack, and every control stays usable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await startEc2Cluster(page, 'narrow');
  await page.getByLabel('Create a new security group').check();
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Type of rule 1').selectOption('custom-tcp');
  await page.getByLabel('Source of rule 1').selectOption('custom');
  for (const label of ['Type of rule 1', 'Port range of rule 1', 'Source of rule 1', 'CIDR of rule 1']) {
    const box = await page.getByLabel(label).boundingBox();
    expect(box, label).not.toBeNull();
    expect(box!.x, label).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, label).toBeLessThanOrEqual(390);
    expect(box!.width, label).toBeGreaterThan(200);
    await expect(page.getByText(label, { exact: true })).toBeVisible();
  }
  await page.getByLabel('Port range of rule 1').fill('8080');
  await page.getByLabel('CIDR of rule 1').fill('10.0.0.0/16');
  await expect(page.getByLabel('CIDR of rule 1')).toHaveValue('10.0.0.0/16');
});

test('Bottlerocket: TOML settings as user data, on its data volume', async ({ page }) => {
  await startEc2Cluster(page, 'rocket');
  await page.getByLabel('Container instance Amazon Machine Image (AMI)').selectOption({ label: 'Bottlerocket' });
  await create(page);
  await expect(page.getByText('has been created with its Amazon EC2 capacity')).toBeVisible({ timeout: 20_000 });
  const [template] = await launchTemplates();
  const data = await launchTemplateData(template?.LaunchTemplateName ?? '');
  expect(Buffer.from(data?.UserData ?? '', 'base64').toString()).toBe('[settings.ecs]\ncluster = "rocket"\n');
  expect(data?.BlockDeviceMappings?.[0]?.DeviceName).toBe('/dev/xvdb');
});

test('the Review panel’s AWS CLI script can be copied, and names no value it cannot know', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await startEc2Cluster(page, 'scripted');
  await page.getByText('AWS CLI script').click();
  await page.getByRole('button', { name: 'Copy script' }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByTestId('review-script').textContent());
  expect(copied).toContain('IMAGE_ID=$(aws ssm get-parameter');
  expect(copied).toContain('--no-new-instances-protected-from-scale-in');
  expect(copied).not.toContain('{{');
});

test('a page is sent only the messages its own client components can show', async ({ request }) => {
  const en = JSON.parse(readFileSync(join(__dirname, '..', 'lib', 'i18n', 'messages', 'en.json'), 'utf8')) as {
    validation: { requestId: string };
    requests: { description: string };
    progress: { description: string };
  };
  const html = async (path: string) => (await request.get(path)).text();
  // The lists translate on the server only: none of the form's messages come with them.
  for (const path of ['/clusters', '/requests']) expect(await html(path)).not.toContain(en.validation.requestId);
  // The form gets its own and its answers' messages, and not the other pages'.
  const form = await html('/clusters/create');
  expect(form).toContain(en.validation.requestId);
  expect(form).not.toContain(en.requests.description);
  expect(form).not.toContain(en.progress.description);
});
