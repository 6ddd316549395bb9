import type { Metadata } from 'next';
import Link from 'next/link';
import { formatTime, secondsBetween } from '@/components/RequestTimes';
import { Alert } from '@/components/ui/Alert';
import { TableHead } from '@/components/ui/TableHead';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { inputClassName } from '@/components/ui/inputStyles';
import type { Journal } from '@/lib/db/journal';
import { databaseProblem } from '@/lib/db/problems';
import { type RequestRecord, REQUEST_STATES, type RequestState } from '@/lib/db/records';
import { journal } from '@/lib/runtime';
import { getTranslator } from '@/lib/i18n/server';
import { teamsInView, visibleTeams } from '@/lib/auth/permissions';
import { inPortal } from '@/lib/auth/principal';
import { requirePrincipal } from '@/lib/auth/session';
import { TeamFilter } from '@/components/TeamFilter';

const PAGE_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('requests.title') };
}

type Props = { searchParams: Promise<{ state?: string; cluster?: string; team?: string; before?: string }> };

/** Every request, newest first: filtered by state, searched by cluster name, a page at a time. */
export default async function RequestsPage({ searchParams }: Props) {
  const principal = await requirePrincipal('/requests');
  const { t, locale } = await getTranslator();
  const params = await searchParams;
  // A person sees their teams' requests; an admin every team's, and may pick one.
  const teamChoices = teamsInView(principal);
  const team = teamChoices.find((known) => known === params.team);
  const visible = visibleTeams(principal);
  const teams = team ? [team] : visible === 'all' ? undefined : visible;
  const state = REQUEST_STATES.find((known) => known === params.state);
  const cluster = params.cluster?.trim().slice(0, 255) || undefined;
  const [createdAt, id] = params.before?.split('|') ?? [];
  const before = createdAt && id ? { createdAt, id } : undefined;

  let page: Awaited<ReturnType<Journal['list']>> | undefined;
  let problem: string | undefined;
  try {
    page = await (await journal()).list({ state, cluster, teams, before, limit: PAGE_SIZE });
  } catch (error) {
    const message = databaseProblem(error);
    problem = t(message.key, message.params);
  }
  const query = (extra: Record<string, string>) =>
    `/requests?${new URLSearchParams({ ...(state && { state }), ...(cluster && { cluster }), ...(team && { team }), ...extra })}`;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t('requests.title')}</h1>
        <p className="text-ink-muted">{t('requests.description')}</p>
      </div>
      <form
        method="get"
        action="/requests"
        aria-label={t('requests.filter.label')}
        className="flex flex-wrap items-end gap-3"
      >
        <div>
          <label htmlFor="filter-state" className="block font-bold">
            {t('requests.filter.state')}
          </label>
          <select id="filter-state" name="state" defaultValue={state ?? ''} className={inputClassName}>
            <option value="">{t('requests.filter.anyState')}</option>
            {REQUEST_STATES.map((known) => (
              <option key={known} value={known}>
                {t(`requests.state.${known}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-cluster" className="block font-bold">
            {t('requests.filter.cluster')}
          </label>
          <input id="filter-cluster" name="cluster" defaultValue={cluster ?? ''} className={inputClassName} />
        </div>
        <TeamFilter teams={teamChoices} chosen={team} t={t} />
        <button type="submit" className={buttonClassName.normal}>
          {t('requests.filter.apply')}
        </button>
      </form>

      {problem ? (
        <Alert type="error">{t('requests.unavailable', { reason: problem })}</Alert>
      ) : page && page.requests.length === 0 ? (
        <p className="rounded-2xl bg-white px-5 py-10 text-center font-bold">{t('requests.empty')}</p>
      ) : (
        page && <RequestTable requests={page.requests} withTeam={inPortal(principal)} t={t} locale={locale} />
      )}
      <nav className="flex gap-4">
        {before && <Link href={query({})}>{t('requests.newest')}</Link>}
        {page?.next && (
          <Link href={query({ before: `${page.next.createdAt}|${page.next.id}` })}>{t('requests.older')}</Link>
        )}
      </nav>
    </div>
  );
}

function RequestTable({
  requests,
  withTeam,
  t,
  locale,
}: {
  requests: RequestRecord[];
  /** The team portal: each request says its team and who asked. */
  withTeam: boolean;
  t: Awaited<ReturnType<typeof getTranslator>>['t'];
  locale: Awaited<ReturnType<typeof getTranslator>>['locale'];
}) {
  const finished = (state: RequestState) => state !== 'queued' && state !== 'running';
  return (
    <div className="overflow-x-auto rounded-2xl bg-white">
      <table className="w-full text-left">
        <TableHead
          headings={[
            t('requests.column.cluster'),
            t('requests.column.kind'),
            ...(withTeam ? [t('requests.column.team'), t('requests.column.requestedBy')] : []),
            t('requests.column.state'),
            t('requests.column.submitted'),
            t('requests.column.duration'),
          ]}
        />
        <tbody>
          {requests.map((request) => (
            <tr key={request.id} className="border-line-soft border-b last:border-0">
              <th scope="row" className="px-5 py-3 font-normal">
                <Link href={`/requests/${request.id}`}>{request.clusterName}</Link>
              </th>
              <td className="px-5 py-3">{t(`requests.kind.${request.kind}`)}</td>
              {withTeam && (
                <>
                  <td className="px-5 py-3">{request.team ?? '—'}</td>
                  <td className="px-5 py-3">{request.requestedBy ?? '—'}</td>
                </>
              )}
              <td className="px-5 py-3">{t(`requests.state.${request.state}`)}</td>
              <td className="px-5 py-3">{formatTime(request.createdAt, locale)}</td>
              <td className="px-5 py-3">
                {finished(request.state)
                  ? t('requests.seconds', { seconds: secondsBetween(request.createdAt, request.updatedAt) })
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
