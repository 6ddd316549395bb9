import 'server-only';
import type { Loaded } from '@/lib/cluster/options';
import { describeAwsError } from './errors';

/** Runs a read for a page; a failure becomes a message the page can show instead of crashing. */
export async function load<T>(permission: string, read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error: describeAwsError(error, permission) };
  }
}
