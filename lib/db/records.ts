import * as z from 'zod';
import { clusterRequestSchema, type ClusterRequest } from '@/lib/cluster/request';
import { deleteRequestSchema, type DeleteRequest } from '@/lib/cluster/delete-request';
import { type ClusterPlan, STEP_STATUSES, type StepError, type StepStatus, WAITS } from '@/lib/cluster/plan';
import type { MessageRef } from '@/lib/i18n/messages';
import type { Selectable } from 'kysely';
import type { AuditEventsTable, RequestsTable, RequestStepsTable } from './tables';

/**
 * What the journal hands out: decoded records, never rows or JSON text. Each stored request says
 * the shape its request and plan were written in (`plan_version`); every shape there has been is
 * read here and brought to today's, so a request stored years ago is resumed, shown and torn down
 * by today's code. Writing always uses the current shape.
 *
 * Shapes:
 * 1. Until December 2026: a create's plan has no `kind` (only a delete's says `"delete"`).
 * 2. Every plan names its kind.
 */
export const PLAN_VERSION = 2;

export const REQUEST_STATES = ['queued', 'running', 'succeeded', 'failed', 'rolledBack'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const REQUEST_KINDS = ['create', 'delete'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

interface RecordOf<K extends RequestKind, R> {
  id: string;
  kind: K;
  clusterName: string;
  account: string;
  region: string;
  request: R;
  plan: ClusterPlan;
  /** The shape the request was stored in (PLAN_VERSION when stored by this code). */
  planVersion: number;
  state: RequestState;
  createdAt: string;
  updatedAt: string;
  /** Who asked (a person's email or `client:<id>`), for which team, under which version of the rules. */
  requestedBy: string | null;
  team: string | null;
  policyVersion: string | null;
}

export type CreateRecord = RecordOf<'create', ClusterRequest>;
export type DeleteRecord = RecordOf<'delete', DeleteRequest>;
export type RequestRecord = CreateRecord | DeleteRecord;

/** One entry of a request's journal: a step's status changed, with what AWS gave or what went wrong. */
export interface JournalEntry {
  seq: number;
  stepIndex: number;
  stepId: string;
  status: StepStatus;
  at: string;
  /** The values the step's answer gives later steps, once it is done. */
  outputs: Record<string, string> | null;
  error: StepError | null;
  /** The worker that wrote the entry. */
  owner: string;
}

export const AUDIT_ACTIONS = [
  'allowed',
  'refused',
  'submitted',
  'claimed',
  'reclaimed',
  'succeeded',
  'failed',
  'rolledBack',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A rule a refused request broke, as the audit trail keeps it. */
export interface AuditedViolation {
  path: string;
  rule: string;
  message: MessageRef;
}

/** One decision or act on a request: who, for which team, under which rules, and what. */
export interface AuditEvent {
  requestId: string;
  kind: RequestKind | null;
  actor: string | null;
  team: string | null;
  action: AuditAction;
  policyVersion: string | null;
  violations?: AuditedViolation[];
  /** The worker that claimed or finished the request. */
  worker?: string;
}

/** An audit event as the audit page and API list it: its id and time, and its request's cluster when stored. */
export interface AuditRecord extends AuditEvent {
  id: string;
  at: string;
  /** The cluster of the request, when it was stored (a refused request never is). */
  clusterName: string | null;
}

/** A stored value that no shape this code knows can read: reported, never guessed at. */
export class StoredRecordError extends Error {
  override name = 'StoredRecordError';
}

const messageRef = z.object({ key: z.string(), params: z.record(z.string(), z.unknown()).optional() });
const awsCall = z.object({
  action: z.string().regex(/^[a-z0-9-]+:[A-Za-z]+$/),
  input: z.record(z.string(), z.unknown()),
});
const planStep = z.object({
  id: z.string(),
  call: awsCall,
  undo: awsCall.optional(),
  waitUntil: z.enum(Object.keys(WAITS) as [keyof typeof WAITS]).optional(),
  doneIfGone: z.literal(true).optional(),
});
const planSchema = z.object({
  kind: z.enum(REQUEST_KINDS),
  clusterName: z.string(),
  requestId: z.string(),
  steps: z.array(planStep),
  keeps: z
    .array(
      z.object({
        resource: z.enum(['capacityProvider', 'autoScalingGroup', 'instanceRole', 'namespace']),
        name: z.string(),
        reason: z.enum(['notMadeHere', 'inUse']),
        usedBy: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  createdBy: z.string().optional(),
});

/** Each earlier shape of a stored plan, brought to the current one. */
const PLAN_UPGRADES: Record<number, (plan: Record<string, unknown>) => Record<string, unknown>> = {
  1: (plan) => ({ ...plan, kind: plan.kind ?? 'create' }),
};

function json(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StoredRecordError(`${what} is not JSON`);
  }
}

function parsed<T>(
  schema: { safeParse: (value: unknown) => { success: boolean; data?: T } },
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredRecordError(`${what} does not have a shape this version reads`);
  return result.data as T;
}

export function decodeRequest(row: Selectable<RequestsTable>): RequestRecord {
  const what = `request ${row.id}`;
  const version = Number(row.plan_version);
  if (!(version >= 1 && version <= PLAN_VERSION)) {
    throw new StoredRecordError(`${what} was stored in shape ${version}, newer than this version reads`);
  }
  let plan = json(row.plan, `${what}'s plan`) as Record<string, unknown>;
  for (let shape = version; shape < PLAN_VERSION; shape += 1) plan = PLAN_UPGRADES[shape]!(plan);
  const base = {
    id: row.id,
    clusterName: row.cluster_name,
    account: row.account,
    region: row.region,
    // The stored SDK inputs are the plan's own, as the code of their day wrote them.
    plan: parsed(planSchema, plan, `${what}'s plan`) as ClusterPlan,
    planVersion: version,
    state: row.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    requestedBy: row.requested_by,
    team: row.team,
    policyVersion: row.policy_version,
  };
  const request = json(row.request, `${what}'s request`);
  return row.kind === 'delete'
    ? { ...base, kind: 'delete', request: parsed<DeleteRequest>(deleteRequestSchema, request, what) }
    : { ...base, kind: 'create', request: parsed<ClusterRequest>(clusterRequestSchema, request, what) };
}

const stepError = z.object({ message: messageRef, awsRequestId: z.string().optional() });
const stepOutputs = z.record(z.string(), z.string());

export function decodeEntry(row: Selectable<RequestStepsTable>): JournalEntry {
  const what = `step ${row.seq} of request ${row.request_id}`;
  return {
    seq: Number(row.seq),
    stepIndex: Number(row.step_index),
    stepId: row.step_id,
    status: parsed(z.enum(STEP_STATUSES), row.status, what),
    at: row.at,
    outputs: row.outputs === null ? null : parsed(stepOutputs, json(row.outputs, what), what),
    error: row.error === null ? null : (parsed(stepError, json(row.error, what), what) as StepError),
    owner: row.owner,
  };
}

const auditDetail = z.object({
  violations: z.array(z.object({ path: z.string(), rule: z.string(), message: messageRef })).optional(),
  worker: z.string().optional(),
});

export function decodeAuditEvent(row: Selectable<AuditEventsTable>): AuditEvent & { at: string; id: string } {
  return {
    id: row.id,
    requestId: row.request_id,
    kind: row.kind,
    at: row.at,
    actor: row.actor,
    team: row.team,
    action: parsed(z.enum(AUDIT_ACTIONS), row.action, `audit event ${row.id}`),
    policyVersion: row.policy_version,
    ...decodeAuditDetail(row.detail),
  };
}

/** Detail is JSON now; older rows kept a worker's name as text, or a refusal's violations as a JSON list. */
function decodeAuditDetail(detail: string | null): Pick<AuditEvent, 'violations' | 'worker'> {
  if (detail === null) return {};
  if (!detail.startsWith('{') && !detail.startsWith('[')) return { worker: detail };
  const value = json(detail, 'an audit event');
  if (Array.isArray(value)) {
    // Older rows kept a list; the one refusal that wrote English text is a team that may not delete.
    return {
      violations: value.map((item: { path?: string; rule?: string; message?: unknown }) => ({
        path: String(item.path ?? ''),
        rule: String(item.rule ?? ''),
        message: typeof item.message === 'object' ? (item.message as MessageRef) : { key: 'delete.forbidden' },
      })),
    };
  }
  return parsed(auditDetail, value, 'an audit event') as Pick<AuditEvent, 'violations' | 'worker'>;
}
