import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditEvent } from './records';
import type { Database } from './tables';

/**
 * The one writer of the audit trail: every decision (allowed, refused) and every act on a request
 * (submitted, claimed, finished) is written here, by the service and by the worker alike.
 */
export async function writeAuditEvent(
  db: Kysely<Database> | Transaction<Database>,
  at: Date,
  event: AuditEvent,
): Promise<void> {
  const detail =
    event.violations?.length || event.worker
      ? JSON.stringify({
          ...(event.violations?.length && { violations: event.violations }),
          ...(event.worker && { worker: event.worker }),
        })
      : null;
  await db
    .insertInto('audit_events')
    .values({
      id: randomUUID(),
      request_id: event.requestId,
      kind: event.kind,
      at: at.toISOString(),
      actor: event.actor,
      team: event.team,
      action: event.action,
      policy_version: event.policyVersion,
      detail,
    })
    .execute();
}
