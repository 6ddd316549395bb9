import 'server-only';
import { paginateListServices, paginateListTasks } from '@aws-sdk/client-ecs';
import { paginateListInstanceProfilesForRole } from '@aws-sdk/client-iam';
import { ecsClient, iamClient } from './clients';
import { isNotFound, needs } from './errors';

/**
 * What still uses a cluster or a role, read before a teardown is planned: ECS refuses to delete a
 * cluster with services or tasks, and a role in someone else's instance profile must stay.
 */

export const countServices = needs('ecs:ListServices', async (cluster: string) => {
  let count = 0;
  for await (const page of paginateListServices({ client: ecsClient() }, { cluster })) {
    count += page.serviceArns?.length ?? 0;
  }
  return count;
});

/** Tasks running or on their way to running (ListTasks' default desired status). */
export const countTasks = needs('ecs:ListTasks', async (cluster: string) => {
  let count = 0;
  for await (const page of paginateListTasks({ client: ecsClient() }, { cluster })) {
    count += page.taskArns?.length ?? 0;
  }
  return count;
});

/** The instance profiles that hold the role; none when the role is gone. */
export const instanceProfilesOfRole = needs('iam:ListInstanceProfilesForRole', async (roleName: string) => {
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
});
