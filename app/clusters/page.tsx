import type { Metadata } from 'next';
import Link from 'next/link';
import { ClusterStatus } from '@/components/ClusterStatus';
import { Alert } from '@/components/ui/Alert';
import { TableHead } from '@/components/ui/TableHead';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { listClusters, tagOf } from '@/lib/aws/clusters';
import { canSee, requireViewer, teamsInView } from '@/lib/auth/viewer';
import { TeamFilter } from '@/components/TeamFilter';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';
import { load } from '@/lib/aws/load';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('clusters.title') };
}

type Props = { searchParams: Promise<{ team?: string }> };

export default async function ClustersPage({ searchParams }: Props) {
  const viewer = await requireViewer('/clusters');
  const { t } = await getTranslator();
  const teams = teamsInView(viewer);
  const { team: asked } = await searchParams;
  const team = teams.find((known) => known === asked);
  // In the portal, a person sees the clusters tagged with one of their teams; admins see all.
  const clusters = await load('ecs:ListClusters', async () =>
    (await listClusters()).filter((cluster) => {
      const clusterTeam = tagOf(cluster, TEAM_TAG_KEY);
      return canSee(viewer, clusterTeam) && (!team || clusterTeam === team);
    }),
  );
  const count = clusters.ok ? clusters.value.length : undefined;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">
            {t('clusters.title')} {count !== undefined && <span className="text-ink-muted font-normal">({count})</span>}
          </h1>
          <p className="text-ink-muted">{t('clusters.description')}</p>
        </div>
        <Link href="/clusters/create" className={buttonClassName.primary}>
          {t('clusters.create')}
        </Link>
      </div>

      {teams.length > 1 && (
        <form method="get" action="/clusters" aria-label={t('clusters.filter')} className="flex items-end gap-3">
          <TeamFilter teams={teams} chosen={team} t={t} />
          <button type="submit" className={buttonClassName.normal}>
            {t('requests.filter.apply')}
          </button>
        </form>
      )}

      {!clusters.ok ? (
        <Alert type="error">{t('aws.loadFailed', { detail: t(clusters.error.key, clusters.error.params) })}</Alert>
      ) : clusters.value.length === 0 ? (
        <div className="rounded-2xl bg-white px-5 py-10 text-center">
          <p className="font-bold">{t('clusters.empty.title')}</p>
          <p className="text-ink-muted">{t('clusters.empty.description')}</p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-2xl bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t('clusters.count', { count: clusters.value.length })}</caption>
            <TableHead
              headings={[
                t('clusters.column.name'),
                ...(teams.length > 0 ? [t('requests.column.team')] : []),
                t('clusters.column.status'),
                t('clusters.column.capacityProviders'),
                t('clusters.column.services'),
                t('clusters.column.runningTasks'),
                t('clusters.column.containerInstances'),
              ]}
            />
            <tbody>
              {clusters.value.map((cluster) => (
                <tr key={cluster.clusterArn} className="border-line-soft border-b last:border-0">
                  <th scope="row" className="px-5 py-3 font-normal">
                    <Link href={`/clusters/${encodeURIComponent(cluster.clusterName ?? '')}`}>
                      {cluster.clusterName}
                    </Link>
                  </th>
                  {teams.length > 0 && <td className="px-5 py-3">{tagOf(cluster, TEAM_TAG_KEY) ?? '—'}</td>}
                  <td className="px-5 py-3">
                    <ClusterStatus status={cluster.status} t={t} />
                  </td>
                  <td className="px-5 py-3">{cluster.capacityProviders?.join(', ') || t('cluster.none')}</td>
                  <td className="px-5 py-3">{cluster.activeServicesCount ?? 0}</td>
                  <td className="px-5 py-3">{cluster.runningTasksCount ?? 0}</td>
                  <td className="px-5 py-3">{cluster.registeredContainerInstancesCount ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
