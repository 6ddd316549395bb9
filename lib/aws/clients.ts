import 'server-only';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { callMetrics } from './call-metrics';
import { currentDeadline } from './deadline';

/**
 * One client per service per process. Region, credentials and endpoint come only from the
 * environment (the SDK's default chain: AWS_REGION, AWS_PROFILE/SSO, keys, container or instance
 * role, AWS_ENDPOINT_URL[_<SERVICE>]), with the SDK's standard retries.
 */
function lazy<T extends SdkClient>(create: () => T): () => T {
  let client: T | undefined;
  return () => (client ??= observed(sharingTheDeadline(create())));
}

interface SdkClient {
  send: (...args: never[]) => unknown;
  middlewareStack: { use(plugin: never): void };
}

/** Its calls counted, timed and logged (call-metrics.ts), whatever the service's own input and output types. */
function observed<T extends SdkClient>(client: T): T {
  (client.middlewareStack as { use(plugin: ReturnType<typeof callMetrics>): void }).use(callMetrics());
  return client;
}

/**
 * Every call of the client is aborted with the page view's or submit's deadline (deadline.ts),
 * when there is one. The class's own send is looked up at each call, not kept: tests replace it.
 */
function sharingTheDeadline<T extends SdkClient>(client: T): T {
  type Send = (this: T, command: unknown, options?: object) => unknown;
  client.send = ((command: unknown, options?: object) => {
    const deadline = currentDeadline();
    const send = (Object.getPrototypeOf(client) as { send: Send }).send;
    return send.call(client, command, deadline ? { abortSignal: deadline.signal, ...options } : options);
  }) as T['send'];
  return client;
}

const milliseconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/**
 * Deadlines for every call: a connection must open within a few seconds and AWS must answer within
 * AWS_REQUEST_TIMEOUT_MS (each of the SDK's attempts), so a hanging endpoint ends in a clear message
 * instead of a page that never loads.
 */
const deadlines = () => ({
  requestHandler: {
    connectionTimeout: milliseconds('AWS_CONNECTION_TIMEOUT_MS', 3_000),
    requestTimeout: milliseconds('AWS_REQUEST_TIMEOUT_MS', 10_000),
    // Without it the handler only warns when the deadline passes, and goes on waiting.
    throwOnRequestTimeout: true,
  },
});

export const ecsClient = lazy(() => new ECSClient(deadlines()));
export const serviceDiscoveryClient = lazy(() => new ServiceDiscoveryClient(deadlines()));
export const ec2Client = lazy(() => new EC2Client(deadlines()));
export const autoScalingClient = lazy(() => new AutoScalingClient(deadlines()));
export const iamClient = lazy(() => new IAMClient(deadlines()));
export const ssmClient = lazy(() => new SSMClient(deadlines()));
export const logsClient = lazy(() => new CloudWatchLogsClient(deadlines()));
export const stsClient = lazy(() => new STSClient(deadlines()));
// A local endpoint (the sandbox's) has no bucket host names: name the bucket in the path there.
export const s3Client = lazy(
  () =>
    new S3Client({
      ...deadlines(),
      forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL),
    }),
);

/** The Region the server works in, for the page header. */
export async function currentRegion(): Promise<string | undefined> {
  try {
    return await ecsClient().config.region();
  } catch {
    return undefined;
  }
}

/** Set by the start script when it runs the app against the local moto emulator. */
export const isSandbox = () => process.env.ECS_CONSOLE_SANDBOX === '1';
