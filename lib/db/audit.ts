import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

export interface Decision {
  requestId: string;
  /** The person's email or the API client's id; null in single-user mode. */
  actor: string | null;
  team: string | null;
  allowed: boolean;
  policyVersion: string | null;
  /** The rules broken, when refused. */
  violations?: unknown[];
}

/** Writes one policy decision to the audit trail: who asked for what, for which team, and the verdict. */
export async function recordDecision(db: Kysely<Database> | Transaction<Database>, decision: Decision) {
  await db
    .insertInto('audit_events')
    .values({
      id: randomUUID(),
      request_id: decision.requestId,
      at: new Date().toISOString(),
      actor: decision.actor,
      team: decision.team,
      action: decision.allowed ? 'allowed' : 'refused',
      policy_version: decision.policyVersion,
      detail: decision.violations?.length ? JSON.stringify(decision.violations) : null,
    })
    .execute();
}

/** A request's audit trail, oldest first. */
export function auditOf(db: Kysely<Database>, requestId: string) {
  return db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).orderBy('at').execute();
}
