import { oauthLoginUrl } from '@huggingface/hub';
import { DEFAULT_HUB_URL } from './hf-call-options.js';
import { HfApiError } from './hf-api-error.js';
import { oauthHubError } from './oauth-hub-error.js';
import { cleanOAuthRedirectUrl } from './oauth-redirect-url.js';
import { defaultOAuthStorage, OAUTH_CODE_VERIFIER_KEY, OAUTH_NONCE_KEY, type OAuthStorage } from './oauth-storage.js';

/** Options of {@link oauthSignInUrl}. */
export interface OAuthSignInUrlOptions {
  /** The OAuth app's client id; on a static Space, `window.huggingface.variables.OAUTH_CLIENT_ID`. */
  clientId: string;
  /** Default {@link DEFAULT_HUB_URL}. */
  hubUrl?: string;
  /**
   * Scopes to ask for, as a list or space-separated (a Space's `OAUTH_SCOPES`). `openid` and
   * `profile` are always added: the session needs the user's profile.
   */
  scopes?: string | readonly string[];
  /** Where the Hub sends the browser back; default: the current URL without old sign-in parameters or fragment. */
  redirectUrl?: string;
  /** Opaque text handed back unchanged after the redirect. */
  state?: string;
  /** Where the nonce and code verifier wait for the redirect; default `localStorage`. */
  storage?: OAuthStorage;
}

function scopeList(scopes: OAuthSignInUrlOptions['scopes']): string {
  const requested = typeof scopes === 'string' ? scopes.split(/\s+/) : [...(scopes ?? [])];
  return [...new Set(['openid', 'profile', ...requested.filter(Boolean)])].join(' ');
}

function invalid(hubUrl: string, message: string): HfApiError {
  return new HfApiError({ kind: 'invalid-input', message, url: hubUrl });
}

/**
 * Starts "Sign in with Hugging Face" (OAuth 2 code flow with PKCE, over @huggingface/hub's
 * `oauthLoginUrl`): keeps a fresh nonce and code verifier in `storage` (replacing those of any
 * abandoned attempt) and returns the Hub's consent URL to send the browser to. Finish with
 * {@link completeOAuthSignIn} when the browser comes back.
 *
 * @throws {HfApiError} 'invalid-input' without a client id or storage, 'network' when the hub
 *   cannot be reached, 'not-found'/'server' when it has no OpenID configuration.
 * @example
 * location.assign(await oauthSignInUrl({ clientId: window.huggingface.variables.OAUTH_CLIENT_ID, scopes: 'jobs' }));
 */
export async function oauthSignInUrl(options: OAuthSignInUrlOptions): Promise<string> {
  const hubUrl = (options.hubUrl ?? DEFAULT_HUB_URL).replace(/\/+$/, '');
  if (!options.clientId) {
    throw invalid(hubUrl, 'Sign-in with Hugging Face is not set up here (no OAuth client id). On a Space, add "hf_oauth: true" to its README; elsewhere, paste an access token instead.');
  }
  const storage = options.storage ?? defaultOAuthStorage();
  if (!storage) {
    throw invalid(hubUrl, 'This browser blocks site storage, which sign-in needs for a moment to check the answer. Allow site data for this page, or paste an access token instead.');
  }
  const locationHref = (globalThis as { location?: { href: string } }).location?.href;
  // A redirect URI may not carry a fragment (RFC 6749 §3.1.2).
  const redirectUrl = options.redirectUrl ?? (locationHref ? cleanOAuthRedirectUrl(locationHref).split('#', 1)[0] : undefined);
  if (!redirectUrl) throw invalid(hubUrl, 'Give the redirectUrl the Hub should send the browser back to.');

  // hub.js fills this object instead of writing to localStorage itself, so `storage` decides where
  // the single-use values live (and tests can pass an in-memory one).
  const pending: { nonce?: string; codeVerifier?: string } = {};
  let url: string;
  try {
    url = await oauthLoginUrl({ clientId: options.clientId, hubUrl, scopes: scopeList(options.scopes), redirectUrl, state: options.state, localStorage: pending });
  } catch (error) {
    throw oauthHubError(error, { hubUrl, step: 'start the sign-in with Hugging Face' });
  }
  try {
    storage.setItem(OAUTH_NONCE_KEY, pending.nonce ?? '');
    storage.setItem(OAUTH_CODE_VERIFIER_KEY, pending.codeVerifier ?? '');
  } catch (error) {
    throw new HfApiError(
      { kind: 'invalid-input', message: 'The browser refused to keep the one-time sign-in check (site storage is full or blocked). Allow site data for this page, or paste an access token instead.', url: hubUrl },
      { cause: error },
    );
  }
  return url;
}
