import { describe, expect, it } from 'vitest';
import { REQUEST_TAG_KEY } from './limits';
import { planCluster } from './plan';
import { aClusterRequest, TEST_REQUEST_ID as REQUEST_ID } from './builders';
import type { ClusterRequest } from './request';

const KEY = (n: number) => `arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-12345678900${n}`;

const planFor = (change: Partial<ClusterRequest>) => planCluster(aClusterRequest(change));

const createClusterInput = (change: Partial<ClusterRequest>) => {
  const [step] = planFor(change).steps;
  if (step?.call.action !== 'ecs:CreateCluster') throw new Error('the first step must create the cluster');
  return step.call.input;
};

describe('planCluster for Fargate', () => {
  it('sends only what the defaults mean: Fargate providers, the account’s Container Insights, the request tag', () => {
    expect(createClusterInput({})).toEqual({
      clusterName: 'demo',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      tags: [{ key: REQUEST_TAG_KEY, value: REQUEST_ID }],
    });
  });

  it('leaves Container Insights to the account when the request names no level', () => {
    expect(createClusterInput({ monitoring: undefined })).not.toHaveProperty('settings');
  });

  it('is one CreateCluster step, undone by DeleteCluster', () => {
    const plan = planFor({});
    expect(plan.steps.map((step) => [step.call.action, step.undo?.action])).toEqual([
      ['ecs:CreateCluster', 'ecs:DeleteCluster'],
    ]);
    expect(plan.steps[0]?.undo?.input).toEqual({ cluster: 'demo' });
  });

  it.each(['enhanced', 'enabled', 'disabled'] as const)('sends containerInsights=%s when chosen', (monitoring) => {
    expect(createClusterInput({ monitoring }).settings).toEqual([{ name: 'containerInsights', value: monitoring }]);
  });

  it('names the default namespace as typed, or none when empty', () => {
    expect(createClusterInput({ namespace: 'shop' }).serviceConnectDefaults).toEqual({ namespace: 'shop' });
    expect(createClusterInput({})).not.toHaveProperty('serviceConnectDefaults');
  });

  it('keeps the user’s tags in order and adds the request tag last', () => {
    expect(
      createClusterInput({
        tags: [
          { key: 'team', value: '결제' },
          { key: 'env', value: '' },
        ],
      }).tags,
    ).toEqual([
      { key: 'team', value: '결제' },
      { key: 'env', value: '' },
      { key: REQUEST_TAG_KEY, value: REQUEST_ID },
    ]);
  });

  describe('ECS Exec configuration', () => {
    it('is left out when logging is Default and no key is set', () => {
      expect(createClusterInput({ executeCommand: undefined })).not.toHaveProperty('configuration');
    });

    it('carries the key with Default logging', () => {
      expect(createClusterInput({ executeCommand: { kmsKeyId: KEY(1), logging: 'DEFAULT' } }).configuration).toEqual({
        executeCommandConfiguration: { kmsKeyId: KEY(1), logging: 'DEFAULT' },
      });
    });

    it('says NONE when logging is turned off', () => {
      expect(createClusterInput({ executeCommand: { logging: 'NONE' } }).configuration).toEqual({
        executeCommandConfiguration: { logging: 'NONE' },
      });
    });

    it('overrides logging to a CloudWatch log group', () => {
      expect(
        createClusterInput({
          executeCommand: { logging: 'OVERRIDE', cloudWatch: { logGroupName: '/ecs/exec', encryptionEnabled: true } },
        }).configuration,
      ).toEqual({
        executeCommandConfiguration: {
          logging: 'OVERRIDE',
          logConfiguration: { cloudWatchLogGroupName: '/ecs/exec', cloudWatchEncryptionEnabled: true },
        },
      });
    });

    it('overrides logging to an S3 bucket, with the prefix only when given', () => {
      expect(
        createClusterInput({
          executeCommand: {
            logging: 'OVERRIDE',
            s3: { bucketName: 'exec-logs', keyPrefix: 'demo/', encryptionEnabled: false },
          },
        }).configuration,
      ).toEqual({
        executeCommandConfiguration: {
          logging: 'OVERRIDE',
          logConfiguration: { s3BucketName: 'exec-logs', s3KeyPrefix: 'demo/', s3EncryptionEnabled: false },
        },
      });
      expect(
        createClusterInput({
          executeCommand: { logging: 'OVERRIDE', s3: { bucketName: 'exec-logs', encryptionEnabled: false } },
        }).configuration,
      ).toEqual({
        executeCommandConfiguration: {
          logging: 'OVERRIDE',
          logConfiguration: { s3BucketName: 'exec-logs', s3EncryptionEnabled: false },
        },
      });
    });

    it('sends both destinations when both are chosen', () => {
      expect(
        createClusterInput({
          executeCommand: {
            logging: 'OVERRIDE',
            cloudWatch: { logGroupName: '/ecs/exec', encryptionEnabled: false },
            s3: { bucketName: 'exec-logs', encryptionEnabled: true },
          },
        }).configuration,
      ).toEqual({
        executeCommandConfiguration: {
          logging: 'OVERRIDE',
          logConfiguration: {
            cloudWatchLogGroupName: '/ecs/exec',
            cloudWatchEncryptionEnabled: false,
            s3BucketName: 'exec-logs',
            s3EncryptionEnabled: true,
          },
        },
      });
    });
  });

  describe('managed storage encryption', () => {
    it('sends each key that is set', () => {
      expect(
        createClusterInput({ managedStorage: { kmsKeyId: KEY(2), fargateEphemeralStorageKmsKeyId: KEY(3) } })
          .configuration,
      ).toEqual({ managedStorageConfiguration: { kmsKeyId: KEY(2), fargateEphemeralStorageKmsKeyId: KEY(3) } });
      expect(createClusterInput({ managedStorage: { fargateEphemeralStorageKmsKeyId: KEY(3) } }).configuration).toEqual(
        {
          managedStorageConfiguration: { fargateEphemeralStorageKmsKeyId: KEY(3) },
        },
      );
    });

    it('sits beside the ECS Exec configuration', () => {
      expect(
        createClusterInput({ executeCommand: { logging: 'NONE' }, managedStorage: { kmsKeyId: KEY(2) } }).configuration,
      ).toEqual({
        executeCommandConfiguration: { logging: 'NONE' },
        managedStorageConfiguration: { kmsKeyId: KEY(2) },
      });
    });
  });
});
