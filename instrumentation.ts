/**
 * Runs once when a server process starts: every process (every replica) runs a provisioning
 * worker that takes up requests from the journal. Not in the Edge runtime, and not while
 * `next build` renders pages.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startWorker } = await import('@/lib/provision/worker');
  startWorker();
}
