import 'server-only';
import type { Loaded } from '@/lib/cluster/options';
import { currentRegion } from './clients';
import { describeAwsError } from './errors';
import { cachedList } from './list-cache';

/** Runs a read for a page; a failure becomes a message the page can show instead of crashing. */
export async function load<T>(read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error: describeAwsError(error) };
  }
}

/** A list the form offers, kept a short while per Region under `name` (see list-cache); `fresh` asks AWS again. */
export async function loadList<T>(name: string, read: () => Promise<T>, fresh = false): Promise<Loaded<T>> {
  const region = (await currentRegion()) ?? 'unknown';
  return load(() => cachedList(region, name, read, fresh));
}
