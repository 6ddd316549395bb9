import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { decodeJwt } from 'jose';
import type { Kysely } from 'kysely';
import { database } from '@/lib/db';
import { PROVIDER_ID, portalAuth } from './better-auth';
import { authSettings } from './settings';

/**
 * Who is asking: a signed-in person or an API client with a token (portal mode), or whoever
 * reaches a single-user server.
 */
export type Principal =
  | { kind: 'local' }
  | { kind: 'person'; id: string; name: string; email: string; groups: string[] }
  | { kind: 'client'; clientId: string };

/** How the audit trail and the journal name who asked. */
export const actorOf = (principal: Principal) =>
  principal.kind === 'person' ? principal.email : principal.kind === 'client' ? `client:${principal.clientId}` : null;

/**
 * The person behind this request, or null when nobody is signed in (portal mode only). Server
 * components, the server action and the API all ask here; memoised for one request.
 */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const settings = authSettings();
  if (settings.mode === 'singleUser') return { kind: 'local' };
  const auth = await portalAuth(settings);
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const { user } = session;
  return {
    kind: 'person',
    id: user.id,
    name: user.name,
    email: user.email,
    groups: await groupsAtSignIn(user.id, settings.groupsClaim),
  };
});

/**
 * The groups claim of the ID token the identity provider gave at the person's last sign-in:
 * verified by Better Auth then, kept on the server with the account, never sent by a browser.
 */
async function groupsAtSignIn(userId: string, claim: string): Promise<string[]> {
  const db = (await database()) as unknown as Kysely<AuthTables>;
  const account = await db
    .selectFrom('auth_accounts')
    .select('idToken')
    .where('userId', '=', userId)
    .where('providerId', '=', PROVIDER_ID)
    .executeTakeFirst();
  if (!account?.idToken) return [];
  const groups = decodeJwt(account.idToken)[claim];
  return Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
}

/** The one column of Better Auth's tables read here. */
interface AuthTables {
  auth_accounts: { userId: string; providerId: string; idToken: string | null };
}
