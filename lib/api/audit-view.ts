import 'server-only';
import type { AuditRecord } from '@/lib/db/records';
import type { MessageRef } from '@/lib/i18n/messages';

/** An audit event as the API answers it (JSON, and one line of JSON Lines), its messages in English. */
export function auditView(event: AuditRecord, english: (message: MessageRef) => string) {
  return {
    id: event.id,
    at: event.at,
    requestId: event.requestId,
    clusterName: event.clusterName,
    kind: event.kind,
    actor: event.actor,
    team: event.team,
    decision: event.action,
    policyVersion: event.policyVersion,
    violations: (event.violations ?? []).map(({ path, rule, message }) => ({ path, rule, message: english(message) })),
    worker: event.worker ?? null,
    links: { request: `/api/v1/cluster-requests/${event.requestId}` },
  };
}

export const CSV_COLUMNS = [
  'at',
  'requestId',
  'clusterName',
  'kind',
  'actor',
  'team',
  'decision',
  'policyVersion',
  'violations',
  'worker',
] as const;

/** One CSV row (RFC 4180), a cell a spreadsheet would run as a formula quoted as text. */
export function csvRow(view: ReturnType<typeof auditView>): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    ...Object.fromEntries(CSV_COLUMNS.map((column) => [column, ''])),
    at: view.at,
    requestId: view.requestId,
    clusterName: view.clusterName ?? '',
    kind: view.kind ?? '',
    actor: view.actor ?? '',
    team: view.team ?? '',
    decision: view.decision,
    policyVersion: view.policyVersion ?? '',
    violations: view.violations.map((violation) => `${violation.path}: ${violation.rule}`).join('; '),
    worker: view.worker ?? '',
  } as Record<(typeof CSV_COLUMNS)[number], string>;
  return CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',');
}

export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
