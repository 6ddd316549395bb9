import { clusterNames, ecs } from './support/aws';
import { expect, openSection, test } from './support/fixtures';
import { CreateClusterCommand } from '@aws-sdk/client-ecs';

test.describe('bad input gets a message next to its field, and nothing is created', () => {
  test('every field the browser checks', async ({ page }) => {
    await page.goto('/clusters/create');
    await page.getByLabel('Cluster name').fill('bad name!');
    await page.getByLabel('Default namespace').fill('has space');
    await page.getByLabel('AWS Fargate (serverless)').uncheck();
    await openSection(page, /Troubleshooting configuration/);
    await page.getByLabel('AWS KMS key for ECS Exec').fill('alias/my-key');
    await page.getByLabel('Custom', { exact: true }).check();
    await page.getByLabel('Amazon CloudWatch').check();
    await page.getByLabel('CloudWatch log group').fill('bad group name');
    await openSection(page, /Encryption/);
    await page
      .getByLabel('Managed storage')
      .fill('arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab');
    await openSection(page, /Tags/);
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByLabel('Key of tag 1').fill('aws:team');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByLabel('Key of tag 2').fill('cost*center');
    await page.getByLabel('Value of tag 2').fill('x'.repeat(257));

    await page.getByRole('button', { name: 'Create', exact: true }).click();

    const expected: [string, string][] = [
      ['Cluster name', 'The cluster name can contain only letters, numbers, hyphens (-), and underscores (_).'],
      ['Default namespace', 'The namespace cannot contain spaces or the characters < > " /.'],
      ['AWS KMS key for ECS Exec', 'Enter the key’s ARN, not an alias.'],
      ['CloudWatch log group', 'The log group name can contain only letters, numbers, and the characters . - _ / #'],
      ['Managed storage', 'Multi-Region keys are not supported here. Enter the ARN of a single-Region key.'],
      ['Key of tag 1', 'Keys and values cannot start with aws:, which AWS reserves.'],
      ['Key of tag 2', 'Use only letters, numbers, spaces, and the characters _ . : / = + - @'],
      ['Value of tag 2', 'A value can have at most 256 characters.'],
    ];
    for (const [label, message] of expected) {
      const field = page.getByLabel(new RegExp(`^${escape(label)}( - optional)?$`));
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(new RegExp(`^${escape(message)}`));
    }
    await expect(page.getByText('Select at least one type of infrastructure.').first()).toBeVisible();

    // The summary takes focus and links to each field.
    const summary = page.getByRole('alert').filter({ hasText: 'Fix 9 problems before you create the cluster' });
    await expect(summary).toBeFocused();
    await summary.getByRole('link', { name: 'Enter the key’s ARN, not an alias.' }).click();
    await expect(page).toHaveURL(/#execKmsKeyId$/);

    expect(await clusterNames()).toEqual([]);
  });

  test('the server checks again what the browser was never asked: an ACTIVE cluster already has the name', async ({
    page,
  }) => {
    await ecs.send(new CreateClusterCommand({ clusterName: 'taken' }));
    await page.goto('/clusters/create');
    await page.getByLabel('Cluster name').fill('taken');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const name = page.getByLabel('Cluster name');
    await expect(name).toHaveAccessibleDescription(/^An active cluster with this name already exists/);
    await expect(page.getByRole('alert').filter({ hasText: 'Fix 1 problem' })).toBeFocused();
    await expect(name).toHaveValue('taken');
    // Editing the name clears the server's verdict.
    await name.fill('not-taken');
    await expect(name).not.toHaveAttribute('aria-invalid');
  });

  test('a namespace ARN that does not exist is refused by the server', async ({ page }) => {
    await page.goto('/clusters/create');
    await page.getByLabel('Cluster name').fill('ns-check');
    await page
      .getByLabel('Default namespace')
      .fill('arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-doesnotexist');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByLabel('Default namespace')).toHaveAccessibleDescription(
      /^No AWS Cloud Map namespace with this ARN exists in this Region/,
    );
    expect(await clusterNames()).toEqual([]);
  });

  test('tags: 49 at most, and duplicate keys are refused', async ({ page }) => {
    await page.goto('/clusters/create');
    await openSection(page, /Tags/);
    const add = page.getByRole('button', { name: 'Add tag' });
    for (let i = 0; i < 49; i += 1) await add.click();
    await expect(add).toBeDisabled();
    await expect(page.getByText('You can add no more tags.')).toBeVisible();
    await page.getByRole('button', { name: 'Remove tag 49' }).click();
    await expect(add).toBeEnabled();
    await expect(page.getByText('You can add 1 more tag.')).toBeVisible();

    await page.getByLabel('Key of tag 1', { exact: true }).fill('team');
    await page.getByLabel('Key of tag 2', { exact: true }).fill('team');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByLabel('Key of tag 2', { exact: true })).toHaveAccessibleDescription(
      'This key is already used by another tag. Keys must be unique.',
    );
  });
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
