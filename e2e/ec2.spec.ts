import { CreateAutoScalingGroupCommand } from '@aws-sdk/client-auto-scaling';
import { CreateKeyPairCommand, CreateLaunchTemplateCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { CreateCapacityProviderCommand } from '@aws-sdk/client-ecs';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { Page } from '@playwright/test';
import { REQUEST_TAG_KEY } from '../lib/cluster/limits';
import { actionFields, clusterFormFields } from '../scripts/form-post.mjs';
import {
  autoScaling,
  autoScalingGroups,
  capacityProviders,
  describeCluster,
  ec2,
  ecs,
  injectFault,
  launchTemplateData,
  launchTemplates,
  NOTHING_LEFT,
  resourcesLeft,
  securityGroups,
} from './support/aws';
import { expect, openSection, test } from './support/fixtures';
import { E2E } from './support/settings';

const ssm = new SSMClient({
  endpoint: E2E.motoUrl,
  region: E2E.region,
  credentials: { accessKeyId: 't', secretAccessKey: 't' },
});
const AL2023 = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
const AL2023_ARM = '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id';

async function amiOf(parameter: string) {
  return (await ssm.send(new GetParameterCommand({ Name: parameter }))).Parameter?.Value;
}

async function defaultVpcSubnets() {
  const { Subnets = [] } = await ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
  );
  return Subnets.map((subnet) => subnet.SubnetId ?? '').sort();
}

/** Opens the form with EC2 chosen and its lists loaded. */
async function startEc2Cluster(page: Page, name: string) {
  await page.goto('/clusters/create');
  await page.getByLabel('Cluster name').fill(name);
  await page.getByRole('checkbox', { name: 'Amazon EC2 instances' }).check();
  await expect(page.getByLabel('EC2 instance type')).toHaveValue('t3.medium');
}

async function chooseNewSecurityGroup(page: Page) {
  await page.getByLabel('Create a new security group').check();
  await page.getByLabel('Security group name').fill('ecs-hosts');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Source of rule 1').selectOption('custom');
  await page.getByLabel('CIDR of rule 1').fill('10.0.0.0/16');
}

async function create(page: Page) {
  await page.getByRole('button', { name: 'Create', exact: true }).click();
}

test('creates a cluster with a new On-demand group, a new role and a new security group; AWS holds every piece', async ({
  page,
}) => {
  await ec2.send(new CreateKeyPairCommand({ KeyName: 'ops' }));
  await startEc2Cluster(page, 'web');
  await expect(page.getByLabel('EC2 instance role')).toHaveValue('');
  await expect(page.getByLabel('VPC', { exact: true })).toContainText('(default)');
  await page.getByLabel('Minimum').fill('1');
  await page.getByLabel('Maximum').fill('4');
  await page.getByLabel('SSH key pair').selectOption('ops');
  await page.getByLabel('Root EBS volume size (GiB)').fill('50');
  await chooseNewSecurityGroup(page);
  await openSection(page, /Tags/);
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Key of tag 1').fill('team');
  await page.getByLabel('Value of tag 1').fill('web');

  // The Review panel lists every request, in order.
  const review = page.locator('#review-heading').locator('xpath=ancestor::section');
  await expect(review.locator('li summary')).toHaveText([
    /Step 1: Look up the ECS-optimized AMI/,
    /Step 2: Create the instance role/,
    /Step 3: Attach the ECS policy/,
    /Step 4: Create the instance profile/,
    /Step 5: Add the role/,
    /Step 6: Create the security group/,
    /Step 7: Allow the inbound rules/,
    /Step 8: Create the cluster/,
    /Step 9: Create the launch template/,
    /Step 10: Create the Auto Scaling group/,
    /Step 11: Read the Auto Scaling group’s ARN/,
    /Step 12: Create the capacity provider/,
    /Step 13: Wait until the capacity provider is active/,
    /Step 14: Wait until the cluster is active/,
    /Step 15: Attach the capacity providers/,
    /Step 16: Wait until the cluster has applied them/,
  ]);

  await create(page);
  await expect(page).toHaveURL(/\/clusters\/web\?request=/);
  await expect(page.getByText('Cluster web has been created with its Amazon EC2 capacity.')).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('[data-status]')).toHaveCount(16);
  await expect(page.locator('[data-status="done"]')).toHaveCount(16);

  const [template] = await launchTemplates();
  const data = await launchTemplateData(template?.LaunchTemplateName ?? '');
  const group = (await securityGroups()).find((candidate) => candidate.GroupName === 'ecs-hosts');
  expect(group?.IpPermissions?.[0]?.IpRanges).toEqual([expect.objectContaining({ CidrIp: '10.0.0.0/16' })]);
  expect(data).toMatchObject({
    ImageId: await amiOf(AL2023),
    InstanceType: 't3.medium',
    KeyName: 'ops',
    IamInstanceProfile: { Name: 'ecsInstanceRole' },
    SecurityGroupIds: [group?.GroupId],
  });
  expect(data?.BlockDeviceMappings?.[0]?.Ebs?.VolumeSize).toBe(50);
  expect(Buffer.from(data?.UserData ?? '', 'base64').toString()).toContain(
    'echo ECS_CLUSTER=web >> /etc/ecs/ecs.config',
  );

  const [asg] = await autoScalingGroups();
  expect(asg).toMatchObject({ MinSize: 1, MaxSize: 4, DesiredCapacity: 1 });
  expect(asg?.VPCZoneIdentifier?.split(',').sort()).toEqual(await defaultVpcSubnets());
  expect(asg?.Tags?.map((tag) => [tag.Key, tag.Value])).toEqual(
    expect.arrayContaining([
      ['team', 'web'],
      [REQUEST_TAG_KEY, expect.any(String)],
      ['AmazonECSManaged', ''],
      ['Name', 'ECS Instance - web'],
    ]),
  );

  const [provider] = await capacityProviders();
  expect(provider?.autoScalingGroupProvider).toMatchObject({
    autoScalingGroupArn: asg?.AutoScalingGroupARN,
    managedScaling: { status: 'ENABLED', targetCapacity: 100 },
  });
  const cluster = await describeCluster('web');
  expect(cluster?.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT', provider?.name]);
  expect(cluster?.defaultCapacityProviderStrategy).toEqual([{ capacityProvider: provider?.name, base: 0, weight: 1 }]);

  // The cluster's page shows the group, the template and the provider.
  const capacity = page.getByRole('region', { name: 'Amazon EC2 capacity' });
  await expect(capacity).toContainText(provider?.name ?? 'missing');
  await expect(capacity).toContainText(asg?.AutoScalingGroupName ?? 'missing');
  await expect(capacity).toContainText(template?.LaunchTemplateName ?? 'missing');
  await expect(capacity).toContainText('1 / 1 / 4');
});

test('Spot with an arm64 AMI: a mixed instances policy of Graviton instances', async ({ page }) => {
  await startEc2Cluster(page, 'graviton');
  await page.getByLabel('Spot', { exact: true }).check();
  await page.getByLabel('Allocation strategy').selectOption('lowest-price');
  await page.getByLabel('Container instance Amazon Machine Image (AMI)').selectOption('al2023-arm64');
  await expect(page.getByLabel('EC2 instance type')).toHaveValue('t4g.medium');
  await page.getByLabel('AWS Fargate (serverless)').uncheck();
  await create(page);
  await expect(page.getByText('has been created with its Amazon EC2 capacity')).toBeVisible({ timeout: 20_000 });

  const [asg] = await autoScalingGroups();
  expect(asg?.MixedInstancesPolicy?.InstancesDistribution).toMatchObject({
    OnDemandPercentageAboveBaseCapacity: 0,
    SpotAllocationStrategy: 'lowest-price',
  });
  const [template] = await launchTemplates();
  expect((await launchTemplateData(template?.LaunchTemplateName ?? ''))?.ImageId).toBe(await amiOf(AL2023_ARM));
  const cluster = await describeCluster('graviton');
  expect(cluster?.capacityProviders).toHaveLength(1);
});

test('an existing group: only free groups are offered, and the cluster gets a provider for the chosen one', async ({
  page,
}) => {
  const [subnet] = await defaultVpcSubnets();
  await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: 'own',
      LaunchTemplateData: { ImageId: await amiOf(AL2023) },
    }),
  );
  for (const name of ['free-group', 'used-group']) {
    await autoScaling.send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: name,
        MinSize: 0,
        MaxSize: 2,
        VPCZoneIdentifier: subnet,
        LaunchTemplate: { LaunchTemplateName: 'own' },
      }),
    );
  }
  const used = (await autoScalingGroups()).find((group) => group.AutoScalingGroupName === 'used-group');
  await ecs.send(
    new CreateCapacityProviderCommand({
      name: 'taken',
      autoScalingGroupProvider: { autoScalingGroupArn: used?.AutoScalingGroupARN },
    }),
  );

  await startEc2Cluster(page, 'reuse');
  const select = page.getByLabel('Auto Scaling group (ASG)');
  await expect(select.locator('option')).toHaveText(['Create new ASG', 'free-group (0–2)']);
  await select.selectOption({ label: 'free-group (0–2)' });
  await expect(page.getByLabel('EC2 instance type')).toBeHidden();
  await create(page);
  await expect(page.getByText('has been created with its Amazon EC2 capacity')).toBeVisible({ timeout: 20_000 });

  const free = (await autoScalingGroups()).find((group) => group.AutoScalingGroupName === 'free-group');
  const provider = (await capacityProviders()).find((candidate) => candidate.name !== 'taken');
  expect(provider?.autoScalingGroupProvider?.autoScalingGroupArn).toBe(free?.AutoScalingGroupARN);
  expect((await describeCluster('reuse'))?.defaultCapacityProviderStrategy).toEqual([
    { capacityProvider: provider?.name, base: 0, weight: 1 },
  ]);
  expect(await launchTemplates()).toHaveLength(1);
});

test('a reload and a second tab show the same 14 steps (with a new role), kept on the server', async ({
  page,
  browser,
}) => {
  await startEc2Cluster(page, 'shared-view');
  await create(page);
  await expect(page.getByText('has been created with its Amazon EC2 capacity')).toBeVisible({ timeout: 20_000 });
  const other = await browser.newPage();
  await other.goto(page.url());
  await expect(other.locator('[data-status="done"]')).toHaveCount(14);
  await page.reload();
  await expect(page.locator('[data-status="done"]')).toHaveCount(14);
});

test('a double click makes one template, group and provider', async ({ page }) => {
  await startEc2Cluster(page, 'once');
  await page.getByRole('button', { name: 'Create', exact: true }).dblclick();
  await expect(page.getByText('has been created with its Amazon EC2 capacity')).toBeVisible({ timeout: 20_000 });
  expect(await launchTemplates()).toHaveLength(1);
  expect(await autoScalingGroups()).toHaveLength(1);
  expect(await capacityProviders()).toHaveLength(1);
});

test('the same post sent three times (a retried request) makes one of everything', async ({ request }) => {
  // The form as a browser without JavaScript posts it: the action's hidden fields and the values.
  const [subnet] = await defaultVpcSubnets();
  const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnet ?? ''] }));
  const defaultGroup = (await securityGroups()).find(
    (group) => group.GroupName === 'default' && group.VpcId === Subnets[0]?.VpcId,
  );
  const form = {
    ...actionFields(await (await request.get('/clusters/create')).text()),
    ...clusterFormFields('retried'),
    ec2: 'on',
    maxSize: '2',
    vpcId: Subnets[0]?.VpcId ?? '',
    subnetIds: subnet ?? '',
    securityGroupIds: defaultGroup?.GroupId ?? '',
  };
  const post = () => request.post('/clusters/create', { multipart: form, maxRedirects: 0 });
  const answers = [...(await Promise.all([post(), post()])), await post()];
  expect(answers.map((answer) => [answer.status(), answer.headers().location])).toEqual(
    Array(3).fill([303, `/clusters/retried?request=${form.requestId}`]),
  );
  await expect
    .poll(async () => (await describeCluster('retried'))?.defaultCapacityProviderStrategy?.length, { timeout: 20_000 })
    .toBe(1);
  expect(await launchTemplates()).toHaveLength(1);
  expect(await autoScalingGroups()).toHaveLength(1);
  expect(await capacityProviders()).toHaveLength(1);
});

/** Each step of the fullest plan, by the operation to fail and what tells it from other calls. */
const STEPS: [string, { operation: string; match?: string }][] = [
  ['Look up the ECS-optimized AMI', { operation: 'GetParameter' }],
  ['Create the instance role', { operation: 'CreateRole' }],
  ['Attach the ECS policy to the role', { operation: 'AttachRolePolicy' }],
  ['Create the instance profile', { operation: 'CreateInstanceProfile' }],
  ['Add the role to the instance profile', { operation: 'AddRoleToInstanceProfile' }],
  ['Create the security group', { operation: 'CreateSecurityGroup' }],
  ['Allow the inbound rules', { operation: 'AuthorizeSecurityGroupIngress' }],
  ['Create the cluster', { operation: 'CreateCluster' }],
  ['Create the launch template', { operation: 'CreateLaunchTemplate' }],
  ['Create the Auto Scaling group', { operation: 'CreateAutoScalingGroup' }],
  ['Read the Auto Scaling group’s ARN', { operation: 'DescribeAutoScalingGroups' }],
  ['Create the capacity provider', { operation: 'CreateCapacityProvider' }],
  ['Wait until the capacity provider is active', { operation: 'DescribeCapacityProviders' }],
  ['Wait until the cluster is active', { operation: 'DescribeClusters', match: '{"clusters":["doomed"]}' }],
  ['Attach the capacity providers to the cluster', { operation: 'PutClusterCapacityProviders' }],
  ['Wait until the cluster has applied them', { operation: 'DescribeClusters', match: '"include":["ATTACHMENTS"]' }],
];

for (const [index, [step, fault]] of STEPS.entries()) {
  test(`a failure at “${step}” rolls back everything before it`, async ({ page }) => {
    await startEc2Cluster(page, 'doomed');
    await chooseNewSecurityGroup(page);
    await injectFault({ ...fault, code: 'AccessDenied', status: 403, message: 'Injected by the test', times: 1 });
    await create(page);

    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText(`failed at step “${step}”`, { timeout: 20_000 });
    // Looking up the AMI creates nothing: a failure at or right after it has nothing to undo.
    await expect(alert).toContainText(
      index < 2 ? 'Nothing was created.' : 'Everything created before that step has been deleted again',
    );
    await expect(page.locator('[data-status="failed"]')).toHaveCount(1);
    await expect(page.locator('[data-status="rollbackFailed"]')).toHaveCount(0);
    expect(await resourcesLeft()).toEqual(NOTHING_LEFT);
  });
}
