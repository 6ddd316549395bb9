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
import type { ClusterPlan } from '@/lib/cluster/plan';
import { database } from '@/lib/db';
import { findRequest, journalOf } from '@/lib/db/journal';
import { databaseProblem } from '@/lib/db/problems';
import type { MessageRef } from '@/lib/i18n/messages';
import { getTranslator } from '@/lib/i18n/server';
import { canSee, requireViewer } from '@/lib/auth/viewer';
import { runFrom } from '@/lib/provision/runs';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('request.title', { id: (await params).id }) };
}

/** One request: as submitted, its plan, each step's journal with times, outputs and errors. */
export default async function RequestPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/requests/${encodeURIComponent(id)}`);
  const { t, locale } = await getTranslator();
  const crumbs = (
    <Breadcrumbs label={t('nav.breadcrumbs')} items={[{ text: t('nav.requests'), href: '/requests' }, { text: id }]} />
  );
  let loaded;
  try {
    const db = await database();
    const request = await findRequest(db, id);
    // Another team's request is "not found", as one that does not exist.
    loaded = request && canSee(viewer, request.team) ? { request, journal: await journalOf(db, id) } : undefined;
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
  const plan = JSON.parse(request.plan) as ClusterPlan;
  const run = runFrom(request, journal);
  const describe = (entry: (typeof journal)[number]) => {
    if (entry.error) {
      const { message } = JSON.parse(entry.error) as { message: MessageRef };
      return t(message.key, message.params);
    }
    return entry.outputs ? Object.values(JSON.parse(entry.outputs) as Record<string, string>).join(', ') : '';
  };

  return (
    <div className="space-y-4">
      {crumbs}
      <h1 className="text-2xl font-bold">{t('request.title', { id })}</h1>
      {run.state === 'running' && <AutoRefresh seconds={2} />}
      <Container id="request-summary" title={request.cluster_name}>
        <KeyValueList
          items={[
            {
              label: t('request.cluster'),
              value: <Link href={`/clusters/${encodeURIComponent(request.cluster_name)}`}>{request.cluster_name}</Link>,
            },
            ...(request.team
              ? [
                  { label: t('requests.column.team'), value: request.team },
                  { label: t('requests.column.requestedBy'), value: request.requested_by ?? '—' },
                  { label: t('request.policyVersion'), value: <code>{request.policy_version ?? '—'}</code> },
                ]
              : []),
            { label: t('requests.column.kind'), value: t(`requests.kind.${request.kind}`) },
            { label: t('request.state'), value: t(`requests.state.${request.state}`) },
            { label: t('request.submitted'), value: formatTime(request.created_at, locale) },
            { label: t('request.finished'), value: formatTime(request.updated_at, locale) },
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
                    {entry.step_index + 1}. {t(`step.${plan.steps[entry.step_index]!.id}`)}
                  </th>
                  <td className="px-3 py-2">{t(`progress.status.${entry.status as 'done'}`)}</td>
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
          {JSON.stringify(JSON.parse(request.request), null, 2)}
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
