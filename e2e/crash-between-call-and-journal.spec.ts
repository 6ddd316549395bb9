import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { GetInstanceProfileCommand } from '@aws-sdk/client-iam';
import { autoScalingGroups, callsSeen, defaultNetwork, ec2, iam, injectFault, resourcesLeft } from './support/aws';
import { type AppServer, startApp } from './support/app-server';
import { expect, test } from './support/fixtures';
import { postCreate } from './support/form-post';

/**
 * A server killed after AWS applied a step's call, before the journal recorded it: the step is
 * left running, and the server that takes the request over sends the call again. For the steps
 * whose second call AWS refuses as "already done", that must end in a complete request with one
 * of each resource, not in a rollback.
 */

const PORT = 3121;
let server: AppServer | undefined;
test.afterEach(async () => {
  await server?.stop('SIGKILL');
  server = undefined;
});

for (const operation of [
  'AttachRolePolicy',
  'AddRoleToInstanceProfile',
  'AuthorizeSecurityGroupIngress',
  'PutClusterCapacityProviders',
]) {
  test(`killed between ${operation} and the journal: the next server completes the create, nothing twice`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const name = `crash-${operation.toLowerCase()}`;
    const database = `file:${join(mkdtempSync(join(tmpdir(), 'ecs-console-crash-')), 'journal.db')}`;
    const settings = { WORKER_LEASE_SECONDS: '2' };
    server = await startApp(PORT, database, settings);
    // AWS applies the call; its answer is held until the server is gone.
    await injectFault({ operation, holdAnswerMs: 60_000, times: 1 });
    await postCreate(server.url, name, {
      ec2: 'on',
      maxSize: '2',
      ...(await defaultNetwork()),
      securityGroupMode: 'new',
      securityGroupName: `${name}-sg`,
      'inboundRules.0.type': 'ssh',
      'inboundRules.0.source': 'custom',
      'inboundRules.0.cidr': '10.0.0.0/16',
    });
    await expect.poll(async () => (await callsSeen()).includes(operation), { timeout: 30_000 }).toBe(true);
    await server.stop('SIGKILL');

    server = await startApp(PORT, database, settings);
    await page.goto(`${server.url}/requests`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText(/Succeeded|Rolled back|Failed/);
    }).toPass({ timeout: 60_000 });
    await expect(row).toContainText('Succeeded');

    // One of each resource, the profile holding its one role, the group its one rule.
    const left = await resourcesLeft();
    expect(left).toMatchObject({
      clusters: [name],
      roles: ['ecsInstanceRole'],
      instanceProfiles: ['ecsInstanceRole'],
      securityGroups: [`${name}-sg`],
    });
    expect(left.capacityProviders).toHaveLength(1);
    expect(left.launchTemplates).toHaveLength(1);
    expect(await autoScalingGroups()).toHaveLength(1);
    const { InstanceProfile } = await iam.send(
      new GetInstanceProfileCommand({ InstanceProfileName: 'ecsInstanceRole' }),
    );
    expect(InstanceProfile?.Roles?.map((role) => role.RoleName)).toEqual(['ecsInstanceRole']);
    const { SecurityGroups = [] } = await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [`${name}-sg`] }] }),
    );
    expect(SecurityGroups[0]?.IpPermissions?.flatMap((rule) => rule.IpRanges?.map((range) => range.CidrIp))).toEqual([
      '10.0.0.0/16',
    ]);

    // The journal shows the step run by both servers, and nothing rolled back.
    await row.getByRole('link', { name }).click();
    const journal = page.getByRole('region', { name: 'Journal' });
    await expect(journal).not.toContainText('Rolled back');
    const workers = await journal.locator('td.font-mono').allTextContents();
    expect(new Set(workers).size).toBe(2);
  });
}
