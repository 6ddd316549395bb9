import 'server-only';

/** On globalThis so the action of every route shares one set of locks. */
const tails: Map<string, Promise<unknown>> = ((
  globalThis as { __provisionLocks?: Map<string, Promise<unknown>> }
).__provisionLocks ??= new Map());

/**
 * Runs `work` after every earlier piece of work under the same key has finished, so two submits
 * of the same cluster name in this process never interleave.
 */
export async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(work);
  tails.set(key, current);
  try {
    return await current;
  } finally {
    if (tails.get(key) === current) tails.delete(key);
  }
}
