import { defaultClusterFormValues } from './defaults';
import { MAX_INBOUND_RULES, MAX_USER_TAGS } from './limits';
import type { ClusterFormValues } from './schema';

const DEFAULTS: Record<string, unknown> = defaultClusterFormValues('');

/**
 * Reads a posted Create cluster form. Field names are react-hook-form paths (`tags.0.key`), so a
 * form posted without JavaScript carries the same names. Checkboxes are present only when checked.
 * A field the page had not rendered (the EC2 fields while they were still loading) takes the
 * form's default; anything of the wrong kind becomes an empty value for the schema to judge.
 */
export function clusterFormValuesFromFormData(formData: FormData): ClusterFormValues {
  const text = (name: string) => {
    const value = formData.get(name);
    if (value === null) return typeof DEFAULTS[name] === 'string' ? DEFAULTS[name] : '';
    return typeof value === 'string' ? value : '';
  };
  const checked = (name: string) => formData.has(name);
  const list = (name: string) => formData.getAll(name).filter((value): value is string => typeof value === 'string');
  const choice = <T extends string>(name: string) => text(name) as T;

  return {
    requestId: text('requestId'),
    clusterName: text('clusterName'),
    namespace: text('namespace'),
    fargate: checked('fargate'),
    monitoring: choice('monitoring'),
    execKmsKeyId: text('execKmsKeyId'),
    execLogging: choice('execLogging'),
    execLogGroupName: text('execLogGroupName'),
    execLogGroupEncryption: checked('execLogGroupEncryption'),
    execS3BucketName: text('execS3BucketName'),
    execS3KeyPrefix: text('execS3KeyPrefix'),
    execS3Encryption: checked('execS3Encryption'),
    managedStorageKmsKeyId: text('managedStorageKmsKeyId'),
    fargateEphemeralStorageKmsKeyId: text('fargateEphemeralStorageKmsKeyId'),
    tags: rows(formData, 'tags', ['key', 'value'], MAX_USER_TAGS + 1).map((row) => ({
      key: text(row.key),
      value: text(row.value),
    })),
    ec2: checked('ec2'),
    autoScalingGroupArn: text('autoScalingGroupArn'),
    provisioningModel: choice('provisioningModel'),
    spotAllocationStrategy: choice('spotAllocationStrategy'),
    amiFamily: choice('amiFamily'),
    instanceType: text('instanceType'),
    instanceProfile: text('instanceProfile'),
    minSize: text('minSize'),
    maxSize: text('maxSize'),
    keyName: text('keyName'),
    rootVolumeSize: text('rootVolumeSize'),
    vpcId: text('vpcId'),
    subnetIds: list('subnetIds'),
    securityGroupMode: choice('securityGroupMode'),
    securityGroupIds: list('securityGroupIds'),
    securityGroupName: text('securityGroupName'),
    securityGroupDescription: text('securityGroupDescription'),
    inboundRules: rows(formData, 'inboundRules', ['type', 'ports', 'source', 'cidr'], MAX_INBOUND_RULES + 1).map(
      (row) => ({
        type: choice(row.type),
        ports: text(row.ports),
        source: choice(row.source),
        cidr: text(row.cidr),
      }),
    ),
    publicIp: choice('publicIp'),
  };
}

/**
 * The field names of each row of a list field (`tags.3.key`), in index order: removed rows leave
 * gaps in the numbering. One row past the limit is kept so the schema can report "too many".
 */
function rows<P extends string>(formData: FormData, list: string, parts: P[], limit: number): Record<P, string>[] {
  const indexes = new Set<number>();
  const rowName = new RegExp(`^${list}\\.(\\d+)\\.`);
  for (const name of formData.keys()) {
    const match = rowName.exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .slice(0, limit)
    .map((index) => Object.fromEntries(parts.map((part) => [part, `${list}.${index}.${part}`])) as Record<P, string>);
}
