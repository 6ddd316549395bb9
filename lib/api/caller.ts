import 'server-only';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { getViewer, type Viewer, viewerOf } from '@/lib/auth/viewer';
import { type AuthSettings, authSettings, type PortalSettings } from '@/lib/auth/settings';
import type { ApiScope } from './scopes';

/** Who calls the API, as the policy sees them. */
export interface ApiCaller {
  viewer: Viewer;
}

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
 * The API's caller: a machine with a client-credentials access token (a JWT from the same
 * issuer: signature, issuer, audience and expiry checked with jose), or, for reads only, a person
 * signed in to the pages. In single-user mode, whoever reaches the loopback-only server.
 */
export async function apiCaller(
  request: Request,
  needed: ApiScope,
  settings: AuthSettings = authSettings(),
): Promise<ApiCaller | CallerProblem> {
  if (settings.mode === 'singleUser') return { viewer: { principal: { kind: 'local' }, scope: 'everything' } };
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!bearer) {
    // A browser's session reads; writes need a token, so no other site's page can make them.
    const viewer = needed === 'cluster-requests:read' ? await getViewer() : null;
    return viewer ? { viewer } : 'unauthenticated';
  }
  const claims = await verifiedClaims(bearer, settings);
  if (typeof claims === 'string') return claims;
  if (
    !String(claims.scope ?? '')
      .split(' ')
      .includes(needed)
  )
    return 'forbiddenScope';
  return { viewer: viewerOf({ kind: 'client', clientId: String(claims.client_id ?? claims.sub ?? '') }) };
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
