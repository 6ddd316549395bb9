import 'server-only';
import { logGroupExists } from '@/lib/aws/logs';
import { bucketIsUsable } from '@/lib/aws/s3';
import type { FieldErrors } from '@/lib/cluster/form-state';
import type { ClusterRequest } from '@/lib/cluster/request';
import { asking } from './check-ec2';

/** ECS Exec logs only to a log group and bucket that already exist: ECS itself does not check. */
export async function checkExecLoggingAgainstAws({ executeCommand }: ClusterRequest): Promise<FieldErrors> {
  const { cloudWatch, s3 } = executeCommand ?? {};
  const [logGroupFound, bucketFound] = await Promise.all([
    cloudWatch ? asking('logs:DescribeLogGroups', () => logGroupExists(cloudWatch.logGroupName)) : true,
    s3 ? asking('s3:ListBucket', () => bucketIsUsable(s3.bucketName)) : true,
  ]);
  const errors: FieldErrors = {};
  if (!logGroupFound) errors.execLogGroupName = 'validation.logGroup.notFound';
  if (!bucketFound) errors.execS3BucketName = 'validation.bucket.notFound';
  return errors;
}
