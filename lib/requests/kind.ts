import type { Principal } from '@/lib/auth/principal';
import type { Journal, NewRequest } from '@/lib/db/journal';
import type { RequestRecord } from '@/lib/db/records';
import type { Refused } from './outcome';

/** A request as submitted to the service, by kind. */
export type SubmittedRequest =
  /** `request`: a ClusterRequest, not yet trusted: the service judges it by its schema. */
  | { kind: 'create'; request: unknown }
  /** `shownDigest`: the teardown plan the person reviewed; the API, which shows none, leaves it out. */
  | { kind: 'delete'; clusterName: string; requestId: string; shownDigest?: string };

/** A request the service may store: all but where (the account and Region) and its id. */
export type Prepared = NewRequest extends infer N
  ? N extends unknown
    ? Omit<N, 'id' | 'account' | 'region'>
    : never
  : never;

/**
 * How the service handles one kind of request: parse it (the id, the cluster, the request as it
 * would be stored), tell whether an earlier request with its id is the same, and judge and plan it.
 * A read of AWS that fails throws (AwsCallError); the service answers that as awsUnavailable.
 */
export interface RequestKindHandler<S extends SubmittedRequest, R> {
  parse(principal: Principal, submitted: S): { id: string; clusterName: string; request: R } | Refused;
  sameAs(earlier: RequestRecord, request: R): boolean;
  prepare(principal: Principal, request: R, journal: Journal): Promise<Prepared | Refused>;
}
