/**
 * Runs once when a server process starts: every process (every replica) runs a provisioning
 * worker that takes up requests from the journal. Not in the Edge runtime, and not while
 * `next build` renders pages.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // In portal mode a server without its sign-in settings or a usable policy file stops at once.
  (await import('@/lib/auth/portal-startup')).checkPortalSettings();
  const [{ database }, { databaseProblem }, { startWorker }] = await Promise.all([
    import('@/lib/db'),
    import('@/lib/db/problems'),
    import('@/lib/runtime'),
  ]);
  // Said at once in the log; every page says it too, in the person's language, until it is fixed.
  await database().catch((error: unknown) => {
    const problem = databaseProblem(error);
    console.error(
      `[database] ${problem.key}: ${problem.params?.detail ?? ''} (DATABASE_URL; see the README's settings)`,
    );
  });
  startWorker();
}
