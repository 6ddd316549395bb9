'use client';

import { useI18n } from '@/lib/i18n/client';
import { ExpandableSection } from '@/components/ui/ExpandableSection';
import { useSectionFields } from './section-fields';
import { TextField } from './TextField';

const FIELDS = ['managedStorageKmsKeyId', 'fargateEphemeralStorageKmsKeyId'] as const;

/**
 * Customer-managed keys for managed storage and, when Fargate is chosen, Fargate ephemeral
 * storage. The Fargate key shows only while the Fargate checkbox is checked (CSS :has on the form).
 */
export function EncryptionSection() {
  const { t } = useI18n();
  const { revealed, changed } = useSectionFields(FIELDS);
  return (
    <ExpandableSection
      id="encryption-section"
      title={t('encryption.title')}
      optionalText={t('section.optional')}
      description={t('encryption.description')}
      revealed={revealed}
      changed={changed}
    >
      <TextField
        name="managedStorageKmsKeyId"
        label={t('managedStorageKmsKeyId.label')}
        optional
        description={t('managedStorageKmsKeyId.description')}
        constraint={t('kmsKey.constraint')}
      />
      <div className="hidden group-has-[#fargate:checked]/form:block">
        <TextField
          name="fargateEphemeralStorageKmsKeyId"
          label={t('fargateEphemeralStorageKmsKeyId.label')}
          optional
          description={t('fargateEphemeralStorageKmsKeyId.description')}
          constraint={t('kmsKey.constraint')}
        />
      </div>
    </ExpandableSection>
  );
}
