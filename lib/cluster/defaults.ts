import type { ClusterFormValues } from './schema';

/** The console's defaults: Fargate on, Container Insights off, ECS Exec logging left to ECS. */
export function defaultClusterFormValues(requestId: string): ClusterFormValues {
  return {
    requestId,
    clusterName: '',
    namespace: '',
    fargate: true,
    monitoring: 'disabled',
    execKmsKeyId: '',
    execLogging: 'DEFAULT',
    execLogGroupName: '',
    execLogGroupEncryption: false,
    execS3BucketName: '',
    execS3KeyPrefix: '',
    execS3Encryption: false,
    managedStorageKmsKeyId: '',
    fargateEphemeralStorageKmsKeyId: '',
    tags: [],
  };
}
