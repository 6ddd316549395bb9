import 'server-only';
import type { CallerProblem } from './api-principal';
import { problem } from './problem';

/** The largest body the API reads: a ClusterRequest with every field filled is far smaller. */
export const API_BODY_LIMIT = 64 * 1024;

export function callerProblem(kind: CallerProblem): Response {
  const challenge = { headers: { 'www-authenticate': 'Bearer' } };
  switch (kind) {
    case 'unauthenticated':
      return problem(
        401,
        'unauthenticated',
        'Authentication required',
        'Send an access token from the portal’s identity provider: Authorization: Bearer <token>.',
        challenge,
      );
    case 'invalidToken':
      return problem(
        401,
        'invalid-token',
        'The access token is not valid',
        'It must be signed by the portal’s identity provider, for this API’s audience, and not expired.',
        challenge,
      );
    case 'issuerUnavailable':
      return problem(
        503,
        'issuer',
        'The identity provider cannot be reached',
        'The token could not be checked against the issuer’s keys. Try again in a minute.',
      );
    case 'forbiddenScope':
      return problem(
        403,
        'scope',
        'The access token lacks the scope this needs',
        'Ask the identity provider for a token with the scope this operation names in the OpenAPI document.',
      );
  }
}

/** The body as JSON, or the problem answer: another content type 415, too large 413, not JSON 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    return problem(415, 'content-type', 'Send JSON', 'The body must be application/json.');
  }
  if (Number(request.headers.get('content-length') ?? 0) > API_BODY_LIMIT) return tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > API_BODY_LIMIT) return tooLarge();
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return problem(400, 'malformed', 'The body is not JSON', 'Send one UTF-8 JSON object.');
  }
}

const tooLarge = () =>
  problem(413, 'too-large', 'The body is too large', `The API reads at most ${API_BODY_LIMIT / 1024} KiB.`);
