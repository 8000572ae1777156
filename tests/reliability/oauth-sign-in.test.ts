// Tampered and replayed sign-in answers, through core's helpers against the hub emulator's OAuth
// (which checks PKCE, single-use codes and the redirect URI for real): a garbled state, a state
// whose redirect URI was swapped, a code used twice. Each is refused, leaves no pending attempt,
// and no message quotes the code, the verifier or a token. (The emulator's own tests cover a wrong
// verifier, reuse and redirect mismatch at the HTTP level; packages/core/test/hf-oauth.test.ts the
// nonce of an older attempt.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  completeOAuthSignIn,
  HfApiError,
  OAUTH_CODE_VERIFIER_KEY,
  OAUTH_NONCE_KEY,
  oauthRedirectParams,
  oauthSignInUrl,
} from '@s3-to-hf/core';
import { MemoryStorage } from '../../packages/core/test/hf-test-support.js';
import { useTestServers, type TestServers } from './support/test-servers.js';

const CLIENT_ID = 'reliability-client';
const REDIRECT_URL = 'http://localhost:8080/importer/';

describe('sign-in answers that were tampered with or replayed', () => {
  let servers: TestServers;
  before(async () => {
    servers = await useTestServers();
  });
  after(() => servers.stop());

  /** Starts a sign-in and follows the consent redirect, as the browser would. */
  async function signInRedirect(storage: MemoryStorage): Promise<{ redirectedUrl: string; codeVerifier: string }> {
    const consent = await oauthSignInUrl({ clientId: CLIENT_ID, hubUrl: servers.hub.url, redirectUrl: REDIRECT_URL, storage, scopes: ['jobs'] });
    const codeVerifier = storage.getItem(OAUTH_CODE_VERIFIER_KEY) ?? '';
    const response = await fetch(consent, { redirect: 'manual' });
    assert.equal(response.status, 302);
    return { redirectedUrl: response.headers.get('location') ?? '', codeVerifier };
  }

  /** The redirected URL with its `state` replaced. */
  function withState(redirectedUrl: string, state: string): string {
    const url = new URL(redirectedUrl);
    url.searchParams.set('state', state);
    return url.href;
  }

  async function refusal(promise: Promise<unknown>, secrets: string[]): Promise<HfApiError> {
    const error = await promise.then(
      () => assert.fail('the sign-in was accepted'),
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof HfApiError, String(error));
    assert.equal(error.kind, 'unauthorized', error.message);
    assert.match(error.message, /Sign in again/);
    for (const secret of secrets) assert.ok(!error.message.includes(secret) && !error.url.includes(secret), 'a one-time secret in the error');
    return error;
  }

  it('refuses a garbled state, and a state without a nonce', async () => {
    for (const state of ['not json at all', '{"redirectUri":"http://localhost:8080/importer/"}', '[]', '']) {
      const storage = new MemoryStorage();
      const { redirectedUrl, codeVerifier } = await signInRedirect(storage);
      const code = oauthRedirectParams(redirectedUrl)?.code ?? '';
      const tampered = state === '' ? redirectedUrl.replace(/([?&])state=[^&]*/, '$1') : withState(redirectedUrl, state);
      if (state === '') {
        // Without a state the URL is no sign-in answer at all: nothing happens, the attempt waits.
        assert.equal(await completeOAuthSignIn({ hubUrl: servers.hub.url, redirectedUrl: tampered, storage }), undefined);
        assert.equal(storage.items.size, 2);
        continue;
      }
      await refusal(completeOAuthSignIn({ hubUrl: servers.hub.url, redirectedUrl: tampered, storage }), [code, codeVerifier]);
      assert.equal(storage.items.size, 0, 'the attempt is gone');
    }
  });

  it('refuses a state whose redirect URI was swapped (the Hub binds the code to the original one)', async () => {
    const storage = new MemoryStorage();
    const { redirectedUrl, codeVerifier } = await signInRedirect(storage);
    const state = JSON.parse(oauthRedirectParams(redirectedUrl)?.state ?? '{}') as { nonce: string; redirectUri: string };
    assert.equal(state.redirectUri, REDIRECT_URL);
    const swapped = withState(redirectedUrl, JSON.stringify({ ...state, redirectUri: 'https://attacker.example/steal' }));
    const error = await refusal(completeOAuthSignIn({ hubUrl: servers.hub.url, redirectedUrl: swapped, storage }), [oauthRedirectParams(redirectedUrl)?.code ?? '', codeVerifier]);
    assert.match(error.message, /invalid_grant: redirect_uri does not match/);
    assert.equal(error.statusCode, 400);
    assert.equal(storage.items.size, 0);
  });

  it('refuses a code used a second time, even with the right nonce and verifier', async () => {
    const storage = new MemoryStorage();
    const { redirectedUrl, codeVerifier } = await signInRedirect(storage);
    const nonce = storage.getItem(OAUTH_NONCE_KEY) ?? '';
    const session = await completeOAuthSignIn({ hubUrl: servers.hub.url, redirectedUrl, storage });
    assert.ok(session && session.accessToken.startsWith('hf_'));
    assert.equal(storage.items.size, 0);

    // The same answer again, in this tab: no pending attempt any more.
    await refusal(completeOAuthSignIn({ hubUrl: servers.hub.url, redirectedUrl, storage }), [codeVerifier, session.accessToken]);
    // And by someone who kept the one-time values: the Hub refuses the spent code.
    storage.setItem(OAUTH_NONCE_KEY, nonce);
    storage.setItem(OAUTH_CODE_VERIFIER_KEY, codeVerifier);
    const error = await refusal(completeOAuthSignIn({ hubUrl: servers.hub.url, redirectedUrl, storage }), [codeVerifier, session.accessToken, oauthRedirectParams(redirectedUrl)?.code ?? '']);
    assert.match(error.message, /invalid_grant: The authorization code is invalid, expired or already used/);
    assert.equal(storage.items.size, 0);
  });
});
