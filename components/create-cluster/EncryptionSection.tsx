'use client';

import { useI18n } from '@/lib/i18n/client';
import { ExpandableSection } from '@/components/ui/ExpandableSection';
import { useFieldError } from './field-errors';
import { TextField } from './TextField';

/**
 * Customer-managed keys for managed storage and, when Fargate is chosen, Fargate ephemeral
 * storage. The Fargate key shows only while the Fargate checkbox is checked (CSS :has on the form).
 */
export function EncryptionSection() {
  const { t } = useI18n();
  const errors = [useFieldError('managedStorageKmsKeyId'), useFieldError('fargateEphemeralStorageKmsKeyId')];
  return (
    <ExpandableSection
      id="encryption-section"
      title={t('encryption.title')}
      optionalText={t('section.optional')}
      description={t('encryption.description')}
      revealed={errors.some(Boolean)}
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
