import 'server-only';
import { paginateListInstanceProfiles } from '@aws-sdk/client-iam';
import { iamClient } from './clients';

/** The account's instance profiles, by name. */
export async function listInstanceProfiles(): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListInstanceProfiles({ client: iamClient() }, {})) {
    names.push(...(page.InstanceProfiles ?? []).flatMap((profile) => profile.InstanceProfileName ?? []));
  }
  return names.sort();
}
