import 'server-only';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { getViewer, type Viewer, viewerOf } from '@/lib/auth/viewer';
import { type AuthSettings, authSettings, type PortalSettings } from '@/lib/auth/settings';
import { API_SCOPES, type ApiScope } from './scopes';

/** Who calls the API and what their token lets them do. */
export interface ApiCaller {
  viewer: Viewer;
  scopes: ReadonlySet<ApiScope>;
}

export type CallerProblem = 'unauthenticated' | 'invalidToken' | 'forbiddenScope';

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
  if (settings.mode === 'singleUser')
    return { viewer: { principal: { kind: 'local' }, scope: 'everything' }, scopes: new Set(API_SCOPES) };
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!bearer) {
    // A browser's session reads; writes need a token, so no other site's page can make them.
    const viewer = needed === 'cluster-requests:read' ? await getViewer() : null;
    return viewer ? { viewer, scopes: new Set(['cluster-requests:read']) } : 'unauthenticated';
  }
  const claims = await verifiedClaims(bearer, settings);
  if (!claims) return 'invalidToken';
  const scopes = new Set(
    String(claims.scope ?? '')
      .split(' ')
      .filter((scope): scope is ApiScope => (API_SCOPES as readonly string[]).includes(scope)),
  );
  if (!scopes.has(needed)) return 'forbiddenScope';
  const clientId = String(claims.client_id ?? claims.sub ?? '');
  return { viewer: viewerOf({ kind: 'client', clientId }), scopes };
}

async function verifiedClaims(token: string, settings: PortalSettings) {
  try {
    const { payload } = await jwtVerify(token, await signingKeys(settings.issuer), {
      issuer: settings.issuer,
      audience: settings.apiAudience,
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined;
    throw error; // the issuer could not be reached: a 5xx, not the caller's fault
  }
}
