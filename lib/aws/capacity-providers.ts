import 'server-only';
import { type CapacityProvider, DescribeCapacityProvidersCommand } from '@aws-sdk/client-ecs';
import { ecsClient } from './clients';
import { needs } from './errors';

/** Every capacity provider in the Region (DescribeCapacityProviders pages by nextToken). */
export const listCapacityProviders = needs(
  'ecs:DescribeCapacityProviders',
  async (names?: string[]): Promise<CapacityProvider[]> => {
    const providers: CapacityProvider[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ecsClient().send(
        new DescribeCapacityProvidersCommand({ capacityProviders: names, nextToken, include: ['TAGS'] }),
      );
      providers.push(...(page.capacityProviders ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return providers;
  },
);

/** The ARNs of the Auto Scaling groups that a capacity provider already uses. */
export async function autoScalingGroupsInUse(): Promise<Set<string>> {
  const providers = await listCapacityProviders();
  return new Set(
    providers
      .filter((provider) => provider.status !== 'INACTIVE')
      .flatMap((provider) => provider.autoScalingGroupProvider?.autoScalingGroupArn ?? []),
  );
}
