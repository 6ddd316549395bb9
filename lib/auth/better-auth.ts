import 'server-only';
import { betterAuth } from 'better-auth';
import { nextCookies } from 'better-auth/next-js';
import { genericOAuth } from 'better-auth/plugins';
import { database } from '@/lib/db';
import { DEFAULT_DATABASE_URL, engineOf } from '@/lib/db/connect';
import type { PortalSettings } from './settings';

/** The identity provider's id in Better Auth: its callback is /api/auth/callback/oidc. */
export const PROVIDER_ID = 'oidc';

function createAuth(settings: PortalSettings, db: Awaited<ReturnType<typeof database>>) {
  return betterAuth({
    appName: 'Amazon ECS console',
    baseURL: settings.appUrl,
    secret: settings.secret,
    database: { db, type: engineOf(process.env.DATABASE_URL || DEFAULT_DATABASE_URL) },
    user: { modelName: 'auth_users' },
    // A session is not extended: when it ends, the identity provider is asked again, so a person
    // whose identity-provider session ended (or who left a group) signs in again.
    session: { modelName: 'auth_sessions', expiresIn: settings.sessionSeconds, disableSessionRefresh: true },
    // The ID token (verified at sign-in, replaced at each one) is where a person's groups are read.
    account: { modelName: 'auth_accounts', updateAccountOnSignIn: true },
    // People are who the identity provider says: nothing about them is changed from the browser.
    disabledPaths: ['/update-user', '/change-email', '/delete-user', '/link-social', '/unlink-account'],
    verification: { modelName: 'auth_verifications' },
    plugins: [
      genericOAuth({
        config: [
          {
            providerId: PROVIDER_ID,
            discoveryUrl: `${settings.issuer}/.well-known/openid-configuration`,
            requireIdTokenVerification: true,
            clientId: settings.clientId,
            clientSecret: settings.clientSecret,
            scopes: ['openid', 'profile', 'email', settings.groupsClaim],
            pkce: true,
            overrideUserInfo: true,
            mapProfileToUser: (profile) => ({
              name: String(profile.name ?? profile.preferred_username ?? profile.sub ?? ''),
              email: String(profile.email ?? ''),
            }),
          },
        ],
      }),
      nextCookies(), // sets the cookies of a sign-in started from a server action
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** One Better Auth per process, over the app's own database. */
export function portalAuth(settings: PortalSettings): Promise<Auth> {
  const holder = globalThis as { __ecsConsoleAuth?: Promise<Auth> };
  holder.__ecsConsoleAuth ??= database().then((db) => createAuth(settings, db));
  holder.__ecsConsoleAuth.catch(() => {
    holder.__ecsConsoleAuth = undefined;
  });
  return holder.__ecsConsoleAuth;
}
