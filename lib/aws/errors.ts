import 'server-only';
import { randomUUID } from 'node:crypto';
import type { MessageRef } from '@/lib/i18n/messages';

/** What the server knows of a failed AWS call, as the SDK reports it. */
interface AwsErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AuthorizationError']);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
]);
const LIMIT_EXCEEDED = new Set(['LimitExceededException', 'LimitExceededFault', 'LimitExceeded']);
const INVALID_REQUEST = new Set([
  'InvalidParameterException',
  'ClientException',
  'ValidationError',
  'ValidationException',
  'InvalidParameterValue',
  'NamespaceNotFoundException',
  'UpdateInProgressException',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE']);

/**
 * Words an AWS failure as something the user can act on. `permission` is the IAM action the call
 * needed. Anything not recognised is logged with AWS's request id and shown as a generic message
 * carrying a reference the administrator can find in the log.
 */
export function describeAwsError(error: unknown, permission: string): MessageRef {
  const aws = (typeof error === 'object' && error !== null ? error : {}) as AwsErrorShape;
  const name = aws.name ?? '';
  const status = aws.$metadata?.httpStatusCode;
  const detail = aws.message ?? '';

  // Our own checks of AWS's answers (a missing value, a wait that timed out) explain themselves.
  if (name === 'StepResultError' || name === 'WaitTimeoutError') return { key: 'aws.stepProblem', params: { detail } };
  if (ACCESS_DENIED.has(name)) return { key: 'aws.accessDenied', params: { permission } };
  if (THROTTLED.has(name)) return { key: 'aws.throttled' };
  if (LIMIT_EXCEEDED.has(name)) return { key: 'aws.limitExceeded', params: { detail } };
  if (INVALID_REQUEST.has(name)) return { key: 'aws.invalidRequest', params: { detail } };
  if (name === 'CredentialsProviderError') return { key: 'aws.noCredentials' };
  const timedOutAfterMs = name === 'TimeoutError' ? /(\d+) ?ms/.exec(detail)?.[1] : undefined;
  if (timedOutAfterMs) return { key: 'aws.timedOut', params: { seconds: Math.round(Number(timedOutAfterMs) / 1000) } };
  const networkCode = networkErrorCode(aws);
  if (networkCode) return { key: 'aws.unreachable', params: { detail: networkCode } };
  if (aws.$fault === 'server' || (status !== undefined && status >= 500)) {
    logUnexpected(error, permission, aws.$metadata?.requestId);
    return { key: 'aws.serviceError' };
  }
  const reference = aws.$metadata?.requestId ?? randomUUID();
  logUnexpected(error, permission, reference);
  return { key: 'aws.unexpected', params: { reference } };
}

function networkErrorCode(error: AwsErrorShape): string | undefined {
  if (error.code && NETWORK_CODES.has(error.code)) return error.code;
  if (error.name === 'TimeoutError') return 'timeout';
  const cause = (error as { cause?: AwsErrorShape }).cause;
  if (cause?.code && NETWORK_CODES.has(cause.code)) return cause.code;
  // AggregateError from a connect attempt to every resolved address
  const inner = (error as { errors?: AwsErrorShape[] }).errors?.find((e) => e.code && NETWORK_CODES.has(e.code));
  return inner?.code;
}

function logUnexpected(error: unknown, permission: string, reference: string | undefined) {
  console.error(`[aws] ${permission} failed unexpectedly (reference ${reference ?? 'none'})`, error);
}

/** The name AWS gave the error, for the few places that branch on one. */
export function awsErrorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as AwsErrorShape).name : undefined;
}

export function awsErrorMessage(error: unknown): string {
  return typeof error === 'object' && error !== null ? ((error as AwsErrorShape).message ?? '') : String(error);
}

const NOT_FOUND = new Set([
  'NoSuchEntity',
  'NoSuchEntityException',
  'InvalidLaunchTemplateName.NotFoundException',
  'InvalidLaunchTemplateId.NotFound',
  'InvalidGroup.NotFound',
  'ClusterNotFoundException',
]);

/**
 * AWS saying the resource a call names does not exist. Auto Scaling and ECS's capacity providers
 * say so only in words, under a general error name.
 */
export function isNotFound(error: unknown): boolean {
  const name = awsErrorName(error) ?? '';
  if (NOT_FOUND.has(name)) return true;
  return (
    (name === 'ValidationError' || name === 'ClientException' || name === 'InvalidParameterException') &&
    /not found|does not exist/i.test(awsErrorMessage(error))
  );
}
