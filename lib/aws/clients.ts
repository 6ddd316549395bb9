import 'server-only';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';
import { SSMClient } from '@aws-sdk/client-ssm';

/**
 * One client per service per process. Region, credentials and endpoint come only from the
 * environment (the SDK's default chain: AWS_REGION, AWS_PROFILE/SSO, keys, container or instance
 * role, AWS_ENDPOINT_URL[_<SERVICE>]), with the SDK's standard retries.
 */
function lazy<T>(create: () => T): () => T {
  let client: T | undefined;
  return () => (client ??= create());
}

export const ecsClient = lazy(() => new ECSClient({}));
export const serviceDiscoveryClient = lazy(() => new ServiceDiscoveryClient({}));
export const ec2Client = lazy(() => new EC2Client({}));
export const autoScalingClient = lazy(() => new AutoScalingClient({}));
export const iamClient = lazy(() => new IAMClient({}));
export const ssmClient = lazy(() => new SSMClient({}));
export const logsClient = lazy(() => new CloudWatchLogsClient({}));
// A local endpoint (the sandbox's) has no bucket host names: name the bucket in the path there.
export const s3Client = lazy(
  () => new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL) }),
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
