'use client';

import { useFormContext } from 'react-hook-form';
import { ExpandableSection } from '@/components/ui/ExpandableSection';
import { FormRadioGroup } from './ChoiceFields';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import { MONITORING_LEVELS } from '@/lib/cluster/request-values';
import { useI18n } from '@/lib/i18n/client';
import { useDefaultValues } from './form-methods';
import { useSectionFields } from './section-fields';

const FIELDS = ['monitoring'] as const;

/** Container Insights: enhanced, standard, or off; it starts at the account's setting for new clusters. */
export function MonitoringSection() {
  const { t } = useI18n();
  const { register } = useFormContext<ClusterFormValues>();
  const defaults = useDefaultValues();
  const { revealed, changed } = useSectionFields(FIELDS);
  return (
    <ExpandableSection
      id="monitoring-section"
      title={t('monitoring.title')}
      optionalText={t('section.optional')}
      description={t('monitoring.description')}
      revealed={revealed}
      changed={changed}
    >
      {/* What the page showed as the default: left as it is, the account's setting applies. */}
      <input type="hidden" {...register('monitoringDefault')} defaultValue={defaults?.monitoringDefault} />
      <FormRadioGroup
        name="monitoring"
        label={t('monitoring.legend')}
        description={t('monitoring.accountDefault')}
        options={MONITORING_LEVELS.map((value) => ({
          value,
          label: t(`monitoring.${value}.label`),
          description: t(`monitoring.${value}.description`),
        }))}
      />
    </ExpandableSection>
  );
}
