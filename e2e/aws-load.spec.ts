import { callsAsked } from './support/aws';
import { expect, formRuns, test } from './support/fixtures';

const EC2_LISTS = [
  'DescribeVpcs',
  'DescribeSubnets',
  'DescribeSecurityGroups',
  'DescribeKeyPairs',
  'DescribeInstanceTypeOfferings',
  'ListInstanceProfiles',
  'DescribeAutoScalingGroups',
];

test('a page view that stays with Fargate asks AWS for none of the EC2 lists; choosing EC2 asks once', async ({
  page,
}) => {
  await page.goto('/clusters/create');
  await formRuns(page);
  await page.getByLabel('Cluster name').fill('fargate-only');
  const asked = await callsAsked();
  expect(asked).toEqual(expect.arrayContaining(['ListNamespaces', 'ListAccountSettings']));
  expect(asked.filter((operation) => EC2_LISTS.includes(operation))).toEqual([]);

  const ec2 = page.getByRole('checkbox', { name: 'Amazon EC2 instances' });
  await ec2.check();
  await expect(page.getByLabel('EC2 instance type')).toHaveValue('t3.medium');
  await ec2.uncheck();
  await ec2.check();
  await expect(page.getByLabel('EC2 instance type')).toHaveValue('t3.medium');
  const listed = (await callsAsked()).filter((operation) => EC2_LISTS.includes(operation));
  expect(listed.toSorted()).toEqual(EC2_LISTS.toSorted());
});
