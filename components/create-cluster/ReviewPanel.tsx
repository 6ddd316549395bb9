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
  return (
    <Container id="review" title={t('review.title')} description={t('review.description')}>
      {!parsed.success ? (
        <p className="text-ink-muted">{t('review.invalid')}</p>
      ) : (
        <ol className="space-y-4">
          {planCluster(parsed.data).steps.map((step, index) => (
            <li key={step.id}>
              <h3 className="font-bold">{t('review.step', { number: index + 1, action: step.call.action })}</h3>
              <h4 className="text-ink-muted mt-2">{t('review.request')}</h4>
              <pre
                className="bg-code overflow-x-auto rounded-lg p-3 font-mono text-xs"
                data-testid={`review-json-${step.id}`}
              >
                {JSON.stringify(step.call.input, null, 2)}
              </pre>
              <h4 className="text-ink-muted mt-2">{t('review.cli')}</h4>
              <pre
                className="bg-code overflow-x-auto rounded-lg p-3 font-mono text-xs"
                data-testid={`review-cli-${step.id}`}
              >
                {awsCliCommand(step.call)}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </Container>
  );
}
