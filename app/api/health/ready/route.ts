import { readinessOf, SERVER_CHECKS } from '@/lib/runtime/readiness';

/**
 * Readiness: 200 when this process can take requests (its journal, worker, AWS credentials and
 * policy), 503 otherwise, with each check. Never behind sign-in, never cached.
 */
export async function GET(): Promise<Response> {
  const { ready, checks } = await readinessOf(SERVER_CHECKS);
  return Response.json(
    { status: ready ? 'ready' : 'not ready', checks },
    { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}

export const dynamic = 'force-dynamic';
