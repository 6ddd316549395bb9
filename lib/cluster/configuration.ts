import type { ClusterConfiguration, ExecuteCommandConfiguration } from '@aws-sdk/client-ecs';
import { withoutUndefined } from './without-undefined';
import type { ClusterRequest } from './schema';

/** The cluster's ECS Exec and managed storage settings; undefined when the user set none. */
export function clusterConfiguration(request: ClusterRequest): ClusterConfiguration | undefined {
  const managedStorage = withoutUndefined({
    kmsKeyId: request.managedStorageKmsKeyId || undefined,
    fargateEphemeralStorageKmsKeyId: (request.fargate && request.fargateEphemeralStorageKmsKeyId) || undefined,
  });
  const configuration: ClusterConfiguration = withoutUndefined({
    executeCommandConfiguration: executeCommandConfiguration(request),
    managedStorageConfiguration: Object.keys(managedStorage).length > 0 ? managedStorage : undefined,
  });
  return Object.keys(configuration).length > 0 ? configuration : undefined;
}

function executeCommandConfiguration(request: ClusterRequest): ExecuteCommandConfiguration | undefined {
  const kmsKeyId = request.execKmsKeyId || undefined;
  switch (request.execLogging) {
    case 'DEFAULT':
      // ECS's own default; say nothing unless a key is set.
      return kmsKeyId ? { kmsKeyId, logging: 'DEFAULT' } : undefined;
    case 'NONE':
      return withoutUndefined<ExecuteCommandConfiguration>({ kmsKeyId, logging: 'NONE' });
    case 'CLOUDWATCH':
      return withoutUndefined<ExecuteCommandConfiguration>({
        kmsKeyId,
        logging: 'OVERRIDE',
        logConfiguration: {
          cloudWatchLogGroupName: request.execLogGroupName,
          cloudWatchEncryptionEnabled: request.execLogGroupEncryption,
        },
      });
    case 'S3':
      return withoutUndefined<ExecuteCommandConfiguration>({
        kmsKeyId,
        logging: 'OVERRIDE',
        logConfiguration: withoutUndefined({
          s3BucketName: request.execS3BucketName,
          s3KeyPrefix: request.execS3KeyPrefix || undefined,
          s3EncryptionEnabled: request.execS3Encryption,
        }),
      });
  }
}
