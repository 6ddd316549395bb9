'use client';

import { ExpandableSection } from '@/components/ui/ExpandableSection';
import { FormCheckbox, FormRadioGroup } from './ChoiceFields';
import { EXEC_LOGGING_MODES } from '@/lib/cluster/request-values';
import { useI18n } from '@/lib/i18n/client';
import { useSectionFields } from './section-fields';
import { TextField } from './TextField';

const FIELDS = [
  'execKmsKeyId',
  'execLogging',
  'execCloudWatch',
  'execLogGroupName',
  'execLogGroupEncryption',
  'execS3',
  'execS3BucketName',
  'execS3KeyPrefix',
  'execS3Encryption',
] as const;

/**
 * ECS Exec: the session key and where session output goes. The CloudWatch and S3 fields show only
 * while their option is chosen; CSS (:has) does it, so it works without JavaScript too.
 */
export function TroubleshootingSection() {
  const { t } = useI18n();
  const { revealed, changed } = useSectionFields(FIELDS);
  return (
    <ExpandableSection
      id="troubleshooting-section"
      title={t('troubleshooting.title')}
      optionalText={t('section.optional')}
      description={t('troubleshooting.description')}
      revealed={revealed}
      changed={changed}
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
          <FormCheckbox
            name="execCloudWatch"
            label={t('execCloudWatch.label')}
            description={t('execCloudWatch.description')}
          />
          <div className="hidden space-y-4 pl-6 group-has-[#execCloudWatch:checked]/logging:block">
            <TextField
              name="execLogGroupName"
              label={t('execLogGroupName.label')}
              description={t('execLogGroupName.description')}
              constraint={t('execLogGroupName.constraint')}
            />
            <FormCheckbox
              name="execLogGroupEncryption"
              label={t('execLogGroupEncryption.label')}
              description={t('execLogGroupEncryption.description')}
            />
          </div>
          <FormCheckbox name="execS3" label={t('execS3.label')} description={t('execS3.description')} />
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
            <FormCheckbox
              name="execS3Encryption"
              label={t('execS3Encryption.label')}
              description={t('execS3Encryption.description')}
            />
          </div>
        </div>
      </div>
    </ExpandableSection>
  );
}
