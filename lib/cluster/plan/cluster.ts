import type { ClusterConfiguration, ExecuteCommandConfiguration } from '@aws-sdk/client-ecs';
import { usesFargate, type ClusterRequest } from '../request';
import { withoutUndefined } from '../without-undefined';
import type { PlanStep } from './steps';
import { resourceTags } from './tags';

export const FARGATE_CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];

/** The cluster itself, with Fargate's providers, its settings and the request's tags; undone by deleting it. */
export function clusterStep(request: ClusterRequest): PlanStep {
  const name = request.clusterName;
  return {
    id: 'createCluster',
    call: {
      action: 'ecs:CreateCluster',
      input: withoutUndefined({
        clusterName: name,
        capacityProviders: usesFargate(request.infrastructure) ? FARGATE_CAPACITY_PROVIDERS : undefined,
        // Absent: the account's default applies, as in the console.
        settings: request.monitoring ? [{ name: 'containerInsights', value: request.monitoring }] : undefined,
        configuration: clusterConfiguration(request),
        serviceConnectDefaults: request.namespace ? { namespace: request.namespace } : undefined,
        tags: resourceTags(request),
      }),
    },
    undo: { action: 'ecs:DeleteCluster', input: { cluster: name } },
  };
}

/** The cluster's ECS Exec and managed storage settings; undefined when the person set none. */
function clusterConfiguration(request: ClusterRequest): ClusterConfiguration | undefined {
  const storage = request.managedStorage;
  const managedStorage = withoutUndefined({
    kmsKeyId: storage?.kmsKeyId,
    fargateEphemeralStorageKmsKeyId: usesFargate(request.infrastructure)
      ? storage?.fargateEphemeralStorageKmsKeyId
      : undefined,
  });
  const configuration: ClusterConfiguration = withoutUndefined({
    executeCommandConfiguration: executeCommandConfiguration(request),
    managedStorageConfiguration: Object.keys(managedStorage).length > 0 ? managedStorage : undefined,
  });
  return Object.keys(configuration).length > 0 ? configuration : undefined;
}

function executeCommandConfiguration({ executeCommand }: ClusterRequest): ExecuteCommandConfiguration | undefined {
  if (!executeCommand) return undefined;
  const { kmsKeyId, logging, cloudWatch, s3 } = executeCommand;
  const logConfiguration =
    logging === 'OVERRIDE'
      ? withoutUndefined({
          cloudWatchLogGroupName: cloudWatch?.logGroupName,
          cloudWatchEncryptionEnabled: cloudWatch?.encryptionEnabled,
          s3BucketName: s3?.bucketName,
          s3KeyPrefix: s3?.keyPrefix,
          s3EncryptionEnabled: s3?.encryptionEnabled,
        })
      : undefined;
  return withoutUndefined<ExecuteCommandConfiguration>({ kmsKeyId, logging, logConfiguration });
}
