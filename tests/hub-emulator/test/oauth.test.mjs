import assert from 'node:assert/strict';
import { createHash, createPublicKey, randomUUID, verify } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startHubEmulator } from '../index.mjs';
import { call } from '../test-support/api.mjs';

const CLIENT_ID = 'space-client-0001';

function pkcePair() {
  const verifier = `${randomUUID()}${randomUUID()}`;
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe('OAuth / OpenID with PKCE', () => {
  /** @type {Awaited<ReturnType<typeof startHubEmulator>>} */
  let hub;
  before(async () => {
    hub = await startHubEmulator();
  });
  after(() => hub.close());

  /** Calls /oauth/authorize and returns the redirect target. */
  async function authorize(params) {
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid profile',
      ...params,
    });
    const response = await fetch(`${hub.url}/oauth/authorize?${query}`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    return new URL(/** @type {string} */ (response.headers.get('location')));
  }

  function exchange(fields) {
    return call(`${hub.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', ...fields }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  }

  it('publishes a discovery document pointing at the emulator', async () => {
    const { status, data } = await call(`${hub.url}/.well-known/openid-configuration`);
    assert.equal(status, 200);
    assert.equal(data.issuer, hub.url);
    assert.equal(data.authorization_endpoint, `${hub.url}/oauth/authorize`);
    assert.equal(data.token_endpoint, `${hub.url}/oauth/token`);
    assert.equal(data.userinfo_endpoint, `${hub.url}/oauth/userinfo`);
    assert.deepEqual(data.code_challenge_methods_supported, ['S256']);
    assert.ok(data.scopes_supported.includes('jobs'));
  });

  it('runs the whole code flow: redirect with code and byte-exact state, token, id_token, userinfo', async () => {
    const { verifier, challenge } = pkcePair();
    const nonce = randomUUID();
    const redirectUri = 'http://localhost:5173/space/?view=import&note=a%20b';
    const clientState = JSON.stringify({ nonce, redirectUri, state: 'a+b c/ü&=#?%20' });
    const target = await authorize({ redirect_uri: redirectUri, state: clientState, code_challenge: challenge, nonce, scope: 'openid profile email jobs write-repos' });

    assert.equal(`${target.origin}${target.pathname}`, 'http://localhost:5173/space/');
    assert.equal(target.searchParams.get('view'), 'import');
    assert.equal(target.searchParams.get('note'), 'a b');
    assert.equal(target.searchParams.get('state'), clientState);
    const code = /** @type {string} */ (target.searchParams.get('code'));
    assert.ok(code);

    const token = await exchange({ code, redirect_uri: redirectUri, code_verifier: verifier });
    assert.equal(token.status, 200);
    assert.equal(token.headers.get('access-control-allow-origin'), '*');
    assert.equal(token.data.token_type, 'bearer');
    assert.equal(token.data.expires_in, 8 * 3600);
    assert.deepEqual(token.data.scope.split(' ').sort(), ['email', 'jobs', 'openid', 'profile', 'write-repos']);

    const [header, payload, signature] = token.data.id_token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    assert.equal(claims.iss, hub.url);
    assert.equal(claims.aud, CLIENT_ID);
    assert.equal(claims.nonce, nonce);
    assert.equal(claims.preferred_username, 'alice');
    const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString());
    const jwks = (await call(`${hub.url}/oauth/jwks`)).data;
    const jwk = jwks.keys.find((key) => key.kid === kid);
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    assert.ok(verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url')));

    const userinfo = await call(`${hub.url}/oauth/userinfo`, { token: token.data.access_token });
    assert.equal(userinfo.status, 200);
    assert.equal(userinfo.data.sub, claims.sub);
    assert.equal(userinfo.data.preferred_username, 'alice');
    assert.equal(userinfo.data.email, 'alice@example.com');
    assert.equal(typeof userinfo.data.isPro, 'boolean');
    assert.equal(typeof userinfo.data.canPay, 'boolean');
    assert.deepEqual(userinfo.data.orgs.map((org) => org.preferred_username).sort(), ['acme', 'readonly-org']);

    const whoami = await call(`${hub.url}/api/whoami-v2`, { token: token.data.access_token });
    assert.equal(whoami.data.auth.type, 'oauth');
  });

  it('rejects a wrong code_verifier with invalid_grant, and the code is burnt afterwards', async () => {
    const { verifier, challenge } = pkcePair();
    const redirectUri = 'http://localhost:5173/';
    const code = /** @type {string} */ ((await authorize({ redirect_uri: redirectUri, code_challenge: challenge })).searchParams.get('code'));
    const wrong = await exchange({ code, redirect_uri: redirectUri, code_verifier: `${verifier}x` });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.data.error, 'invalid_grant');
    assert.match(wrong.data.error_description, /PKCE/);
    const retry = await exchange({ code, redirect_uri: redirectUri, code_verifier: verifier });
    assert.equal(retry.status, 400);
    assert.equal(retry.data.error, 'invalid_grant');
  });

  it('makes codes single-use and binds them to redirect_uri and client_id', async () => {
    const redirectUri = 'http://localhost:5173/';
    const codeFor = async (challenge) => /** @type {string} */ ((await authorize({ redirect_uri: redirectUri, code_challenge: challenge })).searchParams.get('code'));

    const first = pkcePair();
    const code = await codeFor(first.challenge);
    assert.equal((await exchange({ code, redirect_uri: redirectUri, code_verifier: first.verifier, client_id: CLIENT_ID })).status, 200);
    const replay = await exchange({ code, redirect_uri: redirectUri, code_verifier: first.verifier });
    assert.equal(replay.status, 400);
    assert.equal(replay.data.error, 'invalid_grant');

    const second = pkcePair();
    const otherRedirect = await exchange({ code: await codeFor(second.challenge), redirect_uri: 'http://localhost:5173/other', code_verifier: second.verifier });
    assert.equal(otherRedirect.status, 400);
    assert.equal(otherRedirect.data.error, 'invalid_grant');
    assert.match(otherRedirect.data.error_description, /redirect_uri/);

    const third = pkcePair();
    const otherClient = await exchange({ code: await codeFor(third.challenge), redirect_uri: redirectUri, code_verifier: third.verifier, client_id: 'someone-else' });
    assert.equal(otherClient.status, 400);
    assert.equal(otherClient.data.error, 'invalid_grant');
    assert.match(otherClient.data.error_description, /client_id/);

    const unknown = await exchange({ code: 'no-such-code', redirect_uri: redirectUri, code_verifier: third.verifier });
    assert.equal(unknown.data.error, 'invalid_grant');
    const badGrant = await exchange({ grant_type: 'refresh_token', code: 'x' });
    assert.equal(badGrant.status, 400);
    assert.equal(badGrant.data.error, 'unsupported_grant_type');
  });

  it('redirects authorization errors back with the state, and refuses requests it cannot redirect', async () => {
    const redirectUri = 'http://localhost:5173/';
    const noPkce = await authorize({ redirect_uri: redirectUri, state: 's1' });
    assert.equal(noPkce.searchParams.get('error'), 'invalid_request');
    assert.equal(noPkce.searchParams.get('state'), 's1');
    assert.equal(noPkce.searchParams.get('code'), null);

    const plain = await authorize({ redirect_uri: redirectUri, code_challenge: 'abc', code_challenge_method: 'plain' });
    assert.equal(plain.searchParams.get('error'), 'invalid_request');

    const badScope = await authorize({ redirect_uri: redirectUri, code_challenge: 'abc', scope: 'openid delete-everything' });
    assert.equal(badScope.searchParams.get('error'), 'invalid_scope');

    const noClient = await call(`${hub.url}/oauth/authorize?redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code`);
    assert.equal(noClient.status, 400);
    assert.equal(noClient.data.error, 'invalid_request');
    const badRedirect = await call(`${hub.url}/oauth/authorize?client_id=x&redirect_uri=javascript:alert(1)&response_type=code`);
    assert.equal(badRedirect.status, 400);
  });

  it('grants only the organisations named in orgIds', async () => {
    const { verifier, challenge } = pkcePair();
    const redirectUri = 'http://localhost:5173/';
    const code = /** @type {string} */ ((await authorize({ redirect_uri: redirectUri, code_challenge: challenge, orgIds: 'acme', scope: 'openid profile write-repos' })).searchParams.get('code'));
    const token = (await exchange({ code, redirect_uri: redirectUri, code_verifier: verifier })).data.access_token;
    const userinfo = await call(`${hub.url}/oauth/userinfo`, { token });
    assert.deepEqual(userinfo.data.orgs.map((org) => org.preferred_username), ['acme']);
    assert.equal(userinfo.data.email, undefined);
    assert.equal((await call(`${hub.url}/api/buckets/acme/oauth-granted`, { method: 'POST', token, json: {} })).status, 200);
  });

  it('enforces OAuth scopes and org grants on buckets and jobs', async () => {
    const reposOnly = hub.control.issueOAuthToken({ scopes: ['write-repos'] });
    const jobs = await call(`${hub.url}/api/jobs/alice`, { method: 'POST', token: reposOnly, json: { dockerImage: 'python:3.12', command: ['true'] } });
    assert.equal(jobs.status, 403);
    assert.match(jobs.data.error, /"jobs" scope/);

    const jobsOnly = hub.control.issueOAuthToken({ scopes: ['jobs'] });
    const bucket = await call(`${hub.url}/api/buckets/alice/scoped`, { method: 'POST', token: jobsOnly, json: {} });
    assert.equal(bucket.status, 403);
    assert.match(bucket.data.error, /write-repos/);

    const contributor = hub.control.issueOAuthToken({ scopes: ['contribute-repos', 'jobs'], orgs: [] });
    assert.equal((await call(`${hub.url}/api/buckets/alice/contributed`, { method: 'POST', token: contributor, json: {} })).status, 200);
    const orgBucket = await call(`${hub.url}/api/buckets/acme/not-granted`, { method: 'POST', token: contributor, json: {} });
    assert.equal(orgBucket.status, 403);
    assert.match(orgBucket.data.error, /not granted access to the organization "acme"/);
  });
});
