import type {
  ClusterConfiguration,
  CreateClusterCommandInput,
  DeleteClusterCommandInput,
  ExecuteCommandConfiguration,
  Tag,
} from '@aws-sdk/client-ecs';
import { REQUEST_TAG_KEY } from './limits';
import type { ClusterRequest } from './schema';

/**
 * Turns a validated request into the exact AWS requests that create the cluster, in order.
 * Pure: the Review panel, the CLI preview, the executor and the unit tests all read this one plan.
 */

/** Each AWS action a step may perform, named as IAM names it, with the SDK input it takes. */
export interface StepActions {
  'ecs:CreateCluster': CreateClusterCommandInput;
  'ecs:DeleteCluster': DeleteClusterCommandInput;
}
export type StepAction = keyof StepActions;
export type AwsCall = { [A in StepAction]: { action: A; input: StepActions[A] } }[StepAction];

export interface PlanStep {
  id: 'createCluster';
  call: AwsCall;
  /** How to take the step back if a later step fails. */
  undo?: AwsCall;
}

export interface ClusterPlan {
  clusterName: string;
  requestId: string;
  steps: PlanStep[];
}

export const FARGATE_CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];

export function planCluster(request: ClusterRequest): ClusterPlan {
  const createCluster: CreateClusterCommandInput = {
    clusterName: request.clusterName,
    capacityProviders: request.fargate ? FARGATE_CAPACITY_PROVIDERS : undefined,
    settings: [{ name: 'containerInsights', value: request.monitoring }],
    configuration: clusterConfiguration(request),
    serviceConnectDefaults: request.namespace ? { namespace: request.namespace } : undefined,
    tags: resourceTags(request),
  };
  return {
    clusterName: request.clusterName,
    requestId: request.requestId,
    steps: [
      {
        id: 'createCluster',
        call: { action: 'ecs:CreateCluster', input: withoutUndefined(createCluster) },
        undo: { action: 'ecs:DeleteCluster', input: { cluster: request.clusterName } },
      },
    ],
  };
}

/** The user's tags plus the tag naming this request, for every resource the plan creates. */
export function resourceTags(request: Pick<ClusterRequest, 'tags' | 'requestId'>): Tag[] {
  return [...request.tags.map(({ key, value }) => ({ key, value })), { key: REQUEST_TAG_KEY, value: request.requestId }];
}

function clusterConfiguration(request: ClusterRequest): ClusterConfiguration | undefined {
  const executeCommand = executeCommandConfiguration(request);
  const managedStorage = withoutUndefined({
    kmsKeyId: request.managedStorageKmsKeyId || undefined,
    fargateEphemeralStorageKmsKeyId: (request.fargate && request.fargateEphemeralStorageKmsKeyId) || undefined,
  });
  const configuration: ClusterConfiguration = {
    executeCommandConfiguration: executeCommand,
    managedStorageConfiguration: Object.keys(managedStorage).length > 0 ? managedStorage : undefined,
  };
  return configuration.executeCommandConfiguration || configuration.managedStorageConfiguration
    ? withoutUndefined(configuration)
    : undefined;
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

/** Drops absent members so the JSON shown to the user is exactly what is sent. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}
