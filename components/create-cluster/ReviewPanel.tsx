'use client';

import { useWatch } from 'react-hook-form';
import { Container } from '@/components/ui/Container';
import { CopyButton } from '@/components/ui/CopyButton';
import { awsCliScript, awsCliStep } from '@/lib/cluster/cli';
import type { ClusterFormValues } from '@/lib/cluster/form-fields';
import { planCluster } from '@/lib/cluster/plan';
import { clusterFormSchema } from '@/lib/cluster/schema';
import { useI18n } from '@/lib/i18n/client';
import { useHydrated } from './useHydrated';

const codeClassName = 'bg-code overflow-x-auto rounded-lg p-3 font-mono text-xs';

/** What Create will send, read from the same plan the server executes, and the same as an AWS CLI script. */
export function ReviewPanel() {
  const { t } = useI18n();
  const hydrated = useHydrated();
  const values = useWatch<ClusterFormValues>() as ClusterFormValues;
  const parsed = clusterFormSchema.safeParse(values);
  const plan = parsed.success ? planCluster(parsed.data) : undefined;
  return (
    <Container id="review" title={t('review.title')} description={t('review.description')}>
      {!plan ? (
        <p className="text-ink-muted">{t('review.invalid')}</p>
      ) : (
        <>
          <ol className="space-y-2">
            {plan.steps.map((step, index) => (
              <li key={step.id}>
                <details open={plan.steps.length === 1} className="group/step">
                  <summary className="cursor-pointer font-bold">
                    {t('review.step', { number: index + 1, action: t(`step.${step.id}`) })}{' '}
                    <code className="text-ink-muted font-mono text-xs font-normal">{step.call.action}</code>
                  </summary>
                  <h3 className="text-ink-muted mt-2">{t('review.request')}</h3>
                  <pre className={codeClassName} data-testid={`review-json-${step.id}`}>
                    {JSON.stringify(step.call.input, null, 2)}
                  </pre>
                  <h3 className="text-ink-muted mt-2">{t('review.cli')}</h3>
                  <pre className={codeClassName} data-testid={`review-cli-${step.id}`}>
                    {awsCliStep(step)}
                  </pre>
                </details>
              </li>
            ))}
          </ol>
          <details className="mt-4">
            <summary className="cursor-pointer font-bold">{t('review.script')}</summary>
            <p className="text-ink-muted mt-1">{t('review.scriptDescription')}</p>
            {hydrated && (
              <p className="mt-2">
                <CopyButton text={awsCliScript(plan)} label={t('review.copy')} copiedLabel={t('review.copied')} />
              </p>
            )}
            <pre className={`${codeClassName} mt-2`} data-testid="review-script">
              {awsCliScript(plan)}
            </pre>
          </details>
        </>
      )}
    </Container>
  );
}
