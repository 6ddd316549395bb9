import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { DeleteClusterForm } from '@/components/DeleteClusterForm';
import { TeardownReview } from '@/components/TeardownReview';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { requireViewer } from '@/lib/auth/viewer';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { getTranslator } from '@/lib/i18n/server';
import { reviewTeardown } from '@/lib/provision/delete-cluster';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('delete.title', { name: decodeURIComponent((await params).name) }) };
}

/** The teardown plan, reviewed before anything is deleted, and the console's typed-name confirmation. */
export default async function DeleteClusterPage({ params }: Props) {
  const name = decodeURIComponent((await params).name);
  const clusterPath = `/clusters/${encodeURIComponent(name)}`;
  const viewer = await requireViewer(`${clusterPath}/delete`);
  const { t } = await getTranslator();
  const requestId = randomUUID();
  const reviewed = await reviewTeardown(viewer, name, requestId);

  return (
    <div className="space-y-4">
      <Breadcrumbs
        label={t('nav.breadcrumbs')}
        items={[
          { text: t('nav.clusters'), href: '/clusters' },
          { text: name, href: clusterPath },
          { text: t('delete.action') },
        ]}
      />
      <h1 className="text-2xl font-bold">{t('delete.title', { name })}</h1>
      {!reviewed.ok ? (
        <Alert type="error">
          {reviewed.reason === 'notFound'
            ? t('cluster.notFound', { name })
            : reviewed.reason === 'forbidden'
              ? t('delete.forbidden')
              : t(reviewed.message.key, reviewed.message.params)}
        </Alert>
      ) : !reviewed.review.teardown.ok ? (
        <Alert type="error">{t('delete.inUse', reviewed.review.teardown.refusal)}</Alert>
      ) : (
        <>
          <TeardownReview plan={reviewed.review.teardown.plan} t={t} />
          {/* The form's own messages and its answers': the confirmation's, a refusal, a failure. */}
          <ClientMessages namespaces={{ only: ['delete', 'cluster', 'validation', 'auth', 'aws', 'database'] }}>
            <DeleteClusterForm clusterName={name} requestId={requestId} digest={reviewed.review.digest} />
          </ClientMessages>
        </>
      )}
    </div>
  );
}
