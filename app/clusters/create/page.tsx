import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { CreateClusterForm } from '@/components/create-cluster/CreateClusterForm';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { loadEc2Options } from '@/lib/aws/ec2-options';
import { load } from '@/lib/aws/load';
import { listNamespaces } from '@/lib/aws/namespaces';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('create.title') };
}

export default async function CreateClusterPage() {
  const { t } = await getTranslator();
  const namespaces = await load('servicediscovery:ListNamespaces', listNamespaces);
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
        namespaces={namespaces.ok ? namespaces.value : []}
        namespaceListError={namespaces.ok ? undefined : namespaces.error}
        ec2Options={loadEc2Options()}
      />
    </div>
  );
}
