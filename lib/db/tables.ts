import type { ColumnType } from 'kysely';
import type { StepStatus } from '@/lib/cluster/plan';
import type { RequestKind, RequestState } from './records';

/**
 * The tables of the request journal, as Kysely sees them: known to lib/db alone, which hands out
 * decoded records (records.ts). Times are ISO 8601 text (UTC) and JSON is text, so one set of
 * queries serves SQLite and PostgreSQL alike and sorts the same on both.
 */

export interface RequestsTable {
  /** The request id the form issued: one id, one request. */
  id: string;
  /** Whether it creates the cluster or deletes it. */
  kind: ColumnType<RequestKind, RequestKind | undefined, never>;
  cluster_name: string;
  account: string;
  region: string;
  /** The validated ClusterRequest (a DeleteRequest for a delete), as JSON. */
  request: string;
  /** The plan made from it, as JSON. */
  plan: string;
  /** The shape `request` and `plan` were stored in (records.ts reads every shape there has been). */
  plan_version: ColumnType<number, number | undefined, never>;
  /** The instance profile a create's EC2 instances launch with, for "who else uses this profile". */
  instance_profile: string | null;
  state: RequestState;
  created_at: string;
  updated_at: string;
  /** Filled by the portal: who asked, for which team, under which version of the rules. */
  requested_by: string | null;
  team: string | null;
  policy_version: string | null;
  /** The worker that holds the request, until when, and a version every write of it checks. */
  lease_owner: string | null;
  lease_expires_at: string | null;
  fencing: ColumnType<number, number | undefined, number>;
}

export interface RequestStepsTable {
  request_id: string;
  /** Order of the journal's entries for one request: append-only. */
  seq: number;
  step_index: number;
  step_id: string;
  status: StepStatus;
  at: string;
  /** What AWS returned that later steps use, as JSON. */
  outputs: string | null;
  /** The failure: its message reference and AWS's request id, as JSON. */
  error: string | null;
  /** The worker that wrote the entry. */
  owner: string;
}

export interface AuditEventsTable {
  id: string;
  /** The request decided on or acted on; a refused request's id is never stored in requests. */
  request_id: string;
  /** What the request asked: create, delete (null for events written before kinds were recorded). */
  kind: RequestKind | null;
  at: string;
  /** Who: a person's email, an API client's id, or the worker that acted. */
  actor: string | null;
  team: string | null;
  /** submitted, allowed, refused, or the state a worker ended the request in. */
  action: string;
  /** The policy file's hash when a rule decided. */
  policy_version: string | null;
  /** JSON: the violations of a refusal, or the worker that acted (plain text in older rows). */
  detail: string | null;
}

export interface Database {
  requests: RequestsTable;
  request_steps: RequestStepsTable;
  audit_events: AuditEventsTable;
}
