import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { DeleteClusterForm } from '@/components/DeleteClusterForm';
import { TeardownReview } from '@/components/TeardownReview';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { requirePrincipal } from '@/lib/auth/session';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { getTranslator } from '@/lib/i18n/server';
import { withAwsDeadline } from '@/lib/aws/deadline';
import { reviewTeardown } from '@/lib/requests/delete';
import { refusedForFailure } from '@/lib/requests/outcome';
import { journal } from '@/lib/runtime';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('delete.title', { name: decodeURIComponent((await params).name) }) };
}

/** The teardown plan, reviewed before anything is deleted, and the console's typed-name confirmation. */
export default async function DeleteClusterPage({ params }: Props) {
  const name = decodeURIComponent((await params).name);
  const clusterPath = `/clusters/${encodeURIComponent(name)}`;
  const principal = await requirePrincipal(`${clusterPath}/delete`);
  const { t } = await getTranslator();
  const requestId = randomUUID();
  const reviewed = await withAwsDeadline(async () =>
    reviewTeardown(principal, name, requestId, await journal()).catch(
      (error: unknown) => refusedForFailure(error).violations[0]!.message,
    ),
  );

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
      {reviewed === undefined ? (
        <Alert type="error">{t('cluster.notFound', { name })}</Alert>
      ) : reviewed === 'forbidden' ? (
        <Alert type="error">{t('delete.forbidden')}</Alert>
      ) : 'key' in reviewed ? (
        <Alert type="error">{t(reviewed.key, reviewed.params)}</Alert>
      ) : !reviewed.teardown.ok ? (
        <Alert type="error">{t('delete.inUse', reviewed.teardown.refusal)}</Alert>
      ) : (
        <>
          <TeardownReview plan={reviewed.teardown.plan} t={t} />
          {/* The form's own messages and its answers': the confirmation's, a refusal, a failure. */}
          <ClientMessages namespaces={{ only: ['delete', 'cluster', 'validation', 'auth', 'aws', 'database'] }}>
            <DeleteClusterForm clusterName={name} requestId={requestId} digest={reviewed.digest} />
          </ClientMessages>
        </>
      )}
    </div>
  );
}
