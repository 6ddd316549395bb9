import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { HeadBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ClusterFormValues } from '@/lib/cluster/form-fields';
import { validRequest } from '@/lib/cluster/test-requests';
import { checkExecLoggingAgainstAws } from './check-exec-logging';

const logs = mockClient(CloudWatchLogsClient);
const s3 = mockClient(S3Client);
const bothDestinations: Partial<ClusterFormValues> = {
  execLogging: 'OVERRIDE',
  execCloudWatch: true,
  execLogGroupName: '/ecs/exec',
  execS3: true,
  execS3BucketName: 'exec-logs',
};
const check = (change: Partial<ClusterFormValues>) => checkExecLoggingAgainstAws(validRequest(change));
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
    await expect(check({ execLogging: 'NONE' })).resolves.toEqual({});
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
      execLogGroupName: 'validation.logGroup.notFound',
      execS3BucketName: 'validation.bucket.notFound',
    });
    s3.on(HeadBucketCommand).rejects(s3Error(403));
    await expect(check({ ...bothDestinations, execCloudWatch: false })).resolves.toEqual({
      execS3BucketName: 'validation.bucket.notFound',
    });
  });
});
