'use client';

import { get, useFormContext } from 'react-hook-form';
import { Checkbox } from '@/components/ui/Checkbox';
import { Container } from '@/components/ui/Container';
import { FieldError } from '@/components/ui/FormField';
import type { ClusterFormValues } from '@/lib/cluster/schema';
import { useI18n } from '@/lib/i18n/client';
import { fieldId, useFieldError } from './field-errors';

/** Where the cluster's tasks run. */
export function InfrastructureSection() {
  const { t } = useI18n();
  const { register, formState } = useFormContext<ClusterFormValues>();
  const error = useFieldError('fargate');
  return (
    <Container id="infrastructure" title={t('infrastructure.title')} description={t('infrastructure.description')}>
      <fieldset aria-describedby={error ? 'infrastructure-error' : undefined} className="space-y-3">
        <legend className="sr-only">{t('infrastructure.legend')}</legend>
        <Checkbox
          id={fieldId('fargate')}
          label={t('fargate.label')}
          description={t('fargate.description')}
          defaultChecked={get(formState.defaultValues, 'fargate')}
          aria-invalid={error ? true : undefined}
          {...register('fargate')}
        />
        {error && <FieldError id="infrastructure-error">{error}</FieldError>}
      </fieldset>
      <details className="mt-4 max-w-2xl">
        <summary className="text-link cursor-pointer font-bold">{t('infrastructure.compare.title')}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t('infrastructure.compare.fargate')}</li>
          <li>{t('infrastructure.compare.ec2')}</li>
        </ul>
        <p className="text-ink-muted mt-2">{t('infrastructure.ec2Later')}</p>
      </details>
    </Container>
  );
}
