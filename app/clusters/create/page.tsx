import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { CreateClusterForm } from '@/components/create-cluster/CreateClusterForm';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { accountContainerInsights } from '@/lib/aws/account-settings';
import { loadEc2Options } from '@/lib/aws/ec2-options';
import type { Ec2OptionsSource } from '@/lib/cluster/options';
import { load } from '@/lib/aws/load';
import { listNamespaces } from '@/lib/aws/namespaces';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('create.title') };
}

type Props = { searchParams: Promise<{ ec2?: string }> };

export default async function CreateClusterPage({ searchParams }: Props) {
  const { t } = await getTranslator();
  // ?ec2=1: the EC2 lists are loaded before the page is sent, and EC2 is chosen.
  const withEc2 = (await searchParams).ec2 === '1';
  const ec2Options: Ec2OptionsSource = withEc2 ? { loaded: await loadEc2Options() } : { streamed: loadEc2Options() };
  const [namespaces, accountMonitoring] = await Promise.all([
    load('servicediscovery:ListNamespaces', listNamespaces),
    load('ecs:ListAccountSettings', accountContainerInsights),
  ]);
  return (
    <div className="space-y-4">
      <Breadcrumbs
        label={t('nav.breadcrumbs')}
        items={[{ text: t('nav.clusters'), href: '/clusters' }, { text: t('create.title') }]}
      />
      <div>
        <h1 className="text-2xl font-bold">{t('create.title')}</h1>
        <p className="text-ink-muted max-w-3xl">{t('create.description')}</p>
      </div>
      <CreateClusterForm
        requestId={randomUUID()}
        accountMonitoring={accountMonitoring.ok ? accountMonitoring.value : undefined}
        namespaces={namespaces.ok ? namespaces.value : []}
        namespaceListError={namespaces.ok ? undefined : namespaces.error}
        ec2Options={ec2Options}
        ec2Chosen={withEc2}
      />
    </div>
  );
}
