import { z } from 'zod';
import type { ValidationMessageKey } from '@/lib/i18n/messages';
import {
  CLUSTER_NAME_MAX,
  CLUSTER_NAME_PATTERN,
  KMS_ALIAS_PATTERN,
  KMS_KEY_ARN_PATTERN,
  KMS_MULTI_REGION_KEY_PATTERN,
  LOG_GROUP_NAME_MAX,
  LOG_GROUP_NAME_PATTERN,
  MAX_USER_TAGS,
  NAMESPACE_ARN_PATTERN,
  NAMESPACE_MAX,
  NAMESPACE_NAME_PATTERN,
  RESERVED_TAG_PREFIX,
  S3_BUCKET_NAME_MAX,
  S3_BUCKET_NAME_MIN,
  S3_BUCKET_NAME_PATTERN,
  S3_KEY_PREFIX_MAX,
  TAG_KEY_MAX,
  TAG_TEXT_PATTERN,
  TAG_VALUE_MAX,
} from './limits';

/**
 * The one schema of the Create cluster form, used by react-hook-form in the browser and by the
 * server action. Every message is a key of the message catalogue, so both places show the same
 * text in the user's language.
 */

export const MONITORING_OPTIONS = ['enhanced', 'enabled', 'disabled'] as const;
export const EXEC_LOGGING_OPTIONS = ['DEFAULT', 'CLOUDWATCH', 'S3', 'NONE'] as const;

export type MonitoringOption = (typeof MONITORING_OPTIONS)[number];
export type ExecLoggingOption = (typeof EXEC_LOGGING_OPTIONS)[number];

const message = (key: ValidationMessageKey) => ({ error: key });

const kmsKeyArn = z.string().superRefine((value, ctx) => {
  if (value === '' || KMS_KEY_ARN_PATTERN.test(value)) return;
  const key: ValidationMessageKey = KMS_ALIAS_PATTERN.test(value)
    ? 'validation.kmsKey.alias'
    : KMS_MULTI_REGION_KEY_PATTERN.test(value)
      ? 'validation.kmsKey.multiRegion'
      : 'validation.kmsKey.format';
  ctx.addIssue({ code: 'custom', message: key });
});

const namespace = z.string().superRefine((value, ctx) => {
  if (value === '') return;
  if (value.startsWith('arn:')) {
    if (!NAMESPACE_ARN_PATTERN.test(value)) ctx.addIssue({ code: 'custom', message: 'validation.namespace.arn' });
    return;
  }
  if (value.length > NAMESPACE_MAX) ctx.addIssue({ code: 'custom', message: 'validation.namespace.tooLong' });
  else if (!NAMESPACE_NAME_PATTERN.test(value))
    ctx.addIssue({ code: 'custom', message: 'validation.namespace.characters' });
});

const tag = z.object({
  key: z
    .string()
    .min(1, message('validation.tag.keyRequired'))
    .max(TAG_KEY_MAX, message('validation.tag.keyTooLong'))
    .regex(TAG_TEXT_PATTERN, message('validation.tag.characters'))
    .refine((key) => !RESERVED_TAG_PREFIX.test(key), message('validation.tag.reservedPrefix')),
  value: z
    .string()
    .max(TAG_VALUE_MAX, message('validation.tag.valueTooLong'))
    .regex(TAG_TEXT_PATTERN, message('validation.tag.characters'))
    .refine((value) => !RESERVED_TAG_PREFIX.test(value), message('validation.tag.reservedPrefix')),
});

export const clusterFormSchema = z
  .object({
    /** Generated when the form is shown; names everything this submission creates. */
    requestId: z.uuid(message('validation.requestId')),
    clusterName: z
      .string()
      .min(1, message('validation.clusterName.required'))
      .max(CLUSTER_NAME_MAX, message('validation.clusterName.tooLong'))
      .regex(CLUSTER_NAME_PATTERN, message('validation.clusterName.characters')),
    namespace,
    fargate: z.boolean(),
    monitoring: z.enum(MONITORING_OPTIONS, message('validation.choice')),
    execKmsKeyId: kmsKeyArn,
    execLogging: z.enum(EXEC_LOGGING_OPTIONS, message('validation.choice')),
    execLogGroupName: z.string(),
    execLogGroupEncryption: z.boolean(),
    execS3BucketName: z.string(),
    execS3KeyPrefix: z.string().max(S3_KEY_PREFIX_MAX, message('validation.s3KeyPrefix.tooLong')),
    execS3Encryption: z.boolean(),
    managedStorageKmsKeyId: kmsKeyArn,
    fargateEphemeralStorageKmsKeyId: kmsKeyArn,
    tags: z.array(tag).max(MAX_USER_TAGS, message('validation.tags.tooMany')),
  })
  .superRefine((form, ctx) => {
    if (!form.fargate) {
      ctx.addIssue({ code: 'custom', path: ['fargate'], message: 'validation.infrastructure.required' });
    }
    if (form.execLogging === 'CLOUDWATCH') {
      const name = form.execLogGroupName;
      const key: ValidationMessageKey | undefined =
        name === ''
          ? 'validation.logGroup.required'
          : name.length > LOG_GROUP_NAME_MAX
            ? 'validation.logGroup.tooLong'
            : !LOG_GROUP_NAME_PATTERN.test(name)
              ? 'validation.logGroup.characters'
              : undefined;
      if (key) ctx.addIssue({ code: 'custom', path: ['execLogGroupName'], message: key });
    }
    if (form.execLogging === 'S3') {
      const name = form.execS3BucketName;
      const key: ValidationMessageKey | undefined =
        name === ''
          ? 'validation.bucket.required'
          : name.length < S3_BUCKET_NAME_MIN || name.length > S3_BUCKET_NAME_MAX
            ? 'validation.bucket.length'
            : !S3_BUCKET_NAME_PATTERN.test(name) || name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)
              ? 'validation.bucket.characters'
              : undefined;
      if (key) ctx.addIssue({ code: 'custom', path: ['execS3BucketName'], message: key });
    }
    const firstRowOfKey = new Map<string, number>();
    form.tags.forEach((tag, index) => {
      if (tag.key === '') return;
      if (firstRowOfKey.has(tag.key)) {
        ctx.addIssue({ code: 'custom', path: ['tags', index, 'key'], message: 'validation.tag.duplicateKey' });
      } else {
        firstRowOfKey.set(tag.key, index);
      }
    });
  });

/** What the form holds (and what the server echoes back so the form keeps the user's input). */
export type ClusterFormValues = z.input<typeof clusterFormSchema>;
/** A submission that passed every rule that needs no AWS call. */
export type ClusterRequest = z.output<typeof clusterFormSchema>;
