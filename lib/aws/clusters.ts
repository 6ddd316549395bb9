import 'server-only';
import {
  type Cluster,
  CreateClusterCommand,
  type CreateClusterCommandInput,
  DeleteClusterCommand,
  DescribeClustersCommand,
  paginateListClusters,
} from '@aws-sdk/client-ecs';
import { nameOfArn } from '@/lib/cluster/cluster-list-paging';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';
import { ecsClient } from './clients';
import { awsErrorMessage, awsErrorName, needs } from './errors';

const DETAILS = ['TAGS', 'SETTINGS', 'CONFIGURATIONS', 'ATTACHMENTS'] as const;
const DESCRIBE_BATCH = 100;

/** The cluster with this name as ECS describes it, in whatever status, or undefined if ECS has none. */
export const findCluster = needs('ecs:DescribeClusters', async (name: string): Promise<Cluster | undefined> => {
  const { clusters = [] } = await ecsClient().send(
    new DescribeClustersCommand({ clusters: [name], include: [...DETAILS] }),
  );
  return clusters.find((cluster) => cluster.clusterName === name);
});

/** Every cluster in the Region, described with its tags, in ListClusters order. */
export async function listClusters(): Promise<Cluster[]> {
  return describeClustersNamed(await listClusterNames());
}

/** Every cluster's name, from ListClusters' ARNs: cheap, unlike describing them. */
export const listClusterNames = needs('ecs:ListClusters', async () => {
  const names: string[] = [];
  for await (const page of paginateListClusters({ client: ecsClient() }, {})) {
    names.push(...(page.clusterArns ?? []).map(nameOfArn));
  }
  return names;
});

/**
 * The clusters with these names (or ARNs), described with their tags (and settings, when asked),
 * 100 to a call; unknown names are left out.
 */
export const describeClustersNamed = needs(
  'ecs:DescribeClusters',
  async (names: readonly string[], include: ('TAGS' | 'SETTINGS')[] = ['TAGS']): Promise<Cluster[]> => {
    const clusters: Cluster[] = [];
    for (let start = 0; start < names.length; start += DESCRIBE_BATCH) {
      const { clusters: described = [] } = await ecsClient().send(
        new DescribeClustersCommand({ clusters: names.slice(start, start + DESCRIBE_BATCH), include }),
      );
      clusters.push(...described);
    }
    return clusters;
  },
);

/** The value of one of a cluster's tags. */
export const tagOf = (cluster: Cluster, key: string) => cluster.tags?.find((tag) => tag.key === key)?.value;

/** How many ACTIVE clusters carry the team's tag: what a team's maxClusters counts. */
export async function countTeamClusters(team: string): Promise<number> {
  return (await listClusters()).filter(
    (cluster) => cluster.status === 'ACTIVE' && tagOf(cluster, TEAM_TAG_KEY) === team,
  ).length;
}

/** A brand-new account's first CreateCluster can fail while ECS sets up its service-linked role. */
const SERVICE_LINKED_ROLE_NOT_READY = /unable to assume the service linked role/i;
const SERVICE_LINKED_ROLE_RETRY_DELAY_MS = 3000;

export async function createCluster(
  input: CreateClusterCommandInput,
  retryDelayMs = SERVICE_LINKED_ROLE_RETRY_DELAY_MS,
) {
  try {
    return await ecsClient().send(new CreateClusterCommand(input));
  } catch (error) {
    if (
      awsErrorName(error) !== 'InvalidParameterException' ||
      !SERVICE_LINKED_ROLE_NOT_READY.test(awsErrorMessage(error))
    ) {
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
    return await ecsClient().send(new CreateClusterCommand(input));
  }
}

export async function deleteCluster(cluster: string) {
  return ecsClient().send(new DeleteClusterCommand({ cluster }));
}

/** ECS's answer when CreateCluster names an existing cluster with different arguments. */
export function isInconsistentIdempotentRequest(error: unknown): boolean {
  return (
    awsErrorName(error) === 'InvalidParameterException' &&
    /idempotent request are inconsistent/i.test(awsErrorMessage(error))
  );
}
