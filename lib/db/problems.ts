import type { MessageRef } from '@/lib/i18n/messages';
import { DatabaseSetupError } from './connect';
import { log } from '@/lib/telemetry/log';

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  '57P03',
  '3D000',
  '28P01',
  '28000',
]);

/** Words a database failure as what is wrong and what to do about it. */
export function databaseProblem(error: unknown): MessageRef {
  if (error instanceof DatabaseSetupError)
    return { key: `database.${error.problem}`, params: { detail: error.detail } };
  const { code = '', message = '' } = (error ?? {}) as { code?: string; message?: string };
  const detail = code || message;
  if (UNREACHABLE.has(code)) return { key: 'database.unreachable', params: { detail } };
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY_DBMOVED') {
    return { key: 'database.notWritable', params: { detail } };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return { key: 'database.corrupt', params: { detail } };
  log.error({ error }, 'unexpected database failure');
  return { key: 'database.failed', params: { detail } };
}
