import 'server-only';
import { logGroupExists } from '@/lib/aws/logs';
import { bucketIsUsable } from '@/lib/aws/s3';
import type { ClusterRequest } from '@/lib/cluster/request';
import type { Violation } from '@/lib/cluster/violation';

/** ECS Exec logs only to a log group and bucket that already exist: ECS itself does not check. */
export async function checkExecLoggingAgainstAws({ executeCommand }: ClusterRequest): Promise<Violation[]> {
  const { cloudWatch, s3 } = executeCommand ?? {};
  const [logGroupFound, bucketFound] = await Promise.all([
    cloudWatch ? logGroupExists(cloudWatch.logGroupName) : true,
    s3 ? bucketIsUsable(s3.bucketName) : true,
  ]);
  const violations: Violation[] = [];
  if (!logGroupFound) {
    violations.push({
      path: ['executeCommand', 'cloudWatch', 'logGroupName'],
      rule: 'logGroupExists',
      message: { key: 'validation.logGroup.notFound' },
    });
  }
  if (!bucketFound) {
    violations.push({
      path: ['executeCommand', 's3', 'bucketName'],
      rule: 'bucketExists',
      message: { key: 'validation.bucket.notFound' },
    });
  }
  return violations;
}
