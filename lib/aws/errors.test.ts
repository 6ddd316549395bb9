import {
  AccessDeniedException,
  ClientException,
  CreateClusterCommand,
  ECSClient,
  InvalidParameterException,
  LimitExceededException,
  ServerException,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/telemetry/log';
import { AwsCallError, describeAwsError } from './errors';

const ecs = mockClient(ECSClient);
const client = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

/** The error the SDK raises when ECS answers CreateCluster with `error`. */
async function errorFromEcs(error: Error): Promise<unknown> {
  ecs.on(CreateClusterCommand).rejects(error);
  return client.send(new CreateClusterCommand({ clusterName: 'demo' })).catch((raised: unknown) => raised);
}

const metadata = { $metadata: { httpStatusCode: 400, requestId: 'req-123' } };

describe('describeAwsError', () => {
  beforeEach(() => {
    ecs.reset();
    vi.spyOn(log, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('names the permission that access was denied for', async () => {
    const error = await errorFromEcs(new AccessDeniedException({ message: 'User is not authorized', ...metadata }));
    expect(describeAwsError(new AwsCallError('ecs:CreateCluster', error))).toEqual({
      key: 'aws.accessDenied',
      params: { permission: 'ecs:CreateCluster' },
    });
  });

  it('says to try again when throttling outlasted the retries', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', ...metadata });
    expect(describeAwsError(new AwsCallError('ecs:CreateCluster', await errorFromEcs(throttled)))).toEqual({
      key: 'aws.throttled',
    });
  });

  it('passes on AWS’s explanation of an invalid request or a quota', async () => {
    const invalid = await errorFromEcs(new InvalidParameterException({ message: 'Bad namespace', ...metadata }));
    expect(describeAwsError(new AwsCallError('ecs:CreateCluster', invalid))).toEqual({
      key: 'aws.invalidRequest',
      params: { detail: 'Bad namespace' },
    });
    const client = await errorFromEcs(new ClientException({ message: 'Not allowed', ...metadata }));
    expect(describeAwsError(new AwsCallError('ecs:CreateCluster', client))).toMatchObject({
      key: 'aws.invalidRequest',
    });
    const limit = await errorFromEcs(new LimitExceededException({ message: 'Too many clusters.', ...metadata }));
    expect(describeAwsError(new AwsCallError('ecs:CreateCluster', limit))).toEqual({
      key: 'aws.limitExceeded',
      params: { detail: 'Too many clusters.' },
    });
  });

  it('tells a server fault from an unknown one, and logs both with the request id', async () => {
    const server = await errorFromEcs(
      new ServerException({ message: 'Internal', $metadata: { httpStatusCode: 500, requestId: 'req-500' } }),
    );
    expect(describeAwsError(new AwsCallError('ecs:CreateCluster', server))).toEqual({ key: 'aws.serviceError' });
    const unknown = await errorFromEcs(Object.assign(new Error('Odd'), { name: 'SomethingNew', ...metadata }));
    expect(describeAwsError(new AwsCallError('ecs:CreateCluster', unknown))).toEqual({
      key: 'aws.unexpected',
      params: { reference: 'req-123' },
    });
    const logged = (awsRequestId: string, error: unknown) =>
      expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ awsRequestId, error }), expect.any(String));
    logged('req-500', server);
    logged('req-123', unknown);
  });

  it('recognises missing credentials and an unreachable endpoint', () => {
    const noCredentials = Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' });
    expect(describeAwsError(new AwsCallError('ecs:CreateCluster', noCredentials))).toEqual({
      key: 'aws.noCredentials',
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(describeAwsError(new AwsCallError('ecs:CreateCluster', refused))).toEqual({
      key: 'aws.unreachable',
      params: { detail: 'ECONNREFUSED' },
    });
    const aggregate = Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {});
    expect(describeAwsError(new AwsCallError('ecs:CreateCluster', aggregate))).toMatchObject({
      key: 'aws.unreachable',
    });
  });

  it('gives an unknown failure without a request id a fresh reference', () => {
    const ref = describeAwsError(new AwsCallError('ecs:CreateCluster', new Error('boom')));
    expect(ref.key).toBe('aws.unexpected');
    expect(ref.params?.reference).toMatch(/^[0-9a-f-]{36}$/);
  });
});
