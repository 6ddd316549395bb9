import { GetRoleCommand } from '@aws-sdk/client-iam';
import type { Page } from '@playwright/test';
import { REQUEST_TAG_KEY } from '../lib/cluster/limits';
import { describeCluster, iam, injectFault, launchTemplates, NOTHING_LEFT, resourcesLeft } from './support/aws';
import { expect, formRuns, test } from './support/fixtures';

/**
 * AWS applies a create call and the answer never arrives (the proxy drops the connection after
 * moto has answered). The app finds what the call made by its name and request tag, and says only
 * what it verified; each test then checks moto holds exactly that.
 */

async function startCluster(page: Page, name: string, { ec2 = false } = {}) {
  await page.goto('/clusters/create');
  await formRuns(page);
  await page.getByLabel('Cluster name').fill(name);
  if (ec2) {
    await page.getByRole('checkbox', { name: 'Amazon EC2 instances' }).check();
    await expect(page.getByLabel('EC2 instance type')).toHaveValue('t3.medium');
  }
}

const create = (page: Page) => page.getByRole('button', { name: 'Create', exact: true }).click();
const hasRequestTag = (tags: { key?: string; Key?: string }[] = []) =>
  tags.some((tag) => (tag.key ?? tag.Key) === REQUEST_TAG_KEY);

test('CreateCluster applied, every answer lost: the cluster is found by its tag and the page says it was created', async ({
  page,
}) => {
  await injectFault({ operation: 'CreateCluster', loseAnswer: true });
  await startCluster(page, 'lost-answer');
  await create(page);
  await expect(page.getByRole('status').filter({ hasText: 'Cluster lost-answer has been created.' })).toBeVisible({
    timeout: 20_000,
  });
  const cluster = await describeCluster('lost-answer');
  expect(cluster?.status).toBe('ACTIVE');
  expect(hasRequestTag(cluster?.tags)).toBe(true);
});

test('CreateCluster’s answer lost and the cluster cannot be looked up: the page says so, not “Nothing was created”', async ({
  page,
}) => {
  await injectFault({ operation: 'CreateCluster', loseAnswer: true });
  // The check before creating reads the cluster once; every read after it fails.
  await injectFault({ operation: 'DescribeClusters', skip: 1, code: 'ServiceUnavailable', status: 503 });
  await startCluster(page, 'lost-unsure');
  await create(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Creating cluster lost-unsure failed' });
  await expect(alert).toContainText(
    'Whether these are still in the account could not be verified: “Create the cluster”',
    {
      timeout: 20_000,
    },
  );
  await expect(alert).toContainText(`${REQUEST_TAG_KEY} = `);
  await expect(alert).not.toContainText('Nothing was created');
  // And indeed it was: the message pointed at what is there.
  expect((await describeCluster('lost-unsure'))?.status).toBe('ACTIVE');
});

test('CreateRole applied, its answer lost, the retry told “already exists”: the role is this request’s, and the run goes on', async ({
  page,
}) => {
  await injectFault({ operation: 'CreateRole', loseAnswer: true, times: 1 });
  await startCluster(page, 'lost-role', { ec2: true });
  await create(page);
  await expect(page.getByText('Cluster lost-role has been created with its Amazon EC2 capacity.')).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('[data-step="createInstanceRole"]')).toHaveAttribute('data-status', 'done');
  const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'ecsInstanceRole' }));
  expect(hasRequestTag(Role?.Tags)).toBe(true);
});

test('CreateLaunchTemplate’s answer lost, then a later step fails: the rollback deletes the template it found', async ({
  page,
}) => {
  await injectFault({ operation: 'CreateLaunchTemplate', loseAnswer: true });
  await injectFault({ operation: 'CreateAutoScalingGroup', code: 'AccessDenied', status: 403, times: 1 });
  await startCluster(page, 'lost-template', { ec2: true });
  await create(page);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('failed at step “Create the Auto Scaling group”', { timeout: 30_000 });
  await expect(alert).toContainText('Everything created before that step has been deleted again');
  await expect(page.locator('[data-step="createLaunchTemplate"]')).toHaveAttribute('data-status', 'rolledBack');
  expect(await resourcesLeft()).toEqual(NOTHING_LEFT);
});

test('CreateLaunchTemplate’s answer lost and the template cannot be looked up: the page names it and its tag', async ({
  page,
}) => {
  await injectFault({ operation: 'CreateLaunchTemplate', loseAnswer: true });
  await injectFault({ operation: 'DescribeLaunchTemplates', code: 'ServiceUnavailable', status: 503 });
  await startCluster(page, 'lost-unsure-template', { ec2: true });
  await create(page);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText(
    'Whether these are still in the account could not be verified: “Create the launch template”',
    {
      timeout: 30_000,
    },
  );
  await expect(alert).toContainText(`${REQUEST_TAG_KEY} = `);
  await expect(page.locator('[data-step="createLaunchTemplate"]')).toHaveAttribute('data-status', 'unverified');
  await expect(page.locator('[data-step="createLaunchTemplate"]')).toContainText('Not verified');
  // What the message names is what remains; everything else was rolled back.
  const templates = (await launchTemplates()).map((template) => template.LaunchTemplateName);
  expect(templates).toHaveLength(1);
  expect(await resourcesLeft()).toEqual({ ...NOTHING_LEFT, launchTemplates: templates });
});
