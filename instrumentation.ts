/**
 * Runs once when a server process starts (lib/runtime/server-start.ts says what it does). Not in
 * the Edge runtime, and not while `next build` renders pages; the test of NEXT_RUNTIME stays here,
 * where the bundler sees it, so the Edge build leaves the server's modules out.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  await (await import('@/lib/runtime/server-start')).startServerProcess();
}
