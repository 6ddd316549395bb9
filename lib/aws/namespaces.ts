import 'server-only';
import { paginateListNamespaces } from '@aws-sdk/client-servicediscovery';
import type { NamespaceOption } from '@/lib/cluster/options';
import { serviceDiscoveryClient } from './clients';
import { needs } from './errors';

/** The Region's AWS Cloud Map namespaces, for the Default namespace combobox. */
export const listNamespaces = needs('servicediscovery:ListNamespaces', async () => {
  const namespaces: NamespaceOption[] = [];
  for await (const page of paginateListNamespaces({ client: serviceDiscoveryClient() }, {})) {
    for (const namespace of page.Namespaces ?? []) {
      if (namespace.Name && namespace.Arn && namespace.Type) {
        namespaces.push({ name: namespace.Name, arn: namespace.Arn, type: namespace.Type as NamespaceOption['type'] });
      }
    }
  }
  return namespaces.sort((a, b) => a.name.localeCompare(b.name));
});
