import 'server-only';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';

/**
 * One client per service per process. Region, credentials and endpoint come only from the
 * environment (the SDK's default chain: AWS_REGION, AWS_PROFILE/SSO, keys, container or instance
 * role, AWS_ENDPOINT_URL[_<SERVICE>]), with the SDK's standard retries.
 */
let ecs: ECSClient | undefined;
let serviceDiscovery: ServiceDiscoveryClient | undefined;

export const ecsClient = () => (ecs ??= new ECSClient({}));
export const serviceDiscoveryClient = () => (serviceDiscovery ??= new ServiceDiscoveryClient({}));

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
