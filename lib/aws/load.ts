import 'server-only';
import type { Loaded } from '@/lib/cluster/options';
import { currentRegion } from './clients';
import { describeAwsError } from './errors';
import { cachedList } from './list-cache';

/** Runs a read for a page; a failure becomes a message the page can show instead of crashing. */
export async function load<T>(permission: string, read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error: describeAwsError(error, permission) };
  }
}

/** A list the form offers, kept a short while per Region (see list-cache); `fresh` asks AWS again. */
export async function loadList<T>(permission: string, read: () => Promise<T>, fresh = false): Promise<Loaded<T>> {
  const region = (await currentRegion()) ?? 'unknown';
  return load(permission, () => cachedList(region, permission, read, fresh));
}
