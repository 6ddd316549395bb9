import type { Metadata } from 'next';
import type { Cluster } from '@aws-sdk/client-ecs';
import Link from 'next/link';
import { AwsValue } from '@/components/AwsValue';
import { ClusterStatus } from '@/components/ClusterStatus';
import { TeamFilter } from '@/components/TeamFilter';
import { Alert } from '@/components/ui/Alert';
import { Checkbox } from '@/components/ui/Checkbox';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { inputClassName } from '@/components/ui/inputStyles';
import { currentPlace } from '@/lib/aws/account';
import { clusterListPage } from '@/lib/aws/cluster-list';
import { tagOf } from '@/lib/aws/clusters';
import { withAwsDeadline } from '@/lib/aws/deadline';
import { load } from '@/lib/aws/load';
import { canSee, teamsInView } from '@/lib/auth/permissions';
import { requirePrincipal } from '@/lib/auth/session';
import { clusterListParams, clusterListSearch, type ClusterListParams } from '@/lib/cluster/cluster-list-paging';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';
import { MONITORING_LEVELS } from '@/lib/cluster/request';
import type { RequestRecord } from '@/lib/db/records';
import { journal } from '@/lib/runtime';
import type { Translate } from '@/lib/i18n/messages';
import { getTranslator } from '@/lib/i18n/server';
import { log } from '@/lib/telemetry/log';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('clusters.title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const cell = 'px-5 py-3';

/**
 * The console's clusters list: search by name, sort by name, pages of 25 read from AWS one page
 * at a time, INACTIVE clusters only when asked for, and each cluster's latest request here.
 */
export default async function ClustersPage({ searchParams }: Props) {
  const principal = await requirePrincipal('/clusters');
  const { t } = await getTranslator();
  const teams = teamsInView(principal);
  const raw = await searchParams;
  const read = (name: string) => (typeof raw[name] === 'string' ? raw[name] : undefined);
  const asked = clusterListParams(read);
  const params: ClusterListParams = { ...asked, team: teams.find((known) => known === asked.team) };
  const page = await withAwsDeadline(() => load(() => clusterListPage((team) => canSee(principal, team), params)));
  const latest = page.ok ? await latestRequests(page.value.clusters) : new Map<string, RequestRecord>();
  const inPortal = teams.length > 0;
  // Where the list is, apart from the page: what sorting, paging and the form keep.
  const listed = { ...params, after: undefined, before: undefined };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('clusters.title')}</h1>
          <p className="text-ink-muted">{t('clusters.description')}</p>
        </div>
        <Link href="/clusters/create" className={buttonClassName.primary}>
          {t('clusters.create')}
        </Link>
      </div>

      <form
        method="get"
        action="/clusters"
        aria-label={t('clusters.filter')}
        className="flex flex-wrap items-end gap-x-4 gap-y-2"
      >
        <div className="min-w-64 flex-1">
          <label htmlFor="search" className="block font-bold">
            {t('clusters.search.label')}
          </label>
          <input
            id="search"
            type="search"
            name="search"
            defaultValue={params.search}
            placeholder={t('clusters.search.placeholder')}
            className={inputClassName}
          />
        </div>
        <TeamFilter teams={teams} chosen={params.team} t={t} />
        {params.order === 'desc' && <input type="hidden" name="order" value="desc" />}
        <Checkbox
          id="inactive"
          name="inactive"
          value="1"
          defaultChecked={params.inactive}
          label={t('clusters.inactive')}
        />
        <button type="submit" className={buttonClassName.normal}>
          {t('clusters.apply')}
        </button>
      </form>

      {!page.ok ? (
        <Alert type="error">{t('aws.loadFailed', { detail: t(page.error.key, page.error.params) })}</Alert>
      ) : page.value.clusters.length === 0 ? (
        <div className="rounded-2xl bg-white px-5 py-10 text-center">
          <p className="font-bold">{t('clusters.empty.title')}</p>
          <p className="text-ink-muted">
            {params.search || params.team ? t('clusters.noMatch') : t('clusters.empty.description')}
          </p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-2xl bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t('clusters.pageCount', { count: page.value.clusters.length })}</caption>
            <thead className="border-line-soft border-b">
              <tr>
                <th
                  scope="col"
                  className={`${cell} font-bold`}
                  aria-sort={params.order === 'asc' ? 'ascending' : 'descending'}
                >
                  <Link
                    href={`/clusters${clusterListSearch({ ...listed, order: params.order === 'asc' ? 'desc' : 'asc' })}`}
                    aria-label={t('clusters.sortByName', { order: params.order })}
                    className="inline-flex items-center gap-1"
                  >
                    {t('clusters.column.name')}
                    <span aria-hidden="true">{params.order === 'asc' ? '▲' : '▼'}</span>
                  </Link>
                </th>
                {[
                  ...(inPortal ? [t('requests.column.team')] : []),
                  t('clusters.column.status'),
                  t('clusters.column.capacityProviders'),
                  t('clusters.column.services'),
                  t('clusters.column.pendingTasks'),
                  t('clusters.column.runningTasks'),
                  t('clusters.column.containerInstances'),
                  t('clusters.column.containerInsights'),
                  t('clusters.column.latestRequest'),
                ].map((heading) => (
                  <th key={heading} scope="col" className={`${cell} font-bold`}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.value.clusters.map((cluster) => (
                <ClusterRow
                  key={cluster.clusterArn}
                  cluster={cluster}
                  latest={latest.get(cluster.clusterName ?? '')}
                  inPortal={inPortal}
                  t={t}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {page.ok && (page.value.previous || page.value.next) && (
        <nav aria-label={t('clusters.pages')} className="flex flex-wrap justify-end gap-3">
          {page.value.previous && (
            <>
              <Link href={`/clusters${clusterListSearch(listed)}`} className={buttonClassName.link}>
                {t('clusters.firstPage')}
              </Link>
              <Link
                href={`/clusters${clusterListSearch({ ...listed, before: page.value.previous })}`}
                className={buttonClassName.normal}
              >
                {t('clusters.previousPage')}
              </Link>
            </>
          )}
          {page.value.next && (
            <Link
              href={`/clusters${clusterListSearch({ ...listed, after: page.value.next })}`}
              className={buttonClassName.normal}
            >
              {t('clusters.nextPage')}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

function ClusterRow({
  cluster,
  latest,
  inPortal,
  t,
}: {
  cluster: Cluster;
  latest?: RequestRecord;
  inPortal: boolean;
  t: Translate;
}) {
  const insights = cluster.settings?.find((setting) => setting.name === 'containerInsights')?.value;
  const known = MONITORING_LEVELS.find((level) => level === insights);
  return (
    <tr className="border-line-soft border-b last:border-0">
      <th scope="row" className={`${cell} font-normal`}>
        <Link href={`/clusters/${encodeURIComponent(cluster.clusterName ?? '')}`}>{cluster.clusterName}</Link>
      </th>
      {inPortal && <td className={cell}>{tagOf(cluster, TEAM_TAG_KEY) ?? '—'}</td>}
      <td className={cell}>
        <ClusterStatus status={cluster.status} t={t} />
      </td>
      <td className={cell}>{cluster.capacityProviders?.join(', ') || t('cluster.none')}</td>
      <td className={cell}>{cluster.activeServicesCount ?? 0}</td>
      <td className={cell}>{cluster.pendingTasksCount ?? 0}</td>
      <td className={cell}>{cluster.runningTasksCount ?? 0}</td>
      <td className={cell}>{cluster.registeredContainerInstancesCount ?? 0}</td>
      <td className={cell}>
        {insights ? (
          <AwsValue label={known && t(`awsValue.containerInsights.${known}`)} value={insights} />
        ) : (
          t('clusters.accountDefault')
        )}
      </td>
      <td className={cell}>
        {latest ? <Link href={`/requests/${latest.id}`}>{t(`requests.state.${latest.state}`)}</Link> : '—'}
      </td>
    </tr>
  );
}

/** The newest request here for each cluster shown; the list stands without them should the journal fail. */
async function latestRequests(clusters: Cluster[]): Promise<Map<string, RequestRecord>> {
  try {
    return await (
      await journal()
    ).latestFor(
      await currentPlace(),
      clusters.map((cluster) => cluster.clusterName ?? ''),
    );
  } catch (error) {
    log.error({ error }, 'could not read the latest requests for the clusters list');
    return new Map();
  }
}
