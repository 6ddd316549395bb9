import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { MessageRef } from '@/lib/i18n/messages';

/** One broken rule of a refused request: where, which rule, and what it says. */
export interface ApiViolation {
  path: string;
  rule: string;
  message: string;
}

/**
 * An error answer as RFC 9457 describes it (application/problem+json): a type and title per kind
 * of problem, what happened in this case, and for validation and policy refusals every violation.
 * Never a stack, a path on the server or an AWS endpoint.
 */
export function problem(
  status: number,
  kind: string,
  title: string,
  detail?: string,
  extra: {
    violations?: ApiViolation[];
    /** Extension members this kind of problem carries (RFC 9457 §3.2). */
    members?: Record<string, number | string>;
    headers?: Record<string, string>;
  } = {},
): Response {
  return new Response(
    JSON.stringify({
      type: `/api/docs#problem-${kind}`,
      title,
      status,
      ...(detail && { detail }),
      ...(extra.violations && { violations: extra.violations }),
      ...extra.members,
    }),
    { status, headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...extra.headers } },
  );
}

/** The API speaks English: the same messages the pages show, in the English catalogue. */
export async function englishText(message: MessageRef): Promise<string> {
  return (await englishTranslator())(message);
}

/**
 * The English catalogue as a function, got while the request is being handled: a streamed answer
 * (the audit export) renders messages after that, where next-intl can no longer be asked.
 */
export async function englishTranslator(): Promise<(message: MessageRef) => string> {
  const t = (await getTranslations({ locale: 'en' })) as unknown as (
    key: string,
    params?: MessageRef['params'],
  ) => string;
  return (message) => t(message.key, message.params);
}
