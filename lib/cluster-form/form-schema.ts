import * as z from 'zod/mini';
import { ANYWHERE_IPV4, INBOUND_RULE_TYPES, needsPortRange, parsePortRange } from '@/lib/cluster/ec2';
import { FORM_FIELDS, type ClusterFormValues } from './fields';
import { clusterRequestSchema, type ClusterRequest } from '@/lib/cluster/request';
import { formPath } from './field-paths';

/**
 * The Create cluster form's schema, used by react-hook-form in the browser and by the server
 * action: it reads the form's values (text as typed) into a ClusterRequest, and the request's own
 * schema judges it. Each problem is reported at the form field it concerns.
 */

/**
 * Text as typed, less a leading byte order mark: a form posted without JavaScript is decoded with
 * UTF-8's rules, which drop it from the start of each field, so the JavaScript path drops it too
 * and both judge the same text.
 */
const formText = z.pipe(
  z.string(),
  z.transform((text) => text.replace(/^\uFEFF/, '')),
);

const formValueSchemas = {
  text: formText,
  checkbox: z.boolean(),
  list: z.array(formText),
} as const;

const formValuesSchema = z.object(
  Object.fromEntries(
    Object.entries(FORM_FIELDS).map(([name, field]) => [
      name,
      field.kind === 'rows'
        ? z.array(z.object(Object.fromEntries(field.parts.map((part) => [part, formText]))))
        : formValueSchemas[field.kind],
    ]),
  ),
) as unknown as z.ZodMiniType<ClusterFormValues, ClusterFormValues>;

export const clusterFormSchema = z.pipe(
  formValuesSchema,
  z.transform((form: ClusterFormValues, ctx): ClusterRequest => {
    const parsed = clusterRequestSchema.safeParse(requestFromForm(form));
    if (parsed.success) return parsed.data;
    const paths = parsed.error.issues.map((issue) => formPath(issue.path));
    parsed.error.issues.forEach((issue, index) => {
      const path = paths[index] ?? [];
      // The namespace follows the cluster name: one typo in the name is one error, not two.
      if (path[0] === 'namespace' && form.namespace === form.clusterName && paths.some((p) => p[0] === 'clusterName')) {
        return;
      }
      ctx.issues.push({ code: 'custom', path, message: issue.message, input: form });
    });
    return z.NEVER;
  }),
);

/** Optional text: absent when empty. */
const optional = (text: string) => (text === '' ? undefined : text);

/** A whole number as typed, or the text itself for the schema to refuse. */
const wholeNumber = (text: string): number | string => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : text);

/** The domain request the form's values describe, not yet judged. */
export function requestFromForm(form: ClusterFormValues): unknown {
  return {
    requestId: form.requestId,
    clusterName: form.clusterName,
    namespace: optional(form.namespace),
    infrastructure: infrastructureFromForm(form),
    monitoring: form.monitoring === form.monitoringDefault ? undefined : form.monitoring,
    executeCommand: executeCommandFromForm(form),
    managedStorage: managedStorageFromForm(form),
    tags: form.tags,
    team: optional(form.team),
  };
}

function infrastructureFromForm(form: ClusterFormValues) {
  if (!form.ec2) return form.fargate ? { type: 'fargate' } : undefined;
  if (form.autoScalingGroupArn !== '') {
    return { type: 'ec2ExistingGroup', fargate: form.fargate, autoScalingGroupArn: form.autoScalingGroupArn };
  }
  return {
    type: 'ec2NewGroup',
    fargate: form.fargate,
    instances: {
      spot:
        form.provisioningModel === 'ON_DEMAND'
          ? undefined
          : form.provisioningModel === 'SPOT'
            ? { allocationStrategy: form.spotAllocationStrategy }
            : form.provisioningModel, // an unknown model, for the schema to refuse
      amiFamily: form.amiFamily,
      instanceType: form.instanceType,
      instanceProfile: optional(form.instanceProfile),
      minSize: wholeNumber(form.minSize),
      maxSize: wholeNumber(form.maxSize),
      keyName: optional(form.keyName),
      rootVolumeSize: wholeNumber(form.rootVolumeSize),
      vpcId: form.vpcId,
      subnetIds: form.subnetIds,
      securityGroup:
        form.securityGroupMode === 'new'
          ? {
              type: 'new',
              name: form.securityGroupName,
              description: optional(form.securityGroupDescription),
              inboundRules: form.inboundRules.map((rule) => ({
                type: rule.type,
                portRange:
                  rule.type in INBOUND_RULE_TYPES && needsPortRange(rule.type as never) && rule.ports.trim() !== ''
                    ? (parsePortRange(rule.ports) ?? rule.ports)
                    : undefined,
                cidr: rule.source === 'anywhere' ? ANYWHERE_IPV4 : rule.cidr,
              })),
            }
          : { type: form.securityGroupMode, ids: form.securityGroupIds },
      publicIp: form.publicIp,
    },
  };
}

function executeCommandFromForm(form: ClusterFormValues) {
  const kmsKeyId = optional(form.execKmsKeyId);
  if (form.execLogging === 'DEFAULT' && !kmsKeyId) return undefined; // ECS's own default: say nothing
  const override = form.execLogging === 'OVERRIDE';
  return {
    kmsKeyId,
    logging: form.execLogging,
    cloudWatch:
      override && form.execCloudWatch
        ? { logGroupName: form.execLogGroupName, encryptionEnabled: form.execLogGroupEncryption }
        : undefined,
    s3:
      override && form.execS3
        ? {
            bucketName: form.execS3BucketName,
            keyPrefix: optional(form.execS3KeyPrefix),
            encryptionEnabled: form.execS3Encryption,
          }
        : undefined,
  };
}

function managedStorageFromForm(form: ClusterFormValues) {
  const kmsKeyId = optional(form.managedStorageKmsKeyId);
  const fargateEphemeralStorageKmsKeyId = form.fargate ? optional(form.fargateEphemeralStorageKmsKeyId) : undefined;
  return kmsKeyId || fargateEphemeralStorageKmsKeyId ? { kmsKeyId, fargateEphemeralStorageKmsKeyId } : undefined;
}
