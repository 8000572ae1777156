// "Sign in with Hugging Face" helpers against the hub emulator's OAuth endpoints, which check PKCE
// (S256), single-use codes and the redirect URI for real. Node has no window or localStorage, so
// the tests follow the Hub's redirect with fetch and pass an in-memory storage.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { completeOAuthSignIn } from '../src/hf/oauth-complete-sign-in.js';
import { cleanOAuthRedirectUrl, oauthRedirectParams } from '../src/hf/oauth-redirect-url.js';
import { oauthSignInUrl } from '../src/hf/oauth-sign-in-url.js';
import { OAUTH_CODE_VERIFIER_KEY, OAUTH_NONCE_KEY, type OAuthStorage } from '../src/hf/oauth-storage.js';
import { whoAmI } from '../src/hf/who-am-i.js';
import { useTestHub, type TestHub } from './hf-test-hub.js';
import { MemoryStorage, rejectsWith } from './hf-test-support.js';

const CLIENT_ID = 'importer-space-client';
const REDIRECT_URL = 'http://localhost:8080/importer/?hub=custom&note=a%20b';

/** What the browser does with the consent URL: the emulator approves at once and redirects back. */
async function followConsent(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  assert.equal(response.status, 302, `the authorize endpoint answered ${response.status}`);
  const location = response.headers.get('location');
  assert.ok(location, 'the authorize endpoint sent a Location');
  return location;
}

describe('Sign in with Hugging Face (OAuth + PKCE)', () => {
  let hub: TestHub;
  before(async () => {
    hub = await useTestHub();
  });
  after(() => hub.close());

  const signInUrl = (storage: OAuthStorage, extra: { scopes?: string | string[]; state?: string } = {}) =>
    oauthSignInUrl({ clientId: CLIENT_ID, hubUrl: hub.url, redirectUrl: REDIRECT_URL, storage, ...extra });

  it('signs in: consent URL with S256 challenge, code exchange, user, and a token the Hub accepts', async () => {
    const storage = new MemoryStorage();
    const url = new URL(await signInUrl(storage, { scopes: ['jobs', 'write-repos'] }));

    assert.equal(`${url.origin}${url.pathname}`, `${hub.url}/oauth/authorize`);
    assert.equal(url.searchParams.get('client_id'), CLIENT_ID);
    assert.equal(url.searchParams.get('redirect_uri'), REDIRECT_URL);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.deepEqual(url.searchParams.get('scope')?.split(' ').sort(), ['jobs', 'openid', 'profile', 'write-repos']);
    assert.deepEqual([...storage.items.keys()].sort(), [OAUTH_CODE_VERIFIER_KEY, OAUTH_NONCE_KEY]);
    const verifier = storage.getItem(OAUTH_CODE_VERIFIER_KEY) ?? '';
    assert.ok(!url.href.includes(verifier), 'the code verifier never leaves the browser before the exchange');

    const redirectedUrl = await followConsent(url.href);
    assert.ok(redirectedUrl.startsWith('http://localhost:8080/importer/?hub=custom&note=a%20b&code='), redirectedUrl);
    const before = Date.now();
    const session = await completeOAuthSignIn({ hubUrl: hub.url, redirectedUrl, storage });
    const afterExchange = Date.now();

    assert.ok(session);
    assert.equal(session.user.name, 'alice');
    assert.equal(session.user.fullname, 'Alice Liddell');
    assert.equal(session.user.avatarUrl, `${hub.url}/avatars/alice.svg`);
    assert.deepEqual(session.user.orgs?.map((org) => org.name).sort(), ['acme', 'readonly-org']);
    assert.deepEqual([...session.scopes].sort(), ['jobs', 'openid', 'profile', 'write-repos']);
    const lifetimeMs = 8 * 3600 * 1000;
    assert.ok(session.expiresAt.getTime() >= before + lifetimeMs - 1000 && session.expiresAt.getTime() <= afterExchange + lifetimeMs);
    assert.equal(storage.items.size, 0, 'the nonce and code verifier are removed once used');

    const me = await whoAmI({ accessToken: session.accessToken, hubUrl: hub.url });
    assert.equal(me.name, 'alice');
    assert.equal(me.auth.type, 'oauth');
  });

  it('leaves nothing behind after an abandoned attempt followed by a successful one', async () => {
    const storage = new MemoryStorage();
    const abandoned = await signInUrl(storage);
    const abandonedNonce = storage.getItem(OAUTH_NONCE_KEY);
    const second = await signInUrl(storage);
    assert.equal(storage.items.size, 2, 'a new attempt replaces the abandoned one');
    assert.notEqual(storage.getItem(OAUTH_NONCE_KEY), abandonedNonce);

    const session = await completeOAuthSignIn({ hubUrl: hub.url, redirectedUrl: await followConsent(second), storage });
    assert.equal(session?.user.name, 'alice');
    assert.equal(storage.items.size, 0);

    // Coming back through the abandoned attempt later finds no pending sign-in.
    await rejectsWith(
      completeOAuthSignIn({ hubUrl: hub.url, redirectedUrl: await followConsent(abandoned), storage }),
      'unauthorized',
      /does not belong to a sign-in started in this browser tab/,
    );
    assert.equal(storage.items.size, 0);
  });

  it('refuses the answer of an older attempt and clears the pending one', async () => {
    const storage = new MemoryStorage();
    const older = await signInUrl(storage);
    await signInUrl(storage);
    await rejectsWith(
      completeOAuthSignIn({ hubUrl: hub.url, redirectedUrl: await followConsent(older), storage }),
      'unauthorized',
      /older sign-in attempt/,
    );
    assert.equal(storage.items.size, 0);
  });

  it('fails when the code verifier does not match the challenge (the emulator checks PKCE), and clears the attempt', async () => {
    const storage = new MemoryStorage();
    const url = await signInUrl(storage);
    storage.setItem(OAUTH_CODE_VERIFIER_KEY, `${storage.getItem(OAUTH_CODE_VERIFIER_KEY)}-tampered`);
    const error = await rejectsWith(
      completeOAuthSignIn({ hubUrl: hub.url, redirectedUrl: await followConsent(url), storage }),
      'unauthorized',
      /invalid_grant: PKCE verification failed.*Sign in again/,
    );
    assert.equal(error.statusCode, 400);
    assert.equal(storage.items.size, 0);
  });

  it('reports an error the Hub sent back (bad scope) and clears the attempt', async () => {
    const storage = new MemoryStorage();
    const url = await signInUrl(storage, { scopes: 'openid delete-everything' });
    const redirectedUrl = await followConsent(url);
    assert.equal(oauthRedirectParams(redirectedUrl)?.error, 'invalid_scope');
    await rejectsWith(completeOAuthSignIn({ hubUrl: hub.url, redirectedUrl, storage }), 'unauthorized', /could not complete the sign-in \(invalid_scope: Unknown scope/);
    assert.equal(storage.items.size, 0);
  });

  it('does nothing, and keeps a pending attempt, when the URL carries no sign-in answer', async () => {
    const storage = new MemoryStorage();
    await signInUrl(storage);
    assert.equal(await completeOAuthSignIn({ hubUrl: hub.url, redirectedUrl: REDIRECT_URL, storage }), undefined);
    assert.equal(storage.items.size, 2);
  });

  it('passes the caller state through the round trip', async () => {
    const storage = new MemoryStorage();
    const redirectedUrl = await followConsent(await signInUrl(storage, { state: 'step=2' }));
    const state = JSON.parse(oauthRedirectParams(redirectedUrl)?.state ?? '{}') as { state?: string; redirectUri?: string };
    assert.equal(state.state, 'step=2');
    assert.equal(state.redirectUri, REDIRECT_URL);
    assert.ok(await completeOAuthSignIn({ hubUrl: hub.url, redirectedUrl, storage }));
  });

  it('says what to do without a client id, and when the hub cannot be reached', async () => {
    const storage = new MemoryStorage();
    await rejectsWith(oauthSignInUrl({ clientId: '', hubUrl: hub.url, redirectUrl: REDIRECT_URL, storage }), 'invalid-input', /hf_oauth: true.*paste an access token/);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    await rejectsWith(
      oauthSignInUrl({ clientId: CLIENT_ID, hubUrl: `http://127.0.0.1:${port}`, redirectUrl: REDIRECT_URL, storage }),
      'network',
      new RegExp(`127\\.0\\.0\\.1:${port} could not be reached`),
    );
    assert.equal(storage.items.size, 0, 'a failed start stores nothing');
  });

  it('reports a hub whose OpenID configuration fails', async () => {
    await hub.control.fault({ route: 'GET /.well-known/openid-configuration', status: 503, times: 1 });
    const storage = new MemoryStorage();
    await rejectsWith(signInUrl(storage), 'server', /HTTP 503.*Try again in a minute/);
    assert.equal(storage.items.size, 0);
  });
});

describe('OAuth redirect URLs', () => {
  it('finds the answer: a code with its state, or an error', () => {
    assert.deepEqual(oauthRedirectParams('https://s.example/?code=abc&state=%7B%22nonce%22%3A1%7D'), { code: 'abc', state: '{"nonce":1}' });
    assert.deepEqual(oauthRedirectParams('https://s.example/?error=access_denied&error_description=No+thanks&state=s'), {
      error: 'access_denied',
      errorDescription: 'No thanks',
      state: 's',
    });
    assert.equal(oauthRedirectParams('https://s.example/?code=abc'), undefined, 'a code without state is not an OAuth answer');
    assert.equal(oauthRedirectParams('https://s.example/?view=tree'), undefined);
    assert.equal(oauthRedirectParams('not a url'), undefined);
  });

  it('removes exactly the sign-in parameters and keeps everything else byte for byte', () => {
    const cases: Array<[string, string]> = [
      ['https://s.example/?code=1&state=2', 'https://s.example/'],
      ['https://s.example/app?hub=https%3A%2F%2Fh.example&code=1&state=%7B%7D#step-2', 'https://s.example/app?hub=https%3A%2F%2Fh.example#step-2'],
      ['https://s.example/?a=x+y&error=access_denied&error_description=No&state=s&b=%2F', 'https://s.example/?a=x+y&b=%2F'],
      ['https://s.example/?st%61te=1&iss=https%3A%2F%2Fhf.co&keep=', 'https://s.example/?keep='],
      ['https://s.example/?coder=1&codes=2', 'https://s.example/?coder=1&codes=2'],
      ['https://s.example/#code=1', 'https://s.example/#code=1'],
      ['https://s.example/', 'https://s.example/'],
    ];
    for (const [input, expected] of cases) assert.equal(cleanOAuthRedirectUrl(input), expected, input);
  });
});
