/** Liveness: the process answers. Never behind sign-in, never cached. */
export function GET(): Response {
  return Response.json({ status: 'live' }, { headers: { 'cache-control': 'no-store' } });
}

export const dynamic = 'force-dynamic';
