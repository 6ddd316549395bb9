import type { Violation } from '@/lib/cluster/violation';
import type { MessageRef } from '@/lib/i18n/messages';
import { type FieldErrors, fieldMessage, type FormError } from './form-state';

/**
 * Where each part of a ClusterRequest is typed on the Create form: the one translation from the
 * domain's paths (the schema's, the team's rules', AWS's checks') to the form's fields.
 */

/** Where each part of the request is typed on the form (request path with `#` for a row index). */
const FORM_PATH_OF: Record<string, string> = {
  infrastructure: 'fargate',
  'infrastructure.type': 'ec2',
  'infrastructure.autoScalingGroupArn': 'autoScalingGroupArn',
  'infrastructure.instances.spot': 'provisioningModel',
  'infrastructure.instances.spot.allocationStrategy': 'spotAllocationStrategy',
  'infrastructure.instances.securityGroup': 'securityGroupMode',
  'infrastructure.instances.securityGroup.type': 'securityGroupMode',
  'infrastructure.instances.securityGroup.ids': 'securityGroupIds',
  'infrastructure.instances.securityGroup.name': 'securityGroupName',
  'infrastructure.instances.securityGroup.description': 'securityGroupDescription',
  'infrastructure.instances.securityGroup.inboundRules': 'inboundRules',
  'infrastructure.instances.securityGroup.inboundRules.#.type': 'inboundRules.#.type',
  'infrastructure.instances.securityGroup.inboundRules.#.portRange': 'inboundRules.#.ports',
  'infrastructure.instances.securityGroup.inboundRules.#.cidr': 'inboundRules.#.cidr',
  executeCommand: 'execLogging',
  'executeCommand.kmsKeyId': 'execKmsKeyId',
  'executeCommand.logging': 'execLogging',
  'executeCommand.cloudWatch.logGroupName': 'execLogGroupName',
  'executeCommand.s3.bucketName': 'execS3BucketName',
  'executeCommand.s3.keyPrefix': 'execS3KeyPrefix',
  'managedStorage.kmsKeyId': 'managedStorageKmsKeyId',
  'managedStorage.fargateEphemeralStorageKmsKeyId': 'fargateEphemeralStorageKmsKeyId',
};

/** The form field a problem with part of the request belongs to, as a react-hook-form path. */
export function formPath(requestPath: readonly PropertyKey[]): (string | number)[] {
  const index = requestPath.find((part) => typeof part === 'number');
  for (let length = requestPath.length; length > 0; length -= 1) {
    const prefix = requestPath.slice(0, length).map((part) => (typeof part === 'number' ? '#' : String(part)));
    const mapped = FORM_PATH_OF[prefix.join('.')];
    if (mapped) return mapped.split('.').map((part) => (part === '#' ? (index as number) : part));
    // The new group's own fields have the form's names.
    if (prefix.length === 3 && prefix[1] === 'instances') return [prefix[2] as string];
  }
  return requestPath.map((part) => (typeof part === 'number' ? part : String(part)));
}

/**
 * A refusal as the form shows it: each violation at its field (the first one per field), and one
 * that belongs to no field (or whose message is not a field's) above the form's actions.
 */
export function formAnswerOf(violations: readonly Violation[]): { fieldErrors: FieldErrors; formError?: FormError } {
  const fieldErrors: FieldErrors = {};
  let formError: FormError | undefined;
  for (const { path, message } of violations) {
    if (path.length > 0 && isFieldMessage(message)) fieldErrors[formPath(path).join('.')] ??= fieldMessage(message);
    else formError ??= { message };
  }
  return { fieldErrors, ...(formError && { formError }) };
}

const isFieldMessage = (message: MessageRef): message is Parameters<typeof fieldMessage>[0] =>
  message.key.startsWith('validation.');
