import 'server-only';
import { GetRoleCommand, paginateListInstanceProfiles } from '@aws-sdk/client-iam';
import { iamClient } from './clients';
import { awsErrorName, needs } from './errors';

/** The account's instance profiles, by name. */
export const listInstanceProfiles = needs('iam:ListInstanceProfiles', async () => {
  const names: string[] = [];
  for await (const page of paginateListInstanceProfiles({ client: iamClient() }, {})) {
    names.push(...(page.InstanceProfiles ?? []).flatMap((profile) => profile.InstanceProfileName ?? []));
  }
  return names.sort();
});

export const roleExists = needs('iam:GetRole', async (roleName: string) => {
  try {
    await iamClient().send(new GetRoleCommand({ RoleName: roleName }));
    return true;
  } catch (error) {
    if (awsErrorName(error) === 'NoSuchEntityException' || awsErrorName(error) === 'NoSuchEntity') return false;
    throw error;
  }
});
