import type { Metadata } from 'next';
import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { CreateClusterForm } from '@/components/create-cluster/CreateClusterForm';
import { initialFormValues } from '@/components/create-cluster/initial-values';
import { reviewOf } from '@/lib/cluster-form/review';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { accountContainerInsights } from '@/lib/aws/account-settings';
import { withAwsDeadline } from '@/lib/aws/deadline';
import { loadEc2Options } from '@/lib/aws/ec2-options';
import type { Ec2OptionsSource } from '@/lib/cluster/options';
import { loadList } from '@/lib/aws/load';
import { listNamespaces } from '@/lib/aws/namespaces';
import { ClientMessages, type Namespace } from '@/lib/i18n/client-messages';
import { getTranslator } from '@/lib/i18n/server';
import { teamsToActFor } from '@/lib/auth/permissions';
import { inPortal } from '@/lib/auth/principal';
import { requirePrincipal } from '@/lib/auth/session';
import { formTeams } from '@/lib/cluster-form/team-rules';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('create.title') };
}

/**
 * The form shows its fields' messages and those of the server's answers (validation, aws, team,
 * request, database, auth): all but what only the other pages show.
 */
const ONLY_OTHER_PAGES: Namespace[] = [
  'app',
  'nav',
  'region',
  'language',
  'sandbox',
  'sandboxPortal',
  'singleUser',
  'person',
  'signIn',
  'clusters',
  'cluster',
  'awsValue',
  'progress',
  'requests',
  'delete',
];

type Props = { searchParams: Promise<{ ec2?: string; refresh?: string }> };

export default async function CreateClusterPage({ searchParams }: Props) {
  const principal = await requirePrincipal('/clusters/create');
  const { t } = await getTranslator();
  // In the portal: the teams this person may create for, with their rules.
  const teams = inPortal(principal) ? formTeams(principal.policy.policy, teamsToActFor(principal)) : [];
  // ?ec2=1: the EC2 lists are loaded before the page is sent, and EC2 is chosen; otherwise the
  // page asks for them once EC2 is chosen.
  // ?refresh=1: the account's lists are read from AWS again, not taken from the short-lived cache.
  const params = await searchParams;
  const withEc2 = params.ec2 === '1';
  const fresh = params.refresh === '1';
  // The page's reads share one deadline: a list AWS does not answer says so, and the page still loads.
  const [ec2Options, namespaces, accountMonitoring] = await withAwsDeadline(() =>
    Promise.all([
      withEc2 ? loadEc2Options(fresh).then((loaded): Ec2OptionsSource => ({ loaded })) : { onceChosen: { fresh } },
      loadList('namespaces', listNamespaces, fresh),
      loadList('accountContainerInsights', accountContainerInsights, fresh),
    ]),
  );
  const initialValues = initialFormValues({
    requestId: randomUUID(),
    teams,
    accountMonitoring: accountMonitoring.ok ? accountMonitoring.value : undefined,
    ec2Chosen: withEc2,
  });
  return (
    <div className="space-y-4">
      <Breadcrumbs
        label={t('nav.breadcrumbs')}
        items={[{ text: t('nav.clusters'), href: '/clusters' }, { text: t('create.title') }]}
      />
      <div>
        <h1 className="text-2xl font-bold">{t('create.title')}</h1>
        <p className="text-ink-muted max-w-3xl">{t('create.description')}</p>
        <p className="max-w-3xl">
          <Link
            href={withEc2 ? '/clusters/create?ec2=1&refresh=1' : '/clusters/create?refresh=1'}
            // Its point is to read AWS when chosen: nothing to fetch ahead.
            prefetch={false}
            className="underline"
          >
            {t('create.refreshLists')}
          </Link>
        </p>
      </div>
      {inPortal(principal) && teams.length === 0 ? (
        <Alert type="error">{t('team.none')}</Alert>
      ) : (
        <ClientMessages namespaces={{ except: ONLY_OTHER_PAGES }}>
          <CreateClusterForm
            initialValues={initialValues}
            // Reviewed here, so the page needs no schema or plan code until the form changes.
            initialReview={reviewOf(initialValues)}
            namespaces={namespaces.ok ? namespaces.value : []}
            namespaceListError={namespaces.ok ? undefined : namespaces.error}
            ec2Options={ec2Options}
            teams={teams}
          />
        </ClientMessages>
      )}
    </div>
  );
}
