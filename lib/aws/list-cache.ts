import 'server-only';

/**
 * The account's lists the form offers (VPCs, subnets, key pairs, namespaces…), kept for a short
 * time per Region, so page views do not each ask AWS again: a portal's many visitors would
 * otherwise multiply into AWS calls and throttling. Concurrent page views share one read; a failed
 * read is not kept. The process has one set of credentials, so one account: the Region is the key.
 */
interface Entry {
  expires: number;
  value: Promise<unknown>;
}

/** On globalThis so every route's bundle shares the one cache. */
const entries: Map<string, Entry> = ((globalThis as { __awsListCache?: Map<string, Entry> }).__awsListCache ??=
  new Map());

const keepSeconds = () => Number(process.env.AWS_LIST_CACHE_SECONDS ?? 30);

export function cachedList<T>(region: string, name: string, read: () => Promise<T>, fresh = false): Promise<T> {
  const key = `${region}:${name}`;
  const kept = entries.get(key);
  if (!fresh && kept && kept.expires > Date.now()) return kept.value as Promise<T>;
  const value = read();
  entries.set(key, { expires: Date.now() + keepSeconds() * 1000, value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}
