'use client';

import { useWatch } from 'react-hook-form';
import { Container } from '@/components/ui/Container';
import { awsCliCommand } from '@/lib/cluster/cli';
import { planCluster } from '@/lib/cluster/plan';
import { clusterFormSchema, type ClusterFormValues } from '@/lib/cluster/schema';
import { useI18n } from '@/lib/i18n/client';

/** What Create will send, read from the same plan the server executes. */
export function ReviewPanel() {
  const { t } = useI18n();
  const values = useWatch<ClusterFormValues>() as ClusterFormValues;
  const parsed = clusterFormSchema.safeParse(values);
  const steps = parsed.success ? planCluster(parsed.data).steps : [];
  return (
    <Container id="review" title={t('review.title')} description={t('review.description')}>
      {steps.length === 0 ? (
        <p className="text-ink-muted">{t('review.invalid')}</p>
      ) : (
        <ol className="space-y-2">
          {steps.map((step, index) => (
            <li key={step.id}>
              <details open={steps.length === 1} className="group/step">
                <summary className="cursor-pointer font-bold">
                  {t('review.step', { number: index + 1, action: t(`step.${step.id}`) })}{' '}
                  <code className="text-ink-muted font-mono text-xs font-normal">{step.call.action}</code>
                </summary>
                <h3 className="text-ink-muted mt-2">{t('review.request')}</h3>
                <pre
                  className="bg-code overflow-x-auto rounded-lg p-3 font-mono text-xs"
                  data-testid={`review-json-${step.id}`}
                >
                  {JSON.stringify(step.call.input, null, 2)}
                </pre>
                <h3 className="text-ink-muted mt-2">{t('review.cli')}</h3>
                <pre
                  className="bg-code overflow-x-auto rounded-lg p-3 font-mono text-xs"
                  data-testid={`review-cli-${step.id}`}
                >
                  {awsCliCommand(step.call)}
                </pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </Container>
  );
}
