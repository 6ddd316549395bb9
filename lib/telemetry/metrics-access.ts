import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Who may read /metrics on the app's own port: whoever sends `Authorization: Bearer <METRICS_TOKEN>`.
 * Without METRICS_TOKEN nobody may there: the metrics are served on this machine's loopback
 * address only (metrics-listener.ts).
 */
export function mayReadMetrics(authorization: string | null, token: string | undefined): boolean {
  if (!token || !authorization?.startsWith('Bearer ')) return false;
  // Compared as digests of equal length, in constant time: the answer tells nothing of the token.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(authorization.slice('Bearer '.length)), digest(token));
}
