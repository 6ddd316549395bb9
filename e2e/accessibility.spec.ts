import { ecs } from './support/aws';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { CreateClusterCommand } from '@aws-sdk/client-ecs';

for (const locale of ['en-US', 'ko-KR']) {
  test.describe(`axe finds nothing (${locale})`, () => {
    test.use({ locale });

    test('clusters list, empty and with a cluster', async ({ page }) => {
      await page.goto('/clusters');
      await expectNoViolations(page);
      await ecs.send(new CreateClusterCommand({ clusterName: 'listed', tags: [{ key: 'team', value: 'a' }] }));
      await page.reload();
      await expectNoViolations(page);
    });

    test('create cluster: fresh, with errors, and with tags', async ({ page }) => {
      await page.goto('/clusters/create');
      await expectNoViolations(page);
      // (every section is open now) add an empty tag row, which is then invalid too
      await page.locator('#tags-section').getByRole('button').first().click();
      await page.getByRole('main').locator('button[type=submit]').click();
      await expect(page.locator('[aria-invalid=true]').first()).toBeVisible();
      await expectNoViolations(page);
    });

    test('create cluster with Amazon EC2 instances, a new security group and a rule', async ({ page }) => {
      await page.goto('/clusters/create');
      await page.locator('#ec2').check();
      await expect(page.locator('#instanceType')).toHaveValue('t3.medium');
      await page.locator('#securityGroupMode-new').check();
      await page.locator('#inboundRules button').click();
      await expectNoViolations(page);
    });

    test('a cluster with EC2 capacity, and its creation steps', async ({ page }) => {
      await page.goto('/clusters/create');
      await page.locator('#clusterName').fill('steps');
      await page.locator('#ec2').check();
      await expect(page.locator('#instanceType')).toHaveValue('t3.medium');
      await page.getByRole('main').locator('button[type=submit]').click();
      await expect(page.locator('[data-status="done"]')).toHaveCount(14, { timeout: 20_000 });
      await expectNoViolations(page);
    });

    test('the audit trail, with events and with a filter it cannot read', async ({ page }) => {
      await page.goto('/clusters/create');
      await page.locator('#clusterName').fill('audited');
      await page.getByRole('main').locator('button[type=submit]').click();
      await expect(page).toHaveURL(/\/clusters\/audited/);
      await page.goto('/audit');
      await expect(page.locator('table tbody tr').first()).toBeVisible();
      await expectNoViolations(page);
      await page.goto('/audit?until=never');
      await expect(page.locator('#filter-until')).toHaveAttribute('aria-invalid', 'true');
      await expectNoViolations(page);
    });

    test('cluster page', async ({ page }) => {
      await ecs.send(new CreateClusterCommand({ clusterName: 'detailed', tags: [{ key: 'team', value: 'a' }] }));
      await page.goto('/clusters/detailed');
      await expectNoViolations(page);
      await page.goto('/clusters/missing');
      await expectNoViolations(page);
    });
  });
}

test('a cluster can be created with the keyboard alone', async ({ page }) => {
  await page.goto('/clusters');
  // Skip link first, then through the header to the Create cluster button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  const create = page.getByRole('link', { name: 'Create cluster' });
  for (let i = 0; i < 10 && !(await create.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(create).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Create cluster' })).toBeVisible();

  await page.getByLabel('Cluster name').focus();
  await page.keyboard.press('Enter'); // submit the empty form from the keyboard
  await expect(page.getByRole('alert').filter({ hasText: 'Fix 1 problem' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // follow the summary's link to the field
  await page.keyboard.type('by-keyboard');
  await expect(page.getByLabel('Cluster name')).toHaveValue('by-keyboard');

  // Open Monitoring with the keyboard and choose enhanced observability.
  await page
    .getByRole('heading', { name: /Monitoring/ })
    .locator('xpath=ancestor::summary')
    .focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Turn off').focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('Container Insights with enhanced observability')).toBeChecked();

  await page.getByRole('button', { name: 'Create', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/clusters\/by-keyboard\?request=[0-9a-f-]{36}$/);
});
