import { AwsCallError, describeAwsError } from '@/lib/aws/errors';
import type { Violation } from '@/lib/cluster/violation';
import { databaseProblem } from '@/lib/db/problems';
import type { RequestRecord } from '@/lib/db/records';
import type { MessageRef } from '@/lib/i18n/messages';

/**
 * What the request service answers, in the domain's terms: each door (the form's action, the
 * HTTP API) translates it once, the form to its fields, the API to a status.
 */
export type Outcome = Accepted | Refused;

export interface Accepted {
  ok: true;
  /** The stored request: new, or the one this request id already made. */
  request: RequestRecord;
}

export const REFUSAL_REASONS = [
  /** The request does not describe a valid cluster, or does not fit the account (a subnet outside the VPC). */
  'invalid',
  /** The principal does not act for the team the request names (or names none). */
  'team',
  /** The team's rules refuse what the request asks for. */
  'policy',
  /** The team's rules forbid this kind of request (a team that may not delete). */
  'forbidden',
  /** No such cluster the principal may see. */
  'notFound',
  /** An active cluster already has the name. */
  'nameTaken',
  /** Another request for the cluster has not finished. */
  'unfinished',
  /** The cluster still runs services or tasks. */
  'inUse',
  /** What would run now is not the plan the person reviewed. */
  'planChanged',
  /** The request id was used before, for another request. */
  'requestIdReused',
  /** AWS could not be asked what the request needs to know. */
  'awsUnavailable',
  /** The journal could not be read or written. */
  'storeUnavailable',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface Refused {
  ok: false;
  reason: RefusalReason;
  /** What is wrong, each at its domain path; at least one. */
  violations: Violation[];
  /** An in-use cluster's services and tasks. */
  usage?: { services: number; tasks: number };
}

export const refused = (reason: RefusalReason, violations: Violation[], extra: Partial<Refused> = {}): Refused => ({
  ok: false,
  reason,
  violations,
  ...extra,
});

/** A refusal about the request as a whole, not one of its fields. */
export const refusedWith = (reason: RefusalReason, rule: string, message: MessageRef, extra: Partial<Refused> = {}) =>
  refused(reason, [{ path: [], rule, message }], extra);

/** A read or write that failed on the way: AWS could not be asked, or the journal could not be used. */
export function refusedForFailure(error: unknown): Refused {
  return error instanceof AwsCallError
    ? refusedWith('awsUnavailable', 'awsAnswers', describeAwsError(error))
    : refusedWith('storeUnavailable', 'journalAnswers', databaseProblem(error));
}
