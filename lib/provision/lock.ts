import 'server-only';

const tails = new Map<string, Promise<unknown>>();

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
