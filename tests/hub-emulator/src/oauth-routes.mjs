// OAuth 2 / OpenID Connect as used by static Spaces (hub.js oauthLoginUrl/oauthHandleRedirect):
// discovery, an authorize endpoint that approves at once, a token endpoint that checks PKCE S256 and
// single-use codes bound to client_id + redirect_uri, userinfo, and the JWKS for id_tokens.
import { createHash, randomBytes } from 'node:crypto';
import { HttpError } from './http-error.mjs';
import { baseHeaders, readForm, sendJson } from './http-utils.mjs';
import { authenticate } from './permissions.mjs';
import { avatarUrl } from './whoami.mjs';

/** Scopes the Hub documents for OAuth apps. */
export const OAUTH_SCOPES = Object.freeze([
  'openid', 'profile', 'email', 'read-billing', 'read-memberships', 'read-repos', 'gated-repos',
  'contribute-repos', 'write-repos', 'manage-repos', 'read-collections', 'write-collections',
  'inference-api', 'read-endpoints', 'write-endpoints', 'jobs', 'webhooks', 'write-discussions',
]);

const CODE_LIFETIME_MS = 10 * 60 * 1000;

function oauthError(status, error, description) {
  return new HttpError(status, description, { body: { error, error_description: description } });
}

/** Appends query parameters without re-encoding what the redirect URI already carries. */
function withQuery(uri, params) {
  const hashIndex = uri.indexOf('#');
  const base = hashIndex === -1 ? uri : uri.slice(0, hashIndex);
  const query = Object.entries(params)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(/** @type {string} */ (value))}`)
    .join('&');
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

function redirect(res, location) {
  res.writeHead(302, { ...baseHeaders(), Location: location });
  res.end();
}

function isHttpUrl(value) {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Adds the OAuth / OpenID routes to the router.
 * @param {ReturnType<typeof import('./router.mjs').createRouter>} router
 * @param {import('./emulator-state.mjs').EmulatorState} state
 */
export function registerOAuthRoutes(router, state) {
  const { accounts, jwt } = state;
  /** @type {Map<string, { clientId: string, redirectUri: string, codeChallenge: string, scopes: string[],
   *   nonce: string | null, user: string, orgs: string[], expiresAt: number }>} */
  const codes = new Map();

  router.add('GET', '/.well-known/openid-configuration', (ctx) => {
    const url = state.url;
    sendJson(ctx.res, 200, {
      issuer: url,
      authorization_endpoint: `${url}/oauth/authorize`,
      token_endpoint: `${url}/oauth/token`,
      userinfo_endpoint: `${url}/oauth/userinfo`,
      jwks_uri: `${url}/oauth/jwks`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
      scopes_supported: OAUTH_SCOPES,
      claims_supported: ['sub', 'name', 'preferred_username', 'profile', 'picture', 'email', 'email_verified', 'isPro', 'canPay', 'orgs'],
    });
  });

  router.add('GET', '/oauth/jwks', (ctx) => {
    sendJson(ctx.res, 200, jwt.jwks());
  });

  router.add('GET', '/oauth/authorize', (ctx) => {
    const query = ctx.query;
    const clientId = query.get('client_id');
    const redirectUri = query.get('redirect_uri');
    if (!clientId) throw oauthError(400, 'invalid_request', 'client_id is required');
    if (!redirectUri || !isHttpUrl(redirectUri)) throw oauthError(400, 'invalid_request', 'redirect_uri must be an absolute http(s) URL');
    const clientState = query.get('state');
    const redirectError = (error, description) =>
      redirect(ctx.res, withQuery(redirectUri, { error, error_description: description, state: clientState }));
    if (query.get('response_type') !== 'code') return redirectError('unsupported_response_type', 'response_type must be "code"');
    const codeChallenge = query.get('code_challenge');
    if (!codeChallenge) return redirectError('invalid_request', 'code_challenge is required (PKCE with S256)');
    if (query.get('code_challenge_method') !== 'S256') return redirectError('invalid_request', 'code_challenge_method must be "S256"');
    const scopes = (query.get('scope') ?? 'openid profile').split(/\s+/).filter(Boolean);
    const unknown = scopes.filter((scope) => !OAUTH_SCOPES.includes(scope));
    if (unknown.length) return redirectError('invalid_scope', `Unknown scope(s): ${unknown.join(', ')}`);
    const user = query.get('login_hint') ?? state.options.oauthUser;
    if (!accounts.users[user]) return redirectError('access_denied', `Unknown user "${user}"`);
    const userOrgs = Object.keys(accounts.users[user].orgs);
    const requestedOrgs = query.get('orgIds')?.split(',').filter(Boolean);
    const code = randomBytes(16).toString('hex');
    codes.set(code, {
      clientId,
      redirectUri,
      codeChallenge,
      scopes,
      nonce: query.get('nonce'),
      user,
      orgs: requestedOrgs ? userOrgs.filter((org) => requestedOrgs.includes(org) || requestedOrgs.includes(accounts.orgs[org].id)) : userOrgs,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
    });
    redirect(ctx.res, withQuery(redirectUri, { code, state: clientState }));
  });

  router.add('POST', '/oauth/token', async (ctx) => {
    const form = await readForm(ctx.req);
    if (form.grant_type !== 'authorization_code') throw oauthError(400, 'unsupported_grant_type', 'grant_type must be "authorization_code"');
    if (!form.code) throw oauthError(400, 'invalid_request', 'code is required');
    const grant = codes.get(form.code);
    // Codes are single-use: a failed exchange burns the code too.
    codes.delete(form.code);
    if (!grant || grant.expiresAt < Date.now()) throw oauthError(400, 'invalid_grant', 'The authorization code is invalid, expired or already used');
    if (form.redirect_uri !== grant.redirectUri) throw oauthError(400, 'invalid_grant', 'redirect_uri does not match the one of the authorization request');
    if (form.client_id !== undefined && form.client_id !== grant.clientId) throw oauthError(400, 'invalid_grant', 'client_id does not match the one of the authorization request');
    if (!form.code_verifier) throw oauthError(400, 'invalid_grant', 'code_verifier is required (PKCE)');
    const challenge = createHash('sha256').update(form.code_verifier).digest('base64url');
    if (challenge !== grant.codeChallenge) throw oauthError(400, 'invalid_grant', 'PKCE verification failed: code_verifier does not match code_challenge');

    const expiresIn = state.options.oauthExpiresInSeconds;
    const token = accounts.issueOAuthToken({ user: grant.user, scopes: grant.scopes, expiresInSeconds: expiresIn, orgs: grant.orgs, clientId: grant.clientId });
    const user = accounts.users[grant.user];
    const now = Math.floor(Date.now() / 1000);
    const idToken = jwt.sign({
      iss: state.url,
      sub: user.id,
      aud: grant.clientId,
      iat: now,
      exp: now + expiresIn,
      auth_time: now,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
      name: user.fullname,
      preferred_username: user.name,
      picture: avatarUrl(state.url, user.name),
    });
    sendJson(ctx.res, 200, {
      access_token: token.value,
      token_type: 'bearer',
      expires_in: expiresIn,
      scope: /** @type {string[]} */ (token.scopes).join(' '),
      id_token: idToken,
    }, { 'Cache-Control': 'no-store' });
  });

  router.add('GET', '/oauth/userinfo', (ctx) => {
    const principal = /** @type {import('./permissions.mjs').Principal} */ (authenticate(ctx.req, accounts, { required: true }));
    const { user, token } = principal;
    const orgs = token.kind === 'oauth' ? /** @type {string[]} */ (token.grantedOrgs) : Object.keys(user.orgs);
    const withEmail = token.kind !== 'oauth' || token.scopes?.includes('email');
    sendJson(ctx.res, 200, {
      sub: user.id,
      name: user.fullname,
      preferred_username: user.name,
      profile: `${state.url}/${user.name}`,
      picture: avatarUrl(state.url, user.name),
      ...(withEmail ? { email: user.email, email_verified: true } : {}),
      isPro: user.isPro,
      canPay: user.canPay,
      orgs: orgs.map((name) => ({
        sub: accounts.orgs[name].id,
        name: accounts.orgs[name].fullname,
        preferred_username: name,
        picture: avatarUrl(state.url, name),
        isEnterprise: false,
        canPay: true,
        roleInOrg: user.orgs[name],
      })),
    });
  });
}
