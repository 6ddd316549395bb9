import 'server-only';
import { paginateListServices, paginateListTasks } from '@aws-sdk/client-ecs';
import { paginateListInstanceProfilesForRole } from '@aws-sdk/client-iam';
import { ecsClient, iamClient } from './clients';
import { isNotFound } from './errors';

/**
 * What still uses a cluster or a role, read before a teardown is planned: ECS refuses to delete a
 * cluster with services or tasks, and a role in someone else's instance profile must stay.
 */

export async function countServices(cluster: string): Promise<number> {
  let count = 0;
  for await (const page of paginateListServices({ client: ecsClient() }, { cluster })) {
    count += page.serviceArns?.length ?? 0;
  }
  return count;
}

/** Tasks running or on their way to running (ListTasks' default desired status). */
export async function countTasks(cluster: string): Promise<number> {
  let count = 0;
  for await (const page of paginateListTasks({ client: ecsClient() }, { cluster })) {
    count += page.taskArns?.length ?? 0;
  }
  return count;
}

/** The instance profiles that hold the role; none when the role is gone. */
export async function instanceProfilesOfRole(roleName: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const page of paginateListInstanceProfilesForRole({ client: iamClient() }, { RoleName: roleName })) {
      names.push(...(page.InstanceProfiles ?? []).flatMap((profile) => profile.InstanceProfileName ?? []));
    }
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  return names;
}
