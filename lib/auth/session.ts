import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { decodeJwt } from 'jose';
import type { Kysely } from 'kysely';
import { database } from '@/lib/db';
import { currentPolicy } from '@/lib/policy/current';
import { PROVIDER_ID, portalAuth } from './better-auth';
import { personPrincipal, type Principal, SINGLE_USER } from './principal';
import { authSettings } from './settings';

/**
 * Who is behind this page view or form post: the signed-in person (portal mode), or whoever reaches
 * a single-user server; null when nobody is signed in. Memoised for one request.
 */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const settings = authSettings();
  if (settings.mode === 'singleUser') return SINGLE_USER;
  const auth = await portalAuth(settings);
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const { user } = session;
  const groups = await groupsAtSignIn(user.id, settings.groupsClaim);
  return personPrincipal({ id: user.id, name: user.name, email: user.email, groups }, currentPolicy());
});

/** For pages: the principal, or off to the sign-in page and back here afterwards. */
export async function requirePrincipal(returnTo: string): Promise<Principal> {
  const principal = await getPrincipal();
  if (!principal) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return principal;
}

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
