/**
 * How people sign in, from the environment. Portal mode when an OpenID Connect issuer is
 * configured; otherwise single-user mode, for one engineer on their own machine.
 */
export interface PortalSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Signs and encrypts the session cookies; at least 32 characters. */
  secret: string;
  /** Where people reach the app: the identity provider sends them back to `${appUrl}/api/auth/callback/oidc`. */
  appUrl: string;
  /** The ID token / userinfo claim that lists a person's groups. */
  groupsClaim: string;
  /** How long a session lasts before the identity provider is asked again. */
  sessionSeconds: number;
  /** The audience an API client's access token must name. */
  apiAudience: string;
}

export type AuthSettings = { mode: 'singleUser' } | ({ mode: 'portal' } & PortalSettings);

export class AuthSettingsError extends Error {
  override name = 'AuthSettingsError';
}

export function authSettings(env: Record<string, string | undefined> = process.env): AuthSettings {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return { mode: 'singleUser' };
  const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'AUTH_SECRET', 'APP_URL'].filter(
    (name) => !env[name]?.trim(),
  );
  if (missing.length > 0) {
    throw new AuthSettingsError(`OIDC_ISSUER is set, so the portal also needs ${missing.join(', ')}.`);
  }
  if (env.AUTH_SECRET!.length < 32) throw new AuthSettingsError('AUTH_SECRET must be at least 32 characters.');
  const hours = Number(env.SESSION_HOURS ?? 8);
  if (!(hours > 0)) throw new AuthSettingsError('SESSION_HOURS must be a number of hours above 0.');
  return {
    mode: 'portal',
    issuer: issuer.replace(/\/$/, ''),
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET!.trim(),
    secret: env.AUTH_SECRET!,
    appUrl: env.APP_URL!.trim().replace(/\/$/, ''),
    groupsClaim: env.OIDC_GROUPS_CLAIM?.trim() || 'groups',
    sessionSeconds: Math.round(hours * 3600),
    apiAudience: env.API_AUDIENCE?.trim() || `${env.APP_URL!.trim().replace(/\/$/, '')}/api/v1`,
  };
}
