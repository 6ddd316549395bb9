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
  MAX_INBOUND_RULES,
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
import {
  AMI_FAMILIES,
  AMI_FAMILY_IDS,
  INBOUND_RULE_TYPE_IDS,
  INBOUND_RULE_TYPES,
  INSTANCE_TYPE_PATTERN,
  instanceTypeArchitecture,
  IPV4_CIDR_PATTERN,
  MAX_GROUP_SIZE,
  parsePortRange,
  PROVISIONING_MODELS,
  PUBLIC_IP_OPTIONS,
  ROOT_VOLUME_MAX_GIB,
  ROOT_VOLUME_MIN_GIB,
  SECURITY_GROUP_MODES,
  SECURITY_GROUP_NAME_MAX,
  SECURITY_GROUP_TEXT_PATTERN,
  SPOT_ALLOCATION_STRATEGIES,
} from './ec2';

/**
 * The one schema of the Create cluster form, used by react-hook-form in the browser and by the
 * server action. Every message is a key of the message catalogue, so both places show the same
 * text in the user's language.
 */

export const MONITORING_OPTIONS = ['enhanced', 'enabled', 'disabled'] as const;
export const EXEC_LOGGING_OPTIONS = ['DEFAULT', 'CLOUDWATCH', 'S3', 'NONE'] as const;

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

const inboundRule = z.object({
  type: z.enum(INBOUND_RULE_TYPE_IDS, message('validation.choice')),
  ports: z.string(),
  source: z.enum(['anywhere', 'custom'], message('validation.choice')),
  cidr: z.string(),
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

const clusterFormFields = z.object({
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

  // Amazon EC2 instances (checked only when `ec2` is)
  ec2: z.boolean(),
  /** '' creates a new Auto Scaling group; otherwise the ARN of an existing, unused one. */
  autoScalingGroupArn: z.string(),
  provisioningModel: z.enum(PROVISIONING_MODELS, message('validation.choice')),
  spotAllocationStrategy: z.enum(SPOT_ALLOCATION_STRATEGIES, message('validation.choice')),
  amiFamily: z.enum(AMI_FAMILY_IDS, message('validation.choice')),
  instanceType: z.string(),
  /** '' creates ecsInstanceRole; otherwise the name of an existing instance profile. */
  instanceProfile: z.string(),
  minSize: z.string(),
  maxSize: z.string(),
  keyName: z.string(),
  rootVolumeSize: z.string(),
  vpcId: z.string(),
  subnetIds: z.array(z.string()),
  securityGroupMode: z.enum(SECURITY_GROUP_MODES, message('validation.choice')),
  securityGroupIds: z.array(z.string()),
  securityGroupName: z.string(),
  securityGroupDescription: z.string(),
  inboundRules: z.array(inboundRule).max(MAX_INBOUND_RULES, message('validation.inboundRules.tooMany')),
  publicIp: z.enum(PUBLIC_IP_OPTIONS, message('validation.choice')),
});

export const clusterFormSchema = clusterFormFields.superRefine((form, ctx) => {
  if (!form.fargate && !form.ec2) {
    ctx.addIssue({ code: 'custom', path: ['fargate'], message: 'validation.infrastructure.required' });
  }
  if (form.ec2) checkEc2Capacity(form, ctx);
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

type Issue = (path: (string | number)[], key: ValidationMessageKey) => void;

/** The rules of the Amazon EC2 instances fields; an existing Auto Scaling group needs none of them. */
function checkEc2Capacity(form: z.infer<typeof clusterFormFields>, ctx: z.RefinementCtx) {
  const issue: Issue = (path, key) => ctx.addIssue({ code: 'custom', path, message: key });
  if (form.autoScalingGroupArn !== '') return;

  // An Auto Scaling group holds 50 tags: the request tag, AmazonECSManaged and Name leave 47.
  if (form.tags.length > MAX_USER_TAGS - 2) issue(['tags'], 'validation.tags.tooManyForGroup');

  if (form.instanceType === '') issue(['instanceType'], 'validation.instanceType.required');
  else if (!INSTANCE_TYPE_PATTERN.test(form.instanceType)) issue(['instanceType'], 'validation.instanceType.format');
  else if (instanceTypeArchitecture(form.instanceType) !== AMI_FAMILIES[form.amiFamily].architecture) {
    issue(['instanceType'], 'validation.instanceType.architecture');
  }

  const min = wholeNumber(form.minSize);
  const max = wholeNumber(form.maxSize);
  if (min === undefined || min > MAX_GROUP_SIZE) issue(['minSize'], 'validation.capacity.number');
  if (max === undefined || max > MAX_GROUP_SIZE) issue(['maxSize'], 'validation.capacity.number');
  else if (max < 1) issue(['maxSize'], 'validation.capacity.maxAtLeastOne');
  else if (min !== undefined && max < min) issue(['maxSize'], 'validation.capacity.maxBelowMin');

  const volume = wholeNumber(form.rootVolumeSize);
  if (volume === undefined || volume < ROOT_VOLUME_MIN_GIB || volume > ROOT_VOLUME_MAX_GIB) {
    issue(['rootVolumeSize'], 'validation.rootVolume.range');
  }

  if (form.vpcId === '') issue(['vpcId'], 'validation.vpc.required');
  if (form.subnetIds.length === 0) issue(['subnetIds'], 'validation.subnets.required');

  if (form.securityGroupMode === 'existing') {
    if (form.securityGroupIds.length === 0) issue(['securityGroupIds'], 'validation.securityGroups.required');
    return;
  }
  const name = form.securityGroupName;
  if (name === '') issue(['securityGroupName'], 'validation.securityGroupName.required');
  else if (name.length > SECURITY_GROUP_NAME_MAX) issue(['securityGroupName'], 'validation.securityGroupName.tooLong');
  else if (/^sg-/i.test(name)) issue(['securityGroupName'], 'validation.securityGroupName.prefix');
  else if (!SECURITY_GROUP_TEXT_PATTERN.test(name))
    issue(['securityGroupName'], 'validation.securityGroupText.characters');
  const description = form.securityGroupDescription;
  if (description.length > SECURITY_GROUP_NAME_MAX) {
    issue(['securityGroupDescription'], 'validation.securityGroupDescription.tooLong');
  } else if (!SECURITY_GROUP_TEXT_PATTERN.test(description)) {
    issue(['securityGroupDescription'], 'validation.securityGroupText.characters');
  }
  form.inboundRules.forEach((rule, index) => {
    if (
      INBOUND_RULE_TYPES[rule.type].ports === undefined &&
      rule.type !== 'all-traffic' &&
      !parsePortRange(rule.ports)
    ) {
      issue(['inboundRules', index, 'ports'], 'validation.inboundRule.ports');
    }
    if (rule.source === 'custom' && !IPV4_CIDR_PATTERN.test(rule.cidr)) {
      issue(['inboundRules', index, 'cidr'], 'validation.inboundRule.cidr');
    }
  });
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** What the form holds (and what the server echoes back so the form keeps the user's input). */
export type ClusterFormValues = z.input<typeof clusterFormSchema>;
/** A submission that passed every rule that needs no AWS call. */
export type ClusterRequest = z.output<typeof clusterFormSchema>;
