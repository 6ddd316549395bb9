import type { Metadata } from 'next';
import Link from 'next/link';
import { AutoRefresh } from '@/components/AutoRefresh';
import { ProvisionProgress } from '@/components/ProvisionProgress';
import { formatTime } from '@/components/RequestTimes';
import { Alert } from '@/components/ui/Alert';
import { TableHead } from '@/components/ui/TableHead';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Container } from '@/components/ui/Container';
import { KeyValueList } from '@/components/ui/KeyValue';
import { databaseProblem } from '@/lib/db/problems';
import { getTranslator } from '@/lib/i18n/server';
import { canSee } from '@/lib/auth/permissions';
import { requirePrincipal } from '@/lib/auth/session';
import { runFrom } from '@/lib/provision/runs';
import { journal as openJournal } from '@/lib/runtime';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('request.title', { id: (await params).id }) };
}

/** One request: as submitted, its plan, each step's journal with times, outputs and errors. */
export default async function RequestPage({ params }: Props) {
  const { id } = await params;
  const principal = await requirePrincipal(`/requests/${encodeURIComponent(id)}`);
  const { t, locale } = await getTranslator();
  const crumbs = (
    <Breadcrumbs label={t('nav.breadcrumbs')} items={[{ text: t('nav.requests'), href: '/requests' }, { text: id }]} />
  );
  let loaded;
  try {
    const journal = await openJournal();
    const request = await journal.find(id);
    // Another team's request is "not found", as one that does not exist.
    loaded = request && canSee(principal, request.team) ? { request, journal: await journal.entries(id) } : undefined;
  } catch (error) {
    const message = databaseProblem(error);
    return (
      <div className="space-y-4">
        {crumbs}
        <Alert type="error">{t('requests.unavailable', { reason: t(message.key, message.params) })}</Alert>
      </div>
    );
  }
  if (!loaded) {
    return (
      <div className="space-y-4">
        {crumbs}
        <Alert type="error">{t('request.notFound', { id })}</Alert>
      </div>
    );
  }
  const { request, journal } = loaded;
  const { plan } = request;
  const run = runFrom(request, journal);
  const describe = ({ error, outputs }: (typeof journal)[number]) =>
    error ? t(error.message.key, error.message.params) : outputs ? Object.values(outputs).join(', ') : '';

  return (
    <div className="space-y-4">
      {crumbs}
      <h1 className="text-2xl font-bold">{t('request.title', { id })}</h1>
      {run.state === 'running' && <AutoRefresh seconds={2} />}
      <Container id="request-summary" title={request.clusterName}>
        <KeyValueList
          items={[
            {
              label: t('request.cluster'),
              value: <Link href={`/clusters/${encodeURIComponent(request.clusterName)}`}>{request.clusterName}</Link>,
            },
            ...(request.team
              ? [
                  { label: t('requests.column.team'), value: request.team },
                  { label: t('requests.column.requestedBy'), value: request.requestedBy ?? '—' },
                  { label: t('request.policyVersion'), value: <code>{request.policyVersion ?? '—'}</code> },
                ]
              : []),
            { label: t('requests.column.kind'), value: t(`requests.kind.${request.kind}`) },
            { label: t('request.state'), value: t(`requests.state.${request.state}`) },
            { label: t('request.submitted'), value: formatTime(request.createdAt, locale) },
            { label: t('request.finished'), value: formatTime(request.updatedAt, locale) },
          ]}
        />
      </Container>
      <ProvisionProgress run={run} t={t} />
      <Container id="journal" title={t('request.journal')} description={t('request.journalDescription')}>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <TableHead
              headings={[
                t('request.column.time'),
                t('request.column.step'),
                t('request.column.status'),
                t('request.column.detail'),
                t('request.column.worker'),
              ]}
              cellClassName="px-3 py-2"
            />
            <tbody>
              {journal.map((entry) => (
                <tr key={entry.seq} className="border-line-soft border-b last:border-0">
                  <td className="px-3 py-2 whitespace-nowrap">{formatTime(entry.at, locale)}</td>
                  <th scope="row" className="px-3 py-2 font-normal">
                    {entry.stepIndex + 1}. {t(`step.${plan.steps[entry.stepIndex]!.id}`)}
                  </th>
                  <td className="px-3 py-2">{t(`progress.status.${entry.status}`)}</td>
                  <td className="px-3 py-2 break-all">{describe(entry)}</td>
                  <td className="text-ink-muted px-3 py-2 font-mono text-xs">{entry.owner}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Container>
      <Container id="as-submitted" title={t('request.asSubmitted')}>
        <pre className="bg-code overflow-x-auto rounded p-3 font-mono text-sm">
          {JSON.stringify(request.request, null, 2)}
        </pre>
      </Container>
      <Container id="plan" title={t('request.plan')}>
        <pre className="bg-code overflow-x-auto rounded p-3 font-mono text-sm">
          {JSON.stringify(plan.steps, null, 2)}
        </pre>
      </Container>
    </div>
  );
}
