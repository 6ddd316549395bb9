import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { HeadBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { aClusterRequest } from '@/lib/cluster/builders';
import type { ClusterRequest } from '@/lib/cluster/request';
import { checkExecLoggingAgainstAws } from './check-exec-logging';

const logs = mockClient(CloudWatchLogsClient);
const s3 = mockClient(S3Client);
type ExecuteCommand = NonNullable<ClusterRequest['executeCommand']>;
const cloudWatch = { logGroupName: '/ecs/exec', encryptionEnabled: false };
const s3Bucket = { bucketName: 'exec-logs', encryptionEnabled: false };
const bothDestinations: ExecuteCommand = { logging: 'OVERRIDE', cloudWatch, s3: s3Bucket };
/** Each violation's message at its domain path. */
const check = (executeCommand: ExecuteCommand) =>
  checkExecLoggingAgainstAws(aClusterRequest({ executeCommand })).then((violations) =>
    Object.fromEntries(violations.map((violation) => [violation.path.join('.'), violation.message.key])),
  );
const s3Error = (status: number) =>
  new S3ServiceException({
    name: status === 404 ? 'NotFound' : 'Forbidden',
    $fault: 'client',
    $metadata: { httpStatusCode: status },
  });

describe('checkExecLoggingAgainstAws', () => {
  beforeEach(() => {
    logs.reset();
    s3.reset();
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: '/ecs/exec' }] });
    s3.on(HeadBucketCommand).resolves({});
  });

  it('asks nothing unless logging goes to a destination', async () => {
    await expect(check({ logging: 'NONE' })).resolves.toEqual({});
    expect(logs.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  it('accepts a log group and a bucket that exist', async () => {
    await expect(check(bothDestinations)).resolves.toEqual({});
  });

  it('refuses a log group only a prefix of the name matches, and a bucket that is missing or not ours', async () => {
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: '/ecs/exec-other' }] });
    s3.on(HeadBucketCommand).rejects(s3Error(404));
    await expect(check(bothDestinations)).resolves.toEqual({
      'executeCommand.cloudWatch.logGroupName': 'validation.logGroup.notFound',
      'executeCommand.s3.bucketName': 'validation.bucket.notFound',
    });
    s3.on(HeadBucketCommand).rejects(s3Error(403));
    await expect(check({ logging: 'OVERRIDE', s3: s3Bucket })).resolves.toEqual({
      'executeCommand.s3.bucketName': 'validation.bucket.notFound',
    });
  });
});
