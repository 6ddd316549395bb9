import 'server-only';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { s3Client } from './clients';
import { needs } from './errors';

/**
 * True when the bucket exists and this server may use it. S3 answers 404 for a bucket that does
 * not exist and 403 for one of another account: either way ECS Exec could not write to it.
 */
export const bucketIsUsable = needs('s3:ListBucket', async (name: string) => {
  try {
    await s3Client().send(new HeadBucketCommand({ Bucket: name }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || status === 403) return false;
    throw error;
  }
});
