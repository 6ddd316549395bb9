import { DescribeClustersCommand, ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import {
  CreateHttpNamespaceCommand,
  paginateListNamespaces,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import { E2E } from './settings';

/** Clients that read moto directly (not through the fault proxy), to check what AWS now holds. */
const config = {
  endpoint: E2E.motoUrl,
  region: E2E.region,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};
export const ecs = new ECSClient(config);
export const serviceDiscovery = new ServiceDiscoveryClient(config);

/** Empties moto, and removes every fault and call count from the proxy. */
export async function resetAws() {
  await fetch(`${E2E.motoUrl}/moto-api/reset`, { method: 'POST' });
  await fetch(`${E2E.proxyUrl}/__faults`, { method: 'DELETE' });
  await fetch(`${E2E.proxyUrl}/__calls`, { method: 'DELETE' });
}

export interface Fault {
  operation: string;
  code?: string;
  status?: number;
  message?: string;
  drop?: boolean;
  times?: number;
}

export async function injectFault(fault: Fault) {
  await fetch(`${E2E.proxyUrl}/__faults`, { method: 'POST', body: JSON.stringify(fault) });
}

export async function callsSeen(): Promise<string[]> {
  return (await fetch(`${E2E.proxyUrl}/__calls`)).json();
}

export async function describeCluster(name: string) {
  const { clusters = [] } = await ecs.send(
    new DescribeClustersCommand({ clusters: [name], include: ['TAGS', 'SETTINGS', 'CONFIGURATIONS'] }),
  );
  return clusters.find((cluster) => cluster.clusterName === name);
}

export async function clusterNames(): Promise<string[]> {
  const { clusterArns = [] } = await ecs.send(new ListClustersCommand({}));
  return clusterArns.map((arn) => arn.split('/').pop() ?? '');
}

export async function createHttpNamespace(name: string): Promise<string> {
  await serviceDiscovery.send(new CreateHttpNamespaceCommand({ Name: name }));
  for await (const page of paginateListNamespaces({ client: serviceDiscovery }, {})) {
    const found = page.Namespaces?.find((namespace) => namespace.Name === name);
    if (found?.Arn) return found.Arn;
  }
  throw new Error(`namespace ${name} was not created`);
}
