'use client';

import dynamic from 'next/dynamic';
import { useWatch } from 'react-hook-form';
import { Container } from '@/components/ui/Container';
import { CopyButton } from '@/components/ui/CopyButton';
import { FORM_FIELD_NAMES, type ClusterFormValues } from '@/lib/cluster-form/fields';
import type { Review } from '@/lib/cluster-form/review';
import { useI18n } from '@/lib/i18n/client';
import { useHydrated } from './useHydrated';

const codeClassName = 'bg-code overflow-x-auto rounded-lg p-3 font-mono text-xs';

/**
 * Plans the values as they change. It needs the schema (zod), the plan and the CLI script, so it
 * is fetched only once the form holds values other than those the server reviewed.
 */
const LiveReview = dynamic(() => import('./LiveReview').then((module) => module.LiveReview));

/**
 * What Create will send: the server's review of the form as it was sent, until the form changes,
 * then the same review made in the browser.
 */
export function ReviewPanel({ initial }: { initial: { values: ClusterFormValues; review: Review } }) {
  const values = useWatch<ClusterFormValues>() as ClusterFormValues;
  const changed = FORM_FIELD_NAMES.some(
    (name) => JSON.stringify(values[name]) !== JSON.stringify(initial.values[name]),
  );
  return changed ? <LiveReview values={values} /> : <ReviewView review={initial.review} />;
}

export function ReviewView({ review }: { review: Review }) {
  const { t } = useI18n();
  const hydrated = useHydrated();
  return (
    <Container id="review" title={t('review.title')} description={t('review.description')}>
      {!review.ok ? (
        <p className="text-ink-muted">{t('review.invalid')}</p>
      ) : (
        <>
          <ol className="space-y-2">
            {review.steps.map((step, index) => (
              <li key={step.id}>
                <details open={review.steps.length === 1} className="group/step">
                  <summary className="cursor-pointer font-bold">
                    {t('review.step', { number: index + 1, action: t(`step.${step.id}`) })}{' '}
                    <code className="text-ink-muted font-mono text-xs font-normal">{step.action}</code>
                  </summary>
                  <h3 className="text-ink-muted mt-2">{t('review.request')}</h3>
                  <pre className={codeClassName} data-testid={`review-json-${step.id}`}>
                    {step.json}
                  </pre>
                  <h3 className="text-ink-muted mt-2">{t('review.cli')}</h3>
                  <pre className={codeClassName} data-testid={`review-cli-${step.id}`}>
                    {step.cli}
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
                <CopyButton text={review.script} label={t('review.copy')} copiedLabel={t('review.copied')} />
              </p>
            )}
            <pre className={`${codeClassName} mt-2`} data-testid="review-script">
              {review.script}
            </pre>
          </details>
        </>
      )}
    </Container>
  );
}
