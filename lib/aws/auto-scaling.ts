import 'server-only';
import {
  DeleteAutoScalingGroupCommand,
  type DeleteAutoScalingGroupCommandInput,
  DescribeAutoScalingGroupsCommand,
  paginateDescribeAutoScalingGroups,
} from '@aws-sdk/client-auto-scaling';
import type { AutoScalingGroupOption } from '@/lib/cluster/options';
import { autoScalingClient } from './clients';
import { needs } from './errors';
import { pollUntil } from './poll';

export const listAutoScalingGroups = needs('autoscaling:DescribeAutoScalingGroups', async () => {
  const groups: AutoScalingGroupOption[] = [];
  for await (const page of paginateDescribeAutoScalingGroups({ client: autoScalingClient() }, {})) {
    for (const group of page.AutoScalingGroups ?? []) {
      if (group.AutoScalingGroupName && group.AutoScalingGroupARN) {
        groups.push({
          name: group.AutoScalingGroupName,
          arn: group.AutoScalingGroupARN,
          minSize: group.MinSize ?? 0,
          maxSize: group.MaxSize ?? 0,
        });
      }
    }
  }
  return groups.sort((a, b) => a.name.localeCompare(b.name));
});

export const describeAutoScalingGroup = needs('autoscaling:DescribeAutoScalingGroups', async (name: string) => {
  const { AutoScalingGroups = [] } = await autoScalingClient().send(
    new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }),
  );
  return AutoScalingGroups[0];
});

/**
 * Deletes a group and its instances, and returns once the group is gone: until then its instances
 * still hold the launch template's security group, which could not be deleted yet.
 */
export async function deleteAutoScalingGroup(input: DeleteAutoScalingGroupCommandInput) {
  await autoScalingClient().send(new DeleteAutoScalingGroupCommand(input));
  await pollUntil(`Auto Scaling group ${input.AutoScalingGroupName} to be deleted`, async () => {
    const group = await describeAutoScalingGroup(input.AutoScalingGroupName ?? '');
    return group === undefined;
  });
}
