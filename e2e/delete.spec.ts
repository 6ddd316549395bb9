import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { REQUEST_TAG_KEY } from '../lib/cluster/limits';
import { defaultNetwork, describeCluster, ecs, injectFault, NOTHING_LEFT, resourcesLeft } from './support/aws';
import { expect, test } from './support/fixtures';

/**
 * Deleting a cluster from its page (single-user mode): the teardown plan reviewed first, the
 * name typed to confirm, the worker's run followed on the cluster's page, and AWS checked after.
 */

/** The fullest EC2 cluster this app makes (new group, role and security group), through the API; done when it answers. */
async function createEc2Cluster(request: APIRequestContext, name: string): Promise<string> {
  const network = await defaultNetwork();
  const id = randomUUID();
  const answer = await request.post('/api/v1/cluster-requests', {
    headers: { 'idempotency-key': id },
    data: {
      clusterName: name,
      infrastructure: {
        type: 'ec2NewGroup',
        fargate: true,
        instances: {
          amiFamily: 'al2023',
          instanceType: 't3.medium',
          minSize: 0,
          maxSize: 2,
          rootVolumeSize: 30,
          vpcId: network.vpcId,
          subnetIds: [network.subnetIds],
          securityGroup: { type: 'new', name: `${name}-sg`, inboundRules: [] },
          publicIp: 'subnet',
        },
      },
      tags: [{ key: 'owner', value: 'e2e' }],
    },
  });
  expect(answer.status()).toBe(202);
  await expect
    .poll(
      async () => ((await (await request.get(`/api/v1/cluster-requests/${id}`)).json()) as { state: string }).state,
      {
        timeout: 30_000,
      },
    )
    .toBe('succeeded');
  return id;
}

/** From the cluster's page to its delete page, confirmed by typing the name. */
async function deleteFromPage(page: Page, name: string) {
  await page.goto(`/clusters/${name}`);
  await page.getByRole('link', { name: 'Delete cluster' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Delete cluster ${name}`);
  await page.getByLabel(`To confirm deletion, type “${name}” in the field.`).fill(name);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${name}\\?request=[0-9a-f-]{36}$`));
}

const TEARDOWN = [
  'Remove the capacity providers from the cluster',
  'Scale the Auto Scaling group to zero',
  'Delete the Auto Scaling group and its instances',
  'Wait until no container instance is left in the cluster',
  'Delete the capacity provider',
  'Delete the launch template',
  'Delete the security group',
  'Remove the role from the instance profile',
  'Delete the instance profile',
  'Detach the ECS policy from the role',
  'Delete the instance role',
  'Delete the cluster',
];

test('an EC2 cluster created here: the plan lists all it made, the name must be typed, and nothing is left', async ({
  page,
  request,
}) => {
  const createdBy = await createEc2Cluster(request, 'teardown');
  await page.goto('/clusters/teardown/delete');
  const steps = page.locator('#teardown-heading ~ * li, section[aria-labelledby="teardown-heading"] li');
  await expect(steps).toHaveCount(TEARDOWN.length);
  for (const [index, step] of TEARDOWN.entries()) await expect(steps.nth(index)).toContainText(step);
  await expect(page.getByRole('region', { name: 'What stays in the account' })).toContainText(
    'Nothing: everything the cluster’s request created is deleted.',
  );

  // A wrong name is refused at the field, before anything is sent.
  const confirmation = page.getByLabel('To confirm deletion, type “teardown” in the field.');
  await confirmation.fill('teardwn');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirmation).toHaveAttribute('aria-invalid', 'true');
  await expect(confirmation).toHaveAccessibleDescription('Type the cluster’s name exactly as shown.');
  expect((await describeCluster('teardown'))?.status).toBe('ACTIVE');

  await confirmation.fill('teardown');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(/\/clusters\/teardown\?request=[0-9a-f-]{36}$/);
  await expect(page.getByRole('status').filter({ hasText: 'Cluster teardown has been deleted' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('[data-status="done"]')).toHaveCount(TEARDOWN.length);
  // Nothing carrying the creating request's tag is left, and the cluster is INACTIVE.
  expect(await resourcesLeft()).toEqual(NOTHING_LEFT);
  const cluster = await describeCluster('teardown');
  expect(cluster?.status).toBe('INACTIVE');
  expect(cluster?.tags).toContainEqual({ key: REQUEST_TAG_KEY, value: createdBy });
});

test('a cluster created elsewhere: only the cluster is deleted, and the page says what stays', async ({ page }) => {
  await ecs.send(new CreateClusterCommand({ clusterName: 'made-elsewhere', capacityProviders: ['FARGATE'] }));
  await page.goto('/clusters/made-elsewhere/delete');
  await expect(
    page.getByText('This cluster was not created by this app: only the cluster itself is deleted.'),
  ).toBeVisible();
  await expect(page.locator('section[aria-labelledby="teardown-heading"] li')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'What stays in the account' })).toContainText(
    'Nothing of this cluster’s own: it has no capacity providers other than Fargate’s and no Service Connect namespace.',
  );
  await page.getByLabel('To confirm deletion, type “made-elsewhere” in the field.').fill('made-elsewhere');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cluster made-elsewhere has been deleted' })).toBeVisible({
    timeout: 20_000,
  });
  expect((await describeCluster('made-elsewhere'))?.status).toBe('INACTIVE');
});

test('a cluster with a service is not deleted: the page says why, with the number, before anything is deleted', async ({
  page,
}) => {
  await ecs.send(new CreateClusterCommand({ clusterName: 'busy', capacityProviders: ['FARGATE'] }));
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: 'nginx', essential: true }],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({ cluster: 'busy', serviceName: 'web', taskDefinition: 'web', desiredCount: 0 }),
  );
  await page.goto('/clusters/busy/delete');
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'ECS cannot delete this cluster while it has 1 service and no tasks.',
  );
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  expect((await describeCluster('busy'))?.status).toBe('ACTIVE');
});

/** What fails each teardown step, and what tells that call from others of the same operation. */
const FAULTS: Record<string, { operation: string; match?: string }> = {
  'Remove the capacity providers from the cluster': { operation: 'PutClusterCapacityProviders' },
  'Scale the Auto Scaling group to zero': { operation: 'UpdateAutoScalingGroup' },
  'Delete the Auto Scaling group and its instances': { operation: 'DeleteAutoScalingGroup' },
  'Wait until no container instance is left in the cluster': {
    operation: 'DescribeClusters',
    match: '{"clusters":["stubborn"]}',
  },
  'Delete the capacity provider': { operation: 'DeleteCapacityProvider' },
  'Delete the launch template': { operation: 'DeleteLaunchTemplate' },
  'Delete the security group': { operation: 'DeleteSecurityGroup' },
  'Remove the role from the instance profile': { operation: 'RemoveRoleFromInstanceProfile' },
  'Delete the instance profile': { operation: 'DeleteInstanceProfile' },
  'Detach the ECS policy from the role': { operation: 'DetachRolePolicy' },
  'Delete the instance role': { operation: 'DeleteRole' },
  'Delete the cluster': { operation: 'DeleteCluster' },
};

for (const [index, step] of TEARDOWN.entries()) {
  test(`a failure at “${step}” stops there, says what remains, and a retry finishes the job`, async ({
    page,
    request,
  }) => {
    await createEc2Cluster(request, 'stubborn');
    await injectFault({
      ...FAULTS[step]!,
      code: 'AccessDenied',
      status: 403,
      message: 'Injected by the test',
      times: 1,
    });
    await deleteFromPage(page, 'stubborn');

    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText(`Deleting cluster stubborn stopped at “${step}”`, { timeout: 20_000 });
    await expect(alert).toContainText(
      `Not done yet, so still in the account: ${TEARDOWN.slice(index)
        .map((remaining) => `“${remaining}”`)
        .join(', ')}.`,
    );
    await expect(page.locator('[data-status="done"]')).toHaveCount(index);
    await expect(page.locator('[data-status="failed"]')).toHaveCount(1);
    // The cluster goes last: it is still there, and so is the failed step's resource.
    expect((await describeCluster('stubborn'))?.status).toBe('ACTIVE');
    expect(await resourcesLeft()).not.toEqual(NOTHING_LEFT);

    await alert.getByRole('link', { name: 'Retry the delete' }).click();
    await page.getByLabel('To confirm deletion, type “stubborn” in the field.').fill('stubborn');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Cluster stubborn has been deleted' })).toBeVisible({
      timeout: 20_000,
    });
    expect(await resourcesLeft()).toEqual(NOTHING_LEFT);
  });
}
