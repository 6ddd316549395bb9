import { MAX_USER_TAGS } from './limits';
import type { ClusterFormValues } from './schema';

/**
 * Reads a posted Create cluster form. Field names are react-hook-form paths (`tags.0.key`), so a
 * form posted without JavaScript carries the same names. Checkboxes are present only when checked.
 * Anything missing or of the wrong kind becomes an empty value for the schema to judge.
 */
export function clusterFormValuesFromFormData(formData: FormData): ClusterFormValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  const checked = (name: string) => formData.has(name);

  return {
    requestId: text('requestId'),
    clusterName: text('clusterName'),
    namespace: text('namespace'),
    fargate: checked('fargate'),
    monitoring: text('monitoring') as ClusterFormValues['monitoring'],
    execKmsKeyId: text('execKmsKeyId'),
    execLogging: text('execLogging') as ClusterFormValues['execLogging'],
    execLogGroupName: text('execLogGroupName'),
    execLogGroupEncryption: checked('execLogGroupEncryption'),
    execS3BucketName: text('execS3BucketName'),
    execS3KeyPrefix: text('execS3KeyPrefix'),
    execS3Encryption: checked('execS3Encryption'),
    managedStorageKmsKeyId: text('managedStorageKmsKeyId'),
    fargateEphemeralStorageKmsKeyId: text('fargateEphemeralStorageKmsKeyId'),
    tags: tagRows(formData, text),
  };
}

/** Tag rows in index order; one row past the limit is kept so the schema reports "too many". */
function tagRows(formData: FormData, text: (name: string) => string): ClusterFormValues['tags'] {
  const indexes = new Set<number>();
  for (const name of formData.keys()) {
    const match = /^tags\.(\d+)\.(key|value)$/.exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .slice(0, MAX_USER_TAGS + 1)
    .map((index) => ({ key: text(`tags.${index}.key`), value: text(`tags.${index}.value`) }));
}
