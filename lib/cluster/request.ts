// zod/mini: the same schemas, a third of the JavaScript the browser loads with the form.
import * as z from 'zod/mini';
import type { ValidationMessageKey } from '@/lib/i18n/messages';
import {
  AMI_FAMILIES,
  AMI_FAMILY_IDS,
  ECS_INSTANCE_ROLE,
  INBOUND_RULE_TYPE_IDS,
  needsPortRange,
  INSTANCE_TYPE_PATTERN,
  instanceTypeArchitecture,
  IPV4_CIDR_PATTERN,
  MAX_GROUP_SIZE,
  PUBLIC_IP_OPTIONS,
  ROOT_VOLUME_MAX_GIB,
  ROOT_VOLUME_MIN_GIB,
  SECURITY_GROUP_NAME_MAX,
  SECURITY_GROUP_TEXT_PATTERN,
  SPOT_ALLOCATION_STRATEGIES,
} from './ec2';
import {
  AUTO_SCALING_GROUP_ARN_PATTERN,
  CLUSTER_NAME_MAX,
  ec2IdPattern,
  INSTANCE_PROFILE_NAME_PATTERN,
  KEY_PAIR_NAME_PATTERN,
  CLUSTER_NAME_PATTERN,
  KMS_ALIAS_PATTERN,
  KMS_KEY_ARN_PATTERN,
  KMS_MULTI_REGION_KEY_PATTERN,
  LOG_GROUP_NAME_MAX,
  LOG_GROUP_NAME_PATTERN,
  MAX_INBOUND_RULES,
  MAX_USER_TAGS,
  MAX_USER_TAGS_WITH_NEW_GROUP,
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
  TEAM_NAME_PATTERN,
} from './limits';
import { EXEC_LOGGING_MODES, MONITORING_LEVELS } from './request-values';

/**
 * The domain: what a person asks for when they create a cluster, apart from any form. Numbers are
 * numbers, the infrastructure is one of three shapes, and a setting left alone is absent. The form
 * schema parses form values into it; the plan, the checks against AWS and anything stored take
 * only this. Every message is a key of the message catalogue.
 */

export { EXEC_LOGGING_MODES, MONITORING_LEVELS, type MonitoringLevel, tagLimit, usesFargate } from './request-values';

const message = (key: ValidationMessageKey) => ({ error: key });
const custom = (ctx: z.core.$RefinementCtx, path: PropertyKey[], key: ValidationMessageKey) =>
  ctx.addIssue({ code: 'custom', path, message: key });
/** Text that must match a pattern, with one message for any failure. */
const text = (...checks: z.core.$ZodCheck<string>[]) => z.string().check(...checks);

const kmsKeyArn = z.string().check(
  z.superRefine((value, ctx) => {
    if (KMS_KEY_ARN_PATTERN.test(value)) return;
    custom(
      ctx,
      [],
      KMS_ALIAS_PATTERN.test(value)
        ? 'validation.kmsKey.alias'
        : KMS_MULTI_REGION_KEY_PATTERN.test(value)
          ? 'validation.kmsKey.multiRegion'
          : 'validation.kmsKey.format',
    );
  }),
);

const namespace = z.string().check(
  z.superRefine((value, ctx) => {
    if (value.startsWith('arn:')) {
      if (!NAMESPACE_ARN_PATTERN.test(value)) custom(ctx, [], 'validation.namespace.arn');
    } else if (value.length > NAMESPACE_MAX) custom(ctx, [], 'validation.namespace.tooLong');
    else if (!NAMESPACE_NAME_PATTERN.test(value)) custom(ctx, [], 'validation.namespace.characters');
  }),
);

const tagText = (max: number, tooLong: ValidationMessageKey, ...first: z.core.$ZodCheck<string>[]) =>
  text(
    ...first,
    z.maxLength(max, message(tooLong)),
    z.regex(TAG_TEXT_PATTERN, message('validation.tag.characters')),
    z.refine((value) => !RESERVED_TAG_PREFIX.test(value), message('validation.tag.reservedPrefix')),
  );

const tag = z.object({
  key: tagText(TAG_KEY_MAX, 'validation.tag.keyTooLong', z.minLength(1, message('validation.tag.keyRequired'))),
  value: tagText(TAG_VALUE_MAX, 'validation.tag.valueTooLong'),
});

const logGroupName = text(
  z.minLength(1, message('validation.logGroup.required')),
  z.maxLength(LOG_GROUP_NAME_MAX, message('validation.logGroup.tooLong')),
  z.regex(LOG_GROUP_NAME_PATTERN, message('validation.logGroup.characters')),
);

const bucketName = text(
  z.minLength(1, message('validation.bucket.required')),
  z.superRefine((name, ctx) => {
    if (name === '') return;
    if (name.length < S3_BUCKET_NAME_MIN || name.length > S3_BUCKET_NAME_MAX)
      custom(ctx, [], 'validation.bucket.length');
    else if (!S3_BUCKET_NAME_PATTERN.test(name) || name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)) {
      custom(ctx, [], 'validation.bucket.characters');
    }
  }),
);

/** ECS Exec: the session key, and where session output goes (ECS's default, nowhere, or CloudWatch and/or S3). */
const executeCommand = z
  .object({
    kmsKeyId: z.optional(kmsKeyArn),
    logging: z.enum(EXEC_LOGGING_MODES, message('validation.choice')),
    cloudWatch: z.optional(z.object({ logGroupName, encryptionEnabled: z.boolean() })),
    s3: z.optional(
      z.object({
        bucketName,
        keyPrefix: z.optional(text(z.maxLength(S3_KEY_PREFIX_MAX, message('validation.s3KeyPrefix.tooLong')))),
        encryptionEnabled: z.boolean(),
      }),
    ),
  })
  .check(
    z.superRefine((exec, ctx) => {
      const destinations = exec.cloudWatch || exec.s3;
      if (exec.logging === 'OVERRIDE' && !destinations) custom(ctx, ['logging'], 'validation.execLogging.destination');
      if (exec.logging !== 'OVERRIDE' && destinations) custom(ctx, ['logging'], 'validation.choice');
    }),
  );

const wholeNumber = (min: number, max: number, key: ValidationMessageKey) =>
  z.int(message(key)).check(z.gte(min, message(key)), z.lte(max, message(key)));

const portRange = z
  .object(
    {
      from: wholeNumber(0, 65535, 'validation.inboundRule.ports'),
      to: wholeNumber(0, 65535, 'validation.inboundRule.ports'),
    },
    message('validation.inboundRule.ports'),
  )
  .check(z.refine((range) => range.from <= range.to, message('validation.inboundRule.ports')));

const inboundRule = z
  .object({
    type: z.enum(INBOUND_RULE_TYPE_IDS, message('validation.choice')),
    /** Only for the custom TCP and UDP types; the others have their ports. */
    portRange: z.optional(portRange),
    cidr: text(z.regex(IPV4_CIDR_PATTERN, message('validation.inboundRule.cidr'))),
  })
  .check(
    z.superRefine((rule, ctx) => {
      if (needsPortRange(rule.type) && !rule.portRange) custom(ctx, ['portRange'], 'validation.inboundRule.ports');
    }),
  );

const securityGroupText = z.regex(SECURITY_GROUP_TEXT_PATTERN, message('validation.securityGroupText.characters'));

const securityGroup = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('existing'),
      ids: z
        .array(text(z.regex(ec2IdPattern('sg'), message('validation.securityGroups.format'))))
        .check(z.minLength(1, message('validation.securityGroups.required'))),
    }),
    z.object({
      type: z.literal('new'),
      name: text(
        z.minLength(1, message('validation.securityGroupName.required')),
        z.maxLength(SECURITY_GROUP_NAME_MAX, message('validation.securityGroupName.tooLong')),
        z.refine((name) => !/^sg-/i.test(name), message('validation.securityGroupName.prefix')),
        securityGroupText,
      ),
      description: z.optional(
        text(
          z.maxLength(SECURITY_GROUP_NAME_MAX, message('validation.securityGroupDescription.tooLong')),
          securityGroupText,
        ),
      ),
      inboundRules: z
        .array(inboundRule)
        .check(z.maxLength(MAX_INBOUND_RULES, message('validation.inboundRules.tooMany'))),
    }),
  ],
  message('validation.choice'),
);

/** A new Auto Scaling group of ECS-optimized instances, as the console's EC2 fields describe it. */
const newGroup = z
  .object({
    /** Absent: On-Demand instances. */
    spot: z.optional(
      z.object(
        { allocationStrategy: z.enum(SPOT_ALLOCATION_STRATEGIES, message('validation.choice')) },
        message('validation.choice'),
      ),
    ),
    amiFamily: z.enum(AMI_FAMILY_IDS, message('validation.choice')),
    instanceType: text(
      z.minLength(1, message('validation.instanceType.required')),
      z.regex(INSTANCE_TYPE_PATTERN, message('validation.instanceType.format')),
    ),
    /** An existing instance profile's name; absent creates ecsInstanceRole. */
    instanceProfile: z.optional(
      text(z.regex(INSTANCE_PROFILE_NAME_PATTERN, message('validation.instanceProfile.format'))),
    ),
    minSize: wholeNumber(0, MAX_GROUP_SIZE, 'validation.capacity.number'),
    maxSize: wholeNumber(0, MAX_GROUP_SIZE, 'validation.capacity.number'),
    keyName: z.optional(text(z.regex(KEY_PAIR_NAME_PATTERN, message('validation.keyName.format')))),
    rootVolumeSize: wholeNumber(ROOT_VOLUME_MIN_GIB, ROOT_VOLUME_MAX_GIB, 'validation.rootVolume.range'),
    vpcId: text(
      z.minLength(1, message('validation.vpc.required')),
      z.regex(ec2IdPattern('vpc'), message('validation.vpc.format')),
    ),
    subnetIds: z
      .array(text(z.regex(ec2IdPattern('subnet'), message('validation.subnets.format'))))
      .check(z.minLength(1, message('validation.subnets.required'))),
    securityGroup,
    publicIp: z.enum(PUBLIC_IP_OPTIONS, message('validation.choice')),
  })
  .check(
    z.superRefine((group, ctx) => {
      if (group.amiFamily in AMI_FAMILIES && INSTANCE_TYPE_PATTERN.test(group.instanceType)) {
        if (instanceTypeArchitecture(group.instanceType) !== AMI_FAMILIES[group.amiFamily].architecture) {
          custom(ctx, ['instanceType'], 'validation.instanceType.architecture');
        }
      }
      if (group.maxSize < 1) custom(ctx, ['maxSize'], 'validation.capacity.maxAtLeastOne');
      else if (group.maxSize < group.minSize) custom(ctx, ['maxSize'], 'validation.capacity.maxBelowMin');
    }),
  );

const infrastructure = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('fargate') }),
    z.object({ type: z.literal('ec2NewGroup'), fargate: z.boolean(), instances: newGroup }),
    z.object({
      type: z.literal('ec2ExistingGroup'),
      fargate: z.boolean(),
      /** An Auto Scaling group no capacity provider uses yet. */
      autoScalingGroupArn: text(z.regex(AUTO_SCALING_GROUP_ARN_PATTERN, message('validation.autoScalingGroup.format'))),
    }),
  ],
  message('validation.infrastructure.required'),
);

export const clusterRequestSchema = z
  .object({
    /** Issued when the form is shown; names everything this request creates. */
    requestId: z.uuid(message('validation.requestId')),
    clusterName: text(
      z.minLength(1, message('validation.clusterName.required')),
      z.maxLength(CLUSTER_NAME_MAX, message('validation.clusterName.tooLong')),
      z.regex(CLUSTER_NAME_PATTERN, message('validation.clusterName.characters')),
    ),
    /** A Cloud Map namespace's name or ARN; a name that does not exist is created by ECS. */
    namespace: z.optional(namespace),
    infrastructure,
    /** Container Insights; absent follows the account's default. */
    monitoring: z.optional(z.enum(MONITORING_LEVELS, message('validation.choice'))),
    executeCommand: z.optional(executeCommand),
    managedStorage: z.optional(
      z.object({ kmsKeyId: z.optional(kmsKeyArn), fargateEphemeralStorageKmsKeyId: z.optional(kmsKeyArn) }),
    ),
    tags: z.array(tag).check(z.maxLength(MAX_USER_TAGS, message('validation.tags.tooMany'))),
    /** In the team portal: the team the cluster is for, whose rules it must keep and whose tag it carries. */
    team: z.optional(text(z.regex(TEAM_NAME_PATTERN, message('validation.policy.team')))),
  })
  .check(
    z.superRefine((request, ctx) => {
      // The team's tag takes one of the places.
      const teamTag = request.team === undefined ? 0 : 1;
      if (
        request.infrastructure.type === 'ec2NewGroup' &&
        request.tags.length + teamTag > MAX_USER_TAGS_WITH_NEW_GROUP
      ) {
        custom(ctx, ['tags'], 'validation.tags.tooManyForGroup');
      } else if (request.tags.length + teamTag > MAX_USER_TAGS) custom(ctx, ['tags'], 'validation.tags.tooMany');
      const keys = new Set<string>();
      request.tags.forEach((tag, index) => {
        if (keys.has(tag.key)) custom(ctx, ['tags', index, 'key'], 'validation.tag.duplicateKey');
        keys.add(tag.key);
      });
    }),
  );

export type ClusterRequest = z.output<typeof clusterRequestSchema>;
export type Infrastructure = ClusterRequest['infrastructure'];
export type NewGroup = z.output<typeof newGroup>;
export type InboundRule = z.output<typeof inboundRule>;

/** The instance profile a create's new EC2 instances launch with: the one chosen, or ecsInstanceRole made for them. */
export function instanceProfileOf({ infrastructure }: ClusterRequest): string | undefined {
  if (infrastructure.type !== 'ec2NewGroup') return undefined;
  return infrastructure.instances.instanceProfile ?? ECS_INSTANCE_ROLE;
}
