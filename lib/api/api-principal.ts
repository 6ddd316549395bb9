import 'server-only';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { machinePrincipal, type Principal, SINGLE_USER } from '@/lib/auth/principal';
import { getPrincipal } from '@/lib/auth/session';
import { type AuthSettings, authSettings, type PortalSettings } from '@/lib/auth/settings';
import { currentPolicy } from '@/lib/policy/current';
import type { ApiScope } from './scopes';

export type CallerProblem = 'unauthenticated' | 'invalidToken' | 'forbiddenScope' | 'issuerUnavailable';

/** The issuer's signing keys, fetched once and refreshed by jose when a new key id appears. */
let keys: { issuer: string; set: ReturnType<typeof createRemoteJWKSet> } | undefined;
async function signingKeys(issuer: string) {
  if (keys?.issuer !== issuer) {
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
      jwks_uri: string;
    };
    keys = { issuer, set: createRemoteJWKSet(new URL(discovery.jwks_uri)) };
  }
  return keys.set;
}

/**
 * Who calls the API: a machine with a client-credentials access token (a JWT from the same
 * issuer: signature, issuer, audience and expiry checked with jose), or, for reads only, a person
 * signed in to the pages. In single-user mode, whoever reaches the loopback-only server.
 */
export async function apiPrincipal(
  request: Request,
  needed: ApiScope,
  settings: AuthSettings = authSettings(),
): Promise<Principal | CallerProblem> {
  if (settings.mode === 'singleUser') return SINGLE_USER;
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!bearer) {
    // A browser's session reads; writes need a token, so no other site's page can make them.
    const person = needed.endsWith(':read') ? await getPrincipal() : null;
    return person ?? 'unauthenticated';
  }
  const claims = await verifiedClaims(bearer, settings);
  if (typeof claims === 'string') return claims;
  if (
    !String(claims.scope ?? '')
      .split(' ')
      .includes(needed)
  )
    return 'forbiddenScope';
  return machinePrincipal(String(claims.client_id ?? claims.sub ?? ''), currentPolicy());
}

async function verifiedClaims(token: string, settings: PortalSettings) {
  let keySet;
  try {
    keySet = await signingKeys(settings.issuer);
  } catch {
    return 'issuerUnavailable' as const;
  }
  try {
    const { payload } = await jwtVerify(token, keySet, {
      issuer: settings.issuer,
      audience: settings.apiAudience,
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'issuerUnavailable' as const;
    if (error instanceof errors.JOSEError) return 'invalidToken' as const;
    return 'issuerUnavailable' as const; // the issuer's keys could not be fetched: not the caller's fault
  }
}
