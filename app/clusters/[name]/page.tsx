import type { Metadata } from 'next';
import Link from 'next/link';
import type { Cluster } from '@aws-sdk/client-ecs';
import { AutoRefresh } from '@/components/AutoRefresh';
import { AwsValue } from '@/components/AwsValue';
import { ClusterStatus } from '@/components/ClusterStatus';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { buttonClassName } from '@/components/ui/buttonStyles';
import { Container } from '@/components/ui/Container';
import { KeyValueList } from '@/components/ui/KeyValue';
import { ProvisionProgress } from '@/components/ProvisionProgress';
import { describeEc2Capacity, type Ec2CapacityView } from '@/lib/aws/cluster-capacity';
import { findCluster, tagOf } from '@/lib/aws/clusters';
import { canSee, mayDelete } from '@/lib/auth/permissions';
import type { Principal } from '@/lib/auth/principal';
import { requirePrincipal } from '@/lib/auth/session';
import { TEAM_TAG_KEY } from '@/lib/cluster/limits';
import { withAwsDeadline } from '@/lib/aws/deadline';
import { load } from '@/lib/aws/load';
import type { Loaded } from '@/lib/cluster/options';
import type { MessageKey, Translate } from '@/lib/i18n/messages';
import { getTranslator } from '@/lib/i18n/server';
import { EXEC_LOGGING_MODES, MONITORING_LEVELS } from '@/lib/cluster/request';
import { currentPlace } from '@/lib/aws/account';
import { type ProvisionRun, runOfRequest, unfinishedRunOfCluster } from '@/lib/provision/runs';
import { journal as openJournal } from '@/lib/runtime';
import { log } from '@/lib/telemetry/log';

type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ request?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function ClusterPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const { request } = await searchParams;
  const principal = await requirePrincipal(
    `/clusters/${encodeURIComponent(name)}${request ? `?request=${request}` : ''}`,
  );
  const { t } = await getTranslator();
  const run = await runToShow(principal, name, request);
  // The page's reads of AWS share one deadline.
  const { cluster, found, ec2Capacity } = await withAwsDeadline(async () => {
    const cluster = await load(() => findCluster(name));
    // Another team's cluster is "not found": its details are not this person's to see.
    const found =
      cluster.ok && cluster.value && canSee(principal, tagOf(cluster.value, TEAM_TAG_KEY)) ? cluster.value : undefined;
    return { cluster, found, ec2Capacity: found ? await load(() => describeEc2Capacity(found)) : undefined };
  });

  return (
    <div className="space-y-4">
      <Breadcrumbs
        label={t('nav.breadcrumbs')}
        items={[{ text: t('nav.clusters'), href: '/clusters' }, { text: name }]}
      />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold">{name}</h1>
        {found?.status === 'ACTIVE' &&
          run?.state !== 'running' &&
          mayDelete(principal, tagOf(found, TEAM_TAG_KEY) ?? null) && (
            <Link href={`/clusters/${encodeURIComponent(name)}/delete`} className={buttonClassName.normal}>
              {t('delete.action')}
            </Link>
          )}
      </div>
      {run?.state === 'running' && <AutoRefresh seconds={2} />}
      {run && <ProvisionProgress run={run} t={t} />}
      {!cluster.ok ? (
        <Alert type="error">{t('aws.loadFailed', { detail: t(cluster.error.key, cluster.error.params) })}</Alert>
      ) : !found ? (
        !run && <Alert type="error">{t('cluster.notFound', { name })}</Alert>
      ) : (
        <>
          <ClusterDetails cluster={found} t={t} />
          {ec2Capacity && <Ec2Capacity capacity={ec2Capacity} t={t} />}
        </>
      )}
    </div>
  );
}

/** The run of the request that led here, or the one still creating this cluster, from the journal. */
async function runToShow(
  principal: Principal,
  name: string,
  requestId: string | undefined,
): Promise<ProvisionRun | undefined> {
  try {
    const journal = await openJournal();
    const requested = requestId ? await runOfRequest(journal, requestId) : undefined;
    const run =
      requested?.clusterName === name ? requested : await unfinishedRunOfCluster(journal, await currentPlace(), name);
    return run && canSee(principal, run.team) ? run : undefined;
  } catch (error) {
    // The cluster itself is still shown from AWS; the log says why its progress is not.
    log.error({ error, cluster: name }, 'could not read the request journal for the cluster page');
    return undefined;
  }
}

function Ec2Capacity({ capacity, t }: { capacity: Loaded<Ec2CapacityView[]>; t: Translate }) {
  if (!capacity.ok) {
    return <Alert type="error">{t('aws.loadFailed', { detail: t(capacity.error.key, capacity.error.params) })}</Alert>;
  }
  return capacity.value.map((view) => (
    <Container key={view.capacityProvider} id={`capacity-${view.capacityProvider}`} title={t('cluster.ec2Capacity')}>
      <KeyValueList
        items={[
          { label: t('cluster.capacityProvider'), value: `${view.capacityProvider} (${view.status ?? '—'})` },
          {
            label: t('cluster.managedScaling'),
            value: `${view.managedScaling ?? '—'}${view.targetCapacity ? `, ${view.targetCapacity}%` : ''}`,
          },
          { label: t('cluster.autoScalingGroup'), value: view.autoScalingGroupName ?? '—' },
          {
            label: t('cluster.groupSize'),
            value: `${view.minSize ?? '—'} / ${view.desiredCapacity ?? '—'} / ${view.maxSize ?? '—'}`,
          },
          { label: t('cluster.launchTemplate'), value: view.launchTemplate ?? '—' },
          { label: t('cluster.subnets'), value: view.subnets?.join(', ') || '—' },
        ]}
      />
    </Container>
  ));
}

/** The translated label of a setting's value, when it is one the app knows. */
function labelOf(t: Translate, setting: 'containerInsights' | 'execLogging', value: string): string | undefined {
  const known: Record<typeof setting, readonly string[]> = {
    containerInsights: MONITORING_LEVELS,
    execLogging: EXEC_LOGGING_MODES,
  };
  return known[setting].includes(value) ? t(`awsValue.${setting}.${value}` as MessageKey) : undefined;
}

function ClusterDetails({ cluster, t }: { cluster: Cluster; t: Translate }) {
  const none = t('cluster.none');
  const exec = cluster.configuration?.executeCommandConfiguration;
  const log = exec?.logConfiguration;
  const storage = cluster.configuration?.managedStorageConfiguration;
  const settling = cluster.status !== 'ACTIVE' && cluster.status !== 'INACTIVE' && cluster.status !== 'FAILED';
  const encrypted = (on: boolean | undefined) => (on ? ` (${t('cluster.encrypted')})` : '');
  const logDestinations = [
    log?.cloudWatchLogGroupName &&
      `CloudWatch: ${log.cloudWatchLogGroupName}${encrypted(log.cloudWatchEncryptionEnabled)}`,
    log?.s3BucketName && `S3: s3://${log.s3BucketName}/${log.s3KeyPrefix ?? ''}${encrypted(log.s3EncryptionEnabled)}`,
  ].filter(Boolean);
  const containerInsights = cluster.settings?.find((setting) => setting.name === 'containerInsights')?.value;
  const logging = exec?.logging ?? 'DEFAULT';

  return (
    <>
      {settling && (
        <>
          <Alert type="info">{t('cluster.refreshing')}</Alert>
          <AutoRefresh seconds={3} />
        </>
      )}
      <Container id="overview" title={t('cluster.overview')}>
        <KeyValueList
          items={[
            { label: t('cluster.arn'), value: <code className="font-mono text-xs">{cluster.clusterArn}</code> },
            { label: t('cluster.status'), value: <ClusterStatus status={cluster.status} t={t} /> },
            { label: t('cluster.capacityProviders'), value: cluster.capacityProviders?.join(', ') || none },
            {
              label: t('cluster.defaultStrategy'),
              value:
                cluster.defaultCapacityProviderStrategy
                  ?.map((item) =>
                    t('cluster.strategyItem', {
                      provider: item.capacityProvider ?? '',
                      base: item.base ?? 0,
                      weight: item.weight ?? 0,
                    }),
                  )
                  .join(', ') || none,
            },
            {
              label: t('cluster.containerInsights'),
              value: containerInsights ? (
                <AwsValue label={labelOf(t, 'containerInsights', containerInsights)} value={containerInsights} />
              ) : (
                none
              ),
            },
            { label: t('cluster.namespace'), value: cluster.serviceConnectDefaults?.namespace ?? none },
            { label: `${t('cluster.execConfiguration')}: ${t('cluster.execKmsKey')}`, value: exec?.kmsKeyId ?? none },
            {
              label: `${t('cluster.execConfiguration')}: ${t('cluster.execLogging')}`,
              value: <AwsValue label={labelOf(t, 'execLogging', logging)} value={logging} />,
            },
            {
              label: `${t('cluster.execConfiguration')}: ${t('cluster.execLogDestination')}`,
              value: logDestinations.join('; ') || none,
            },
            { label: t('cluster.managedStorageKey'), value: storage?.kmsKeyId ?? none },
            { label: t('cluster.fargateStorageKey'), value: storage?.fargateEphemeralStorageKmsKeyId ?? none },
          ]}
        />
      </Container>
      <Container id="tags" title={t('cluster.tags')}>
        {cluster.tags?.length ? (
          <table className="w-full max-w-2xl text-left">
            <thead>
              <tr className="border-line-soft border-b">
                <th scope="col" className="py-2 pr-4">
                  {t('tags.key')}
                </th>
                <th scope="col" className="py-2">
                  {t('tags.value')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cluster.tags.map((tag) => (
                <tr key={tag.key} className="border-line-soft border-b last:border-0">
                  <td className="py-2 pr-4 break-all">{tag.key}</td>
                  <td className="py-2 break-all">{tag.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{none}</p>
        )}
      </Container>
    </>
  );
}
