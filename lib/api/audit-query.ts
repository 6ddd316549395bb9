import 'server-only';
import { visibleTeams } from '@/lib/auth/permissions';
import type { Principal } from '@/lib/auth/principal';
import type { AuditFilter } from '@/lib/db/journal';
import { AUDIT_ACTIONS, REQUEST_KINDS } from '@/lib/db/records';

/** The audit trail's filters as the page's form and the API's query name them. */
export const AUDIT_PARAMETERS = ['team', 'actor', 'decision', 'kind', 'since', 'until', 'before'] as const;

export type AuditQuery = { filter: Omit<AuditFilter, 'limit'> } | { invalid: (typeof AUDIT_PARAMETERS)[number] };

/**
 * The filters of a query string, narrowed to what the principal may see: an admin (or single-user
 * mode) every event, anyone else their teams' only, whatever `team` says. Times are ISO 8601 (a
 * date alone, or a date and time; without a zone, UTC).
 */
export function auditQueryOf(params: URLSearchParams, principal: Principal): AuditQuery {
  const visible = visibleTeams(principal);
  const text = (name: string) => params.get(name)?.trim().slice(0, 320) || undefined;
  const team = text('team');
  const decision = text('decision');
  const kind = text('kind');
  if (decision && !AUDIT_ACTIONS.some((known) => known === decision)) return { invalid: 'decision' };
  if (kind && !REQUEST_KINDS.some((known) => known === kind)) return { invalid: 'kind' };
  const since = timeOf(text('since'));
  // A date alone as `until` means to the end of that day, as a person picking it means.
  const until = timeOf(text('until'), { dateMeansEndOfDay: true });
  if (since === null) return { invalid: 'since' };
  if (until === null) return { invalid: 'until' };
  const [at, id] = text('before')?.split('|') ?? [];
  if (params.has('before') && !(at && id && timeOf(at))) return { invalid: 'before' };
  return {
    filter: {
      ...(visible !== 'all' && { teams: visible }),
      ...(team && { team }),
      ...(text('actor') && { actor: text('actor') }),
      ...(decision && { action: decision as AuditFilter['action'] }),
      ...(kind && { kind: kind as AuditFilter['kind'] }),
      ...(since && { since }),
      ...(until && { until }),
      ...(at && id && { before: { at, id } }),
    },
  };
}

/** The query string of a filter (for links to the next page, or to an export of the same events). */
export function auditQueryString(params: URLSearchParams, extra: Record<string, string> = {}): string {
  const kept = new URLSearchParams();
  for (const name of AUDIT_PARAMETERS) {
    const value = params.get(name)?.trim();
    if (value && name !== 'before') kept.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) kept.set(name, value);
  return kept.toString();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** An ISO time as stored (UTC, milliseconds); undefined when absent, null when not a time. */
function timeOf(value: string | undefined, { dateMeansEndOfDay = false } = {}): string | undefined | null {
  if (!value) return undefined;
  if (!/^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?$/.test(value)) return null;
  const dateOnly = value.length === 10;
  const zoned = !dateOnly && !/(Z|[+-]\d\d:\d\d)$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const time = Date.parse(zoned);
  if (Number.isNaN(time)) return null;
  return new Date(dateOnly && dateMeansEndOfDay ? time + DAY_MS : time).toISOString();
}
