#!/usr/bin/env node
// The sandbox's and the tests' OpenID Connect provider (the `oidc-provider` package), with fixed
// demo people in two teams and one platform admin, and the demo API client `demo-ci`. Started by
// `npm start` in the sandbox and by the portal tests. Not for production: people sign in by name,
// with no password.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { SignJWT } from 'jose';
import Provider, { errors } from 'oidc-provider';

/** login → who they are. Their groups decide their teams through the sandbox's policy.yaml. */
export const DEMO_PEOPLE = {
  alice: { name: 'Alice Kim', email: 'alice@example.com', groups: ['payments-eng'], role: 'team payments' },
  bob: { name: 'Bob Lee', email: 'bob@example.com', groups: ['search-eng'], role: 'team search' },
  admin: { name: 'Ada Admin', email: 'admin@example.com', groups: ['platform-admins'], role: 'platform admins' },
};

/** The people as the app's sign-in page lists them (SANDBOX_PEOPLE). */
export const demoPeopleForApp = () =>
  JSON.stringify(
    Object.entries(DEMO_PEOPLE).map(([login, person]) => ({ login, name: person.name, role: person.role })),
  );

export const WEB_CLIENT = { id: 'ecs-console', secret: 'ecs-console-sandbox-secret' };
export const API_SCOPES = ['cluster-requests:read', 'cluster-requests:write', 'clusters:delete', 'audit:read'];

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * Starts the provider on a loopback port; the app at appUrl is its one web client, and its HTTP
 * API (apiAudience) the resource that client-credentials tokens (JWTs) are for. Resolves to its
 * issuer URL and a way to stop it.
 */
export async function startIdentityProvider({ port, appUrl, apiAudience = `${appUrl}/api/v1` }) {
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: WEB_CLIENT.id,
        client_secret: WEB_CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [`${appUrl}/sign-in`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: 'demo-ci',
        client_secret: 'demo-ci-secret',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: API_SCOPES.join(' '),
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'sandbox', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'profile', 'email', 'groups', ...API_SCOPES],
    claims: { profile: ['name', 'preferred_username'], email: ['email', 'email_verified'], groups: ['groups'] },
    // The ID token carries the claims its scopes ask for, so the app needs no second request.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const person = DEMO_PEOPLE[sub];
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: person.name,
          preferred_username: sub,
          email: person.email,
          email_verified: true,
          groups: person.groups,
        }),
      };
    },
    // The app is this provider's own first-party client: no consent screen.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid profile email groups');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      // A machine caller's token is a JWT for the app's API, carrying its scopes.
      resourceIndicators: {
        enabled: true,
        defaultResource: (ctx, _client, oneOf) =>
          oneOf ?? (ctx.oidc.params?.grant_type === 'client_credentials' ? apiAudience : undefined),
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== apiAudience) throw new errors.InvalidTarget();
          return { scope: API_SCOPES.join(' '), audience: apiAudience, accessTokenFormat: 'jwt', accessTokenTTL: 3600 };
        },
      },
    },
    ttl: { Session: 8 * 3600, Interaction: 600, AccessToken: 3600, ClientCredentials: 3600, IdToken: 3600 },
  });
  provider.proxy = true;

  const callback = provider.callback();
  const server = createServer(async (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url.split('?')[0]);
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'POST' && match[2]) {
        const body = new URLSearchParams(await new Response(req).text());
        const login = body.get('login')?.trim().toLowerCase() ?? '';
        if (!DEMO_PEOPLE[login]) return loginPage(res, details, login, `No demo person is called “${login}”.`);
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: login } },
          { mergeWithLastSubmission: false },
        );
      }
      return loginPage(res, details, details.params.login_hint ?? '');
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Sign-in could not continue: ${error.message}`);
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(resolve)),
    // For the tests, in this process only: a token signed with the provider's own key, with
    // claims it would never issue (expired, for another audience).
    sign: (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'sandbox', typ: 'at+jwt' }).sign(privateKey),
  };
}

function loginPage(res, details, login, problem) {
  const people = Object.entries(DEMO_PEOPLE)
    .map(([id, person]) => `<li><code>${id}</code>: ${escape(person.name)} (${escape(person.role)})</li>`)
    .join('');
  res.writeHead(problem ? 400 : 200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox identity provider</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 32rem; margin: 2rem auto">
<main><h1>Sandbox identity provider</h1>
<p>Sign in as one of the demo people. There is no password: this provider exists only for the sandbox and tests.</p>
<ul>${people}</ul>
${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="/interaction/${escape(details.uid)}/login">
<label for="login">Login</label> <input id="login" name="login" value="${escape(login)}" autocomplete="username" required autofocus>
<button type="submit">Sign in</button></form></main></body></html>`);
}
