import { DEFAULT_ROOT_VOLUME_GIB } from '@/lib/cluster/ec2';
import { MAX_INBOUND_RULES, MAX_USER_TAGS } from '@/lib/cluster/limits';
import type { MonitoringLevel } from '@/lib/cluster/request';

/**
 * The Create cluster form's fields, written once: each field's kind and default. The form's value
 * type, its defaults and the reading of a posted form (FormData) all derive from this list. Names
 * are react-hook-form paths, so a form posted without JavaScript carries the same names.
 */

const text = (initial = '') => ({ kind: 'text', initial }) as const;
const checkbox = (initial: boolean) => ({ kind: 'checkbox', initial }) as const;
const list = () => ({ kind: 'list' }) as const;
const rows = <P extends string>(parts: readonly P[], limit: number) => ({ kind: 'rows', parts, limit }) as const;

export const FORM_FIELDS = {
  requestId: text(),
  /** In the team portal: the team the cluster is for (one of the person's own). */
  team: text(),
  clusterName: text(),
  namespace: text(),
  fargate: checkbox(true),
  ec2: checkbox(false),
  /** The Container Insights level the page showed as the default: the account's setting. */
  monitoringDefault: text('disabled'),
  monitoring: text('disabled'),
  execKmsKeyId: text(),
  /** DEFAULT, OVERRIDE (to CloudWatch Logs and/or S3) or NONE. */
  execLogging: text('DEFAULT'),
  execCloudWatch: checkbox(false),
  execLogGroupName: text(),
  execLogGroupEncryption: checkbox(false),
  execS3: checkbox(false),
  execS3BucketName: text(),
  execS3KeyPrefix: text(),
  execS3Encryption: checkbox(false),
  managedStorageKmsKeyId: text(),
  fargateEphemeralStorageKmsKeyId: text(),
  // One row past each limit is kept, so the schema can say "too many".
  tags: rows(['key', 'value'], MAX_USER_TAGS + 1),
  /** '' creates a new Auto Scaling group; otherwise the ARN of an existing, unused one. */
  autoScalingGroupArn: text(),
  provisioningModel: text('ON_DEMAND'),
  spotAllocationStrategy: text('price-capacity-optimized'),
  amiFamily: text('al2023'),
  instanceType: text(),
  /** '' creates ecsInstanceRole; otherwise the name of an existing instance profile. */
  instanceProfile: text(),
  minSize: text('0'),
  maxSize: text('5'),
  keyName: text(),
  rootVolumeSize: text(String(DEFAULT_ROOT_VOLUME_GIB)),
  vpcId: text(),
  subnetIds: list(),
  securityGroupMode: text('existing'),
  securityGroupIds: list(),
  securityGroupName: text(),
  securityGroupDescription: text(),
  inboundRules: rows(['type', 'ports', 'source', 'cidr'], MAX_INBOUND_RULES + 1),
  publicIp: text('subnet'),
} as const;

type Fields = typeof FORM_FIELDS;
type ValueOf<F> = F extends { kind: 'text' }
  ? string
  : F extends { kind: 'checkbox' }
    ? boolean
    : F extends { kind: 'list' }
      ? string[]
      : F extends { kind: 'rows'; parts: readonly (infer P extends string)[] }
        ? Record<P, string>[]
        : never;

/** What the form holds: text as typed, checkboxes as booleans (and what the server echoes back). */
export type ClusterFormValues = { -readonly [K in keyof Fields]: ValueOf<Fields[K]> };
export type FormFieldName = keyof Fields;
export const FORM_FIELD_NAMES = Object.keys(FORM_FIELDS) as FormFieldName[];
type FieldOfKind<Kind> = { [K in FormFieldName]: Fields[K]['kind'] extends Kind ? K : never }[FormFieldName];
export type FormTextFieldName = FieldOfKind<'text'>;
export type FormCheckboxName = FieldOfKind<'checkbox'>;

const entries = Object.entries(FORM_FIELDS) as [FormFieldName, Fields[FormFieldName]][];

/**
 * The console's defaults: Fargate on, ECS Exec logging left to ECS; for EC2, a new On-Demand group
 * of 0 to 5 Amazon Linux 2023 instances. Container Insights starts at the account's own setting.
 * The EC2 defaults that depend on the account (VPC, subnets, security group, instance type, role)
 * are filled in when the lists load.
 */
export function defaultClusterFormValues(
  requestId: string,
  account: { monitoring?: MonitoringLevel } = {},
): ClusterFormValues {
  const values = Object.fromEntries(
    entries.map(([name, field]) => [name, 'initial' in field ? field.initial : []]),
  ) as unknown as ClusterFormValues;
  const monitoring = account.monitoring ?? values.monitoring;
  return { ...values, requestId, monitoring, monitoringDefault: monitoring };
}

/**
 * Reads a posted Create cluster form. Checkboxes are present only when checked. A text field the
 * page had not rendered (the EC2 fields while they were still loading) takes its default; anything
 * of the wrong kind becomes an empty value for the schema to judge.
 */
export function clusterFormValuesFromFormData(formData: FormData): ClusterFormValues {
  const text = (name: string, initial = '') => {
    const value = formData.get(name);
    if (value === null) return initial;
    return typeof value === 'string' ? value : '';
  };
  const values = entries.map(([name, field]) => {
    switch (field.kind) {
      case 'text':
        return [name, text(name, field.initial)];
      case 'checkbox':
        return [name, formData.has(name)];
      case 'list':
        return [name, formData.getAll(name).filter((value) => typeof value === 'string')];
      case 'rows':
        return [
          name,
          rowIndexes(formData, name, field.limit).map((index) =>
            Object.fromEntries(field.parts.map((part) => [part, text(`${name}.${index}.${part}`)])),
          ),
        ];
    }
  });
  return Object.fromEntries(values) as ClusterFormValues;
}

/** The indexes of a list field's rows (`tags.3.key`), in order: removed rows leave gaps in the numbering. */
function rowIndexes(formData: FormData, list: string, limit: number): number[] {
  const indexes = new Set<number>();
  const rowName = new RegExp(`^${list}\\.(\\d+)\\.`);
  for (const name of formData.keys()) {
    const match = rowName.exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b).slice(0, limit);
}
