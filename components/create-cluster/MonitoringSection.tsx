'use client';

import { get, useFormContext } from 'react-hook-form';
import { ExpandableSection } from '@/components/ui/ExpandableSection';
import { RadioGroup } from '@/components/ui/RadioGroup';
import type { ClusterFormValues } from '@/lib/cluster/form-fields';
import { MONITORING_LEVELS } from '@/lib/cluster/request';
import { useI18n } from '@/lib/i18n/client';
import { useFieldError } from './field-errors';

/** Container Insights: enhanced, standard, or off. */
export function MonitoringSection() {
  const { t } = useI18n();
  const { register, formState } = useFormContext<ClusterFormValues>();
  const error = useFieldError('monitoring');
  return (
    <ExpandableSection
      id="monitoring-section"
      title={t('monitoring.title')}
      optionalText={t('section.optional')}
      description={t('monitoring.description')}
      revealed={Boolean(error)}
    >
      <RadioGroup
        id="monitoring"
        legend={t('monitoring.legend')}
        defaultValue={get(formState.defaultValues, 'monitoring')}
        error={error}
        input={register('monitoring')}
        options={MONITORING_LEVELS.map((value) => ({
          value,
          label: t(`monitoring.${value}.label`),
          description: t(`monitoring.${value}.description`),
        }))}
      />
    </ExpandableSection>
  );
}
