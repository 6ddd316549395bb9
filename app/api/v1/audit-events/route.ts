import { apiPrincipal } from '@/lib/api/api-principal';
import { auditQueryOf, auditQueryString } from '@/lib/api/audit-query';
import { auditView, CSV_COLUMNS, csvRow } from '@/lib/api/audit-view';
import { callerProblem } from '@/lib/api/http';
import { englishTranslator, problem } from '@/lib/api/problem';
import type { AuditFilter } from '@/lib/db/journal';
import { journal } from '@/lib/runtime';

const PAGE_SIZE = 50;
const EXPORT_PAGE_SIZE = 500;

/**
 * GET: the audit trail of the caller's teams (every team's for an admin), newest first, filtered
 * by team, actor, decision, kind and time; JSON a keyset page at a time, or every matching event as
 * CSV (`format=csv` or `Accept: text/csv`) or JSON Lines (`format=jsonl` or `Accept:
 * application/jsonl`), streamed page by page from the journal.
 */
export async function GET(request: Request): Promise<Response> {
  const principal = await apiPrincipal(request, 'audit:read');
  if (typeof principal === 'string') return callerProblem(principal);
  const url = new URL(request.url);
  const query = auditQueryOf(url.searchParams, principal);
  if ('invalid' in query) {
    return problem(400, 'query', `The query’s ${query.invalid} cannot be read`, QUERY_HELP[query.invalid]);
  }
  const format = exportFormat(url.searchParams.get('format'), request.headers.get('accept'));
  const store = await journal();
  const english = await englishTranslator();
  if (format) {
    return exported(format, english, (before) =>
      store.auditEvents({ ...query.filter, before, limit: EXPORT_PAGE_SIZE }),
    );
  }

  const page = await store.auditEvents({ ...query.filter, limit: PAGE_SIZE });
  const next = page.next && auditQueryString(url.searchParams, { before: `${page.next.at}|${page.next.id}` });
  return Response.json(
    {
      items: page.events.map((event) => auditView(event, english)),
      next: next ? `/api/v1/audit-events?${next}` : null,
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}

const QUERY_HELP = {
  team: undefined,
  actor: undefined,
  decision: 'decision is one of allowed, refused, submitted, claimed, reclaimed, succeeded, failed, rolledBack.',
  kind: 'kind is create or delete.',
  since: 'since is an ISO 8601 time, e.g. 2026-12-01 or 2026-12-01T09:00:00Z.',
  until: 'until is an ISO 8601 time, e.g. 2026-12-31 or 2026-12-31T18:00:00Z.',
  before: 'before is the cursor of a `next` link; follow the link as it is.',
} as const;

type Format = 'csv' | 'jsonl';

function exportFormat(asked: string | null, accept: string | null): Format | undefined {
  if (asked === 'csv' || asked === 'jsonl') return asked;
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes('application/jsonl') || accept?.includes('application/x-ndjson')) return 'jsonl';
  return undefined;
}

function exported(
  format: Format,
  english: Awaited<ReturnType<typeof englishTranslator>>,
  pageBefore: (before: AuditFilter['before']) => ReturnType<Awaited<ReturnType<typeof journal>>['auditEvents']>,
): Response {
  const encoder = new TextEncoder();
  let before: AuditFilter['before'];
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === 'csv') controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(',')}\r\n`));
    },
    async pull(controller) {
      if (done) return controller.close();
      const page = await pageBefore(before);
      for (const event of page.events) {
        const view = auditView(event, english);
        controller.enqueue(encoder.encode(format === 'csv' ? `${csvRow(view)}\r\n` : `${JSON.stringify(view)}\n`));
      }
      before = page.next;
      done = !page.next;
    },
  });
  return new Response(body, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8',
      'content-disposition': `attachment; filename="audit-events.${format}"`,
      'cache-control': 'no-store',
    },
  });
}
