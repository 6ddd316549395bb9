import 'server-only';
import type { MessageRef } from '@/lib/i18n/messages';
import { describeAwsError } from './errors';

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: MessageRef };

/** Runs a read for a page; a failure becomes a message the page can show instead of crashing. */
export async function load<T>(permission: string, read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error: describeAwsError(error, permission) };
  }
}
