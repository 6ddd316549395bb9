import { Container } from '@/components/ui/Container';
import type { AwsCall, ClusterPlan } from '@/lib/cluster/plan';
import type { Translate } from '@/lib/i18n/messages';

/** The resource a teardown call names, as the console would show it. */
function resourceOf(call: AwsCall): string {
  const input = call.input as Record<string, unknown>;
  const named = [
    'cluster',
    'AutoScalingGroupName',
    'capacityProvider',
    'LaunchTemplateName',
    'GroupId',
    'RoleName',
    'InstanceProfileName',
  ]
    .map((key) => input[key])
    .find((value) => typeof value === 'string');
  const clusters = input.clusters;
  return (named as string | undefined) ?? (Array.isArray(clusters) ? String(clusters[0]) : '');
}

/** A teardown plan, step by step, and what stays in the account: shown before anything is deleted. */
export function TeardownReview({ plan, t }: { plan: ClusterPlan; t: Translate }) {
  const keeps = plan.keeps ?? [];
  return (
    <>
      <Container id="teardown" title={t('delete.review.title')} description={t('delete.review.description')}>
        {!plan.createdBy && <p className="mb-2">{t('delete.elsewhere')}</p>}
        <ol className="list-decimal space-y-1 pl-6">
          {plan.steps.map((step) => (
            <li key={step.id} data-step={step.id}>
              {t(`step.${step.id}`)}: <span className="font-bold break-all">{resourceOf(step.call)}</span>{' '}
              <code className="text-ink-muted font-mono text-xs">{step.call.action}</code>
            </li>
          ))}
        </ol>
      </Container>
      <Container id="teardown-keeps" title={t('delete.keeps.title')}>
        {keeps.length === 0 ? (
          <p>{t(plan.createdBy ? 'delete.keeps.none' : 'delete.keeps.noneElsewhere')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {keeps.map((kept) => (
              <li key={`${kept.resource}:${kept.name}`}>
                {t(`delete.keep.${kept.resource}`, { name: kept.name, usedBy: kept.usedBy?.join(', ') ?? '' })}
              </li>
            ))}
          </ul>
        )}
      </Container>
    </>
  );
}
