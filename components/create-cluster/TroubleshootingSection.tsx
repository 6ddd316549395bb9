'use client';

import { get, useFormContext } from 'react-hook-form';
import { Checkbox } from '@/components/ui/Checkbox';
import { ExpandableSection } from '@/components/ui/ExpandableSection';
import { FormRadioGroup } from './ChoiceFields';
import type { ClusterFormValues } from '@/lib/cluster/form-fields';
import { EXEC_LOGGING_MODES } from '@/lib/cluster/request';
import { useI18n } from '@/lib/i18n/client';
import { fieldId, useFieldError } from './field-errors';
import { TextField } from './TextField';

/**
 * ECS Exec: the session key and where session output goes. The CloudWatch and S3 fields show only
 * while their option is chosen; CSS (:has) does it, so it works without JavaScript too.
 */
export function TroubleshootingSection() {
  const { t } = useI18n();
  const { register, formState } = useFormContext<ClusterFormValues>();
  const errors = [
    useFieldError('execKmsKeyId'),
    useFieldError('execLogging'),
    useFieldError('execLogGroupName'),
    useFieldError('execS3BucketName'),
    useFieldError('execS3KeyPrefix'),
  ];
  return (
    <ExpandableSection
      id="troubleshooting-section"
      title={t('troubleshooting.title')}
      optionalText={t('section.optional')}
      description={t('troubleshooting.description')}
      revealed={errors.some(Boolean)}
    >
      <TextField
        name="execKmsKeyId"
        label={t('execKmsKeyId.label')}
        optional
        description={t('execKmsKeyId.description')}
        constraint={t('kmsKey.constraint')}
      />
      <div className="group/logging space-y-5">
        <FormRadioGroup
          name="execLogging"
          label={t('execLogging.legend')}
          options={EXEC_LOGGING_MODES.map((value) => ({
            value,
            label: t(`execLogging.${value}.label`),
            description: t(`execLogging.${value}.description`),
          }))}
        />
        <div className="hidden space-y-4 border-l-2 border-line-soft pl-4 group-has-[#execLogging-OVERRIDE:checked]/logging:block">
          <Checkbox
            id={fieldId('execCloudWatch')}
            label={t('execCloudWatch.label')}
            description={t('execCloudWatch.description')}
            defaultChecked={get(formState.defaultValues, 'execCloudWatch')}
            {...register('execCloudWatch')}
          />
          <div className="hidden space-y-4 pl-6 group-has-[#execCloudWatch:checked]/logging:block">
            <TextField
              name="execLogGroupName"
              label={t('execLogGroupName.label')}
              description={t('execLogGroupName.description')}
              constraint={t('execLogGroupName.constraint')}
            />
            <Checkbox
              id={fieldId('execLogGroupEncryption')}
              label={t('execLogGroupEncryption.label')}
              description={t('execLogGroupEncryption.description')}
              defaultChecked={get(formState.defaultValues, 'execLogGroupEncryption')}
              {...register('execLogGroupEncryption')}
            />
          </div>
          <Checkbox
            id={fieldId('execS3')}
            label={t('execS3.label')}
            description={t('execS3.description')}
            defaultChecked={get(formState.defaultValues, 'execS3')}
            {...register('execS3')}
          />
          <div className="hidden space-y-4 pl-6 group-has-[#execS3:checked]/logging:block">
            <TextField
              name="execS3BucketName"
              label={t('execS3BucketName.label')}
              description={t('execS3BucketName.description')}
              constraint={t('execS3BucketName.constraint')}
            />
            <TextField
              name="execS3KeyPrefix"
              label={t('execS3KeyPrefix.label')}
              optional
              description={t('execS3KeyPrefix.description')}
            />
            <Checkbox
              id={fieldId('execS3Encryption')}
              label={t('execS3Encryption.label')}
              description={t('execS3Encryption.description')}
              defaultChecked={get(formState.defaultValues, 'execS3Encryption')}
              {...register('execS3Encryption')}
            />
          </div>
        </div>
      </div>
    </ExpandableSection>
  );
}
