import 'server-only';
import { randomUUID } from 'node:crypto';
import { currentDeadline } from './deadline';
import type { MessageRef } from '@/lib/i18n/messages';
import { log } from '@/lib/telemetry/log';

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
 * An AWS call failed; `action` is the IAM action it needed, as the function that made it declares
 * (see `needs`). The SDK's own error is the cause: every reader of AWS errors looks through this.
 */
export class AwsCallError extends Error {
  override name = 'AwsCallError';
  constructor(
    readonly action: string,
    override readonly cause: unknown,
  ) {
    super(`${action} failed: ${awsErrorMessage(cause)}`);
  }
}

/** AWS accepted work (a cluster, a capacity provider) that did not finish within the wait's deadline. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

/** Every IAM action a function of lib/aws declares it needs: the IAM policy test reads them. */
export const DECLARED_ACTIONS = new Set<string>();

/**
 * Declares the one IAM action an AWS function needs: any failure it throws carries that action, so
 * a denied call's message names the missing permission. Composite functions need no declaration:
 * the functions they call carry their own.
 */
export function needs<Args extends unknown[], Result>(
  action: string,
  call: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  DECLARED_ACTIONS.add(action);
  return async (...args) => {
    try {
      return await call(...args);
    } catch (error) {
      throw error instanceof AwsCallError ? error : new AwsCallError(action, error);
    }
  };
}

/** The SDK's error inside an AwsCallError, or the error itself. */
const sdkError = (error: unknown): unknown => (error instanceof AwsCallError ? error.cause : error);

/**
 * Words an AWS failure as something the user can act on; a denied call names the IAM action it
 * needed. Anything not recognised is logged with AWS's request id and shown as a generic message
 * carrying a reference the administrator can find in the log.
 */
export function describeAwsError(failure: unknown): MessageRef {
  const permission = failure instanceof AwsCallError ? failure.action : 'unknown';
  const error = sdkError(failure);
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
  // The page view's or submit's deadline passed (deadline.ts).
  if (name === 'AbortError') return { key: 'aws.timedOut', params: { seconds: currentDeadline()?.seconds ?? 0 } };
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
  log.error({ error, permission, awsRequestId: reference }, `${permission} failed unexpectedly`);
}

/** The name AWS gave the error, for the few places that branch on one. */
export function awsErrorName(failure: unknown): string | undefined {
  const error = sdkError(failure);
  return typeof error === 'object' && error !== null ? (error as AwsErrorShape).name : undefined;
}

export function awsErrorMessage(failure: unknown): string {
  const error = sdkError(failure);
  return typeof error === 'object' && error !== null ? ((error as AwsErrorShape).message ?? '') : String(error);
}

/** AWS's request id of a failed call, for the journal and the log. */
export const awsRequestIdOf = (failure: unknown): string | undefined =>
  (sdkError(failure) as AwsErrorShape | undefined)?.$metadata?.requestId;

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
