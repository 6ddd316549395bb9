import type { Metadata } from 'next';
import Link from 'next/link';
import { formatTime } from '@/components/RequestTimes';
import { TeamFilter } from '@/components/TeamFilter';
import { Alert } from '@/components/ui/Alert';
import { TableHead } from '@/components/ui/TableHead';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { inputClassName } from '@/components/ui/inputStyles';
import { auditQueryOf, auditQueryString } from '@/lib/api/audit-query';
import { teamsInView } from '@/lib/auth/permissions';
import { inPortal } from '@/lib/auth/principal';
import { requirePrincipal } from '@/lib/auth/session';
import type { Journal } from '@/lib/db/journal';
import { databaseProblem } from '@/lib/db/problems';
import { AUDIT_ACTIONS, type AuditRecord, REQUEST_KINDS } from '@/lib/db/records';
import { getTranslator } from '@/lib/i18n/server';
import { journal } from '@/lib/runtime';

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('audit.title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The audit trail: every decision (allowed, refused) and act (submitted, taken by a worker, ended)
 * on a request, newest first. Admins see every team's, anyone else their teams'; filtered by team,
 * who, decision, action and time, a keyset page at a time, and downloadable as the API exports it.
 */
export default async function AuditPage({ searchParams }: Props) {
  const principal = await requirePrincipal('/audit');
  const { t, locale } = await getTranslator();
  const params = new URLSearchParams(
    Object.entries(await searchParams).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])),
  );
  const query = auditQueryOf(params, principal);
  const teamChoices = teamsInView(principal);

  let page: Awaited<ReturnType<Journal['auditEvents']>> | undefined;
  let problem: string | undefined;
  if ('filter' in query) {
    try {
      page = await (await journal()).auditEvents({ ...query.filter, limit: PAGE_SIZE });
    } catch (error) {
      const message = databaseProblem(error);
      problem = t('audit.unavailable', { reason: t(message.key, message.params) });
    }
  }
  const value = (name: string) => params.get(name) ?? '';
  const filters = auditQueryString(params);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t('audit.title')}</h1>
        <p className="text-ink-muted">{t('audit.description')}</p>
      </div>
      <form
        method="get"
        action="/audit"
        aria-label={t('audit.filter.label')}
        className="flex flex-wrap items-end gap-3"
      >
        <TeamFilter teams={teamChoices} chosen={value('team') || undefined} t={t} />
        {inPortal(principal) && (
          <div>
            <label htmlFor="filter-actor" className="block font-bold">
              {t('audit.filter.actor')}
            </label>
            <input
              id="filter-actor"
              name="actor"
              defaultValue={value('actor')}
              placeholder={t('audit.filter.actorHint')}
              className={inputClassName}
            />
          </div>
        )}
        <Choice
          name="decision"
          label={t('audit.filter.decision')}
          any={t('audit.filter.anyDecision')}
          value={value('decision')}
        >
          {AUDIT_ACTIONS.map((action) => [action, t(`audit.decision.${action}`)])}
        </Choice>
        <Choice name="kind" label={t('audit.filter.kind')} any={t('audit.filter.anyKind')} value={value('kind')}>
          {REQUEST_KINDS.map((kind) => [kind, t(`requests.kind.${kind}`)])}
        </Choice>
        {(['since', 'until'] as const).map((name) => (
          <div key={name}>
            <label htmlFor={`filter-${name}`} className="block font-bold">
              {t(`audit.filter.${name}`)}
            </label>
            <input
              id={`filter-${name}`}
              name={name}
              type="date"
              defaultValue={value(name)}
              aria-invalid={'invalid' in query && query.invalid === name ? true : undefined}
              aria-describedby={'invalid' in query && query.invalid === name ? 'filter-invalid' : undefined}
              className={inputClassName}
            />
          </div>
        ))}
        <button type="submit" className={buttonClassName.normal}>
          {t('audit.filter.apply')}
        </button>
      </form>

      {'invalid' in query && (
        <Alert type="error">
          <span id="filter-invalid">{t('audit.invalid', { field: t(FIELD_LABELS[query.invalid]) })}</span>
        </Alert>
      )}
      {problem && <Alert type="error">{problem}</Alert>}
      {page && page.events.length === 0 && (
        <p className="rounded-2xl bg-white px-5 py-10 text-center font-bold">{t('audit.empty')}</p>
      )}
      {page && page.events.length > 0 && (
        <EventTable events={page.events} withTeam={inPortal(principal)} t={t} locale={locale} />
      )}
      <nav aria-label={t('audit.title')} className="flex flex-wrap gap-4">
        {params.has('before') && <Link href={`/audit?${filters}`}>{t('audit.newest')}</Link>}
        {page?.next && (
          <Link href={`/audit?${auditQueryString(params, { before: `${page.next.at}|${page.next.id}` })}`}>
            {t('audit.older')}
          </Link>
        )}
        {page && page.events.length > 0 && (
          <span>
            {t('audit.export')}{' '}
            <a href={`/api/v1/audit-events?${auditQueryString(params, { format: 'csv' })}`} download>
              {t('audit.csv')}
            </a>
            {' · '}
            <a href={`/api/v1/audit-events?${auditQueryString(params, { format: 'jsonl' })}`} download>
              {t('audit.jsonl')}
            </a>
          </span>
        )}
      </nav>
    </div>
  );
}

/** The label that names a filter that could not be read (`before`: the older page's link). */
const FIELD_LABELS = {
  team: 'requests.filter.team',
  actor: 'audit.filter.actor',
  decision: 'audit.filter.decision',
  kind: 'audit.filter.kind',
  since: 'audit.filter.since',
  until: 'audit.filter.until',
  before: 'audit.older',
} as const;

function Choice({
  name,
  label,
  any,
  value,
  children,
}: {
  name: string;
  label: string;
  any: string;
  value: string;
  children: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block font-bold">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className={inputClassName}>
        <option value="">{any}</option>
        {children.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function EventTable({
  events,
  withTeam,
  t,
  locale,
}: {
  events: AuditRecord[];
  withTeam: boolean;
  t: Awaited<ReturnType<typeof getTranslator>>['t'];
  locale: Awaited<ReturnType<typeof getTranslator>>['locale'];
}) {
  return (
    <div className="overflow-x-auto rounded-2xl bg-white">
      <table className="w-full text-left">
        <TableHead
          headings={[
            t('audit.column.at'),
            t('audit.column.request'),
            t('audit.column.kind'),
            ...(withTeam ? [t('audit.column.actor'), t('audit.column.team')] : []),
            t('audit.column.decision'),
            t('audit.column.detail'),
          ]}
        />
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-line-soft border-b last:border-0">
              <th scope="row" className="px-5 py-3 font-normal whitespace-nowrap">
                {formatTime(event.at, locale)}
              </th>
              <td className="px-5 py-3">
                {/* A refused request was never stored: it has no page. */}
                {event.clusterName ? (
                  <Link href={`/requests/${event.requestId}`}>{event.clusterName}</Link>
                ) : (
                  <span className="font-mono text-sm">{event.requestId}</span>
                )}
              </td>
              <td className="px-5 py-3">{event.kind ? t(`requests.kind.${event.kind}`) : '—'}</td>
              {withTeam && (
                <>
                  <td className="px-5 py-3">{event.actor ?? '—'}</td>
                  <td className="px-5 py-3">{event.team ?? '—'}</td>
                </>
              )}
              <td className="px-5 py-3">{t(`audit.decision.${event.action}`)}</td>
              <td className="px-5 py-3">
                <ul>
                  {event.violations?.map((violation) => (
                    <li key={`${violation.path}-${violation.rule}`}>
                      {t(violation.message.key, violation.message.params)}
                    </li>
                  ))}
                  {event.worker && <li>{t('audit.worker', { worker: event.worker })}</li>}
                  {event.policyVersion && (
                    <li className="text-ink-muted">{t('audit.policy', { version: event.policyVersion })}</li>
                  )}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
