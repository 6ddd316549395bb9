import 'server-only';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { logsClient } from './clients';
import { needs } from './errors';

/** True when the Region has a CloudWatch Logs log group of exactly this name. */
export const logGroupExists = needs('logs:DescribeLogGroups', async (name: string) => {
  const { logGroups = [] } = await logsClient().send(
    new DescribeLogGroupsCommand({ logGroupNamePrefix: name, limit: 50 }),
  );
  return logGroups.some((group) => group.logGroupName === name);
});
