import { oauthHandleRedirect } from '@huggingface/hub';
import { DEFAULT_HUB_URL } from './hf-call-options.js';
import { HfApiError } from './hf-api-error.js';
import { oauthHubError } from './oauth-hub-error.js';
import { oauthRedirectParams } from './oauth-redirect-url.js';
import { oauthSessionFromResult, type HfOAuthSession } from './oauth-session.js';
import { defaultOAuthStorage, forgetOAuthAttempt, readOAuthAttempt, type OAuthStorage } from './oauth-storage.js';

/** Options of {@link completeOAuthSignIn}. */
export interface CompleteOAuthSignInOptions {
  /** Default {@link DEFAULT_HUB_URL}; the same hub the sign-in started on. */
  hubUrl?: string;
  /** The URL the Hub sent the browser back to; default `location.href`. */
  redirectedUrl?: string;
  /** Where {@link oauthSignInUrl} left the nonce and code verifier; default `localStorage`. */
  storage?: OAuthStorage;
}

const DENIED_ERRORS = new Set(['access_denied', 'consent_required', 'login_required', 'interaction_required']);

function stateNonce(state: string | undefined): string | undefined {
  try {
    const parsed: unknown = JSON.parse(state ?? '');
    const nonce = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).nonce : undefined;
    return typeof nonce === 'string' ? nonce : undefined;
  } catch {
    return undefined;
  }
}

function signInError(hubUrl: string, message: string): HfApiError {
  return new HfApiError({ kind: 'unauthorized', message, url: hubUrl });
}

/**
 * Finishes "Sign in with Hugging Face" when the browser comes back from the Hub (over
 * @huggingface/hub's `oauthHandleRedirect`): checks the answer against the pending attempt,
 * exchanges the code (PKCE) for an access token and reads the user. Returns undefined when the
 * URL carries no sign-in answer. The attempt's nonce and code verifier are removed from `storage`
 * whatever the outcome, so a failed or abandoned sign-in leaves nothing behind.
 *
 * Afterwards, remove the answer from the address bar:
 * `history.replaceState(history.state, '', cleanOAuthRedirectUrl(location.href))`.
 *
 * @throws {HfApiError} 'unauthorized' when the user refused, the answer does not belong to a
 *   sign-in started here, or the Hub refused the code; 'network' when the hub cannot be reached.
 */
export async function completeOAuthSignIn(options: CompleteOAuthSignInOptions = {}): Promise<HfOAuthSession | undefined> {
  const hubUrl = (options.hubUrl ?? DEFAULT_HUB_URL).replace(/\/+$/, '');
  const redirectedUrl = options.redirectedUrl ?? (globalThis as { location?: { href: string } }).location?.href;
  const answer = redirectedUrl ? oauthRedirectParams(redirectedUrl) : undefined;
  if (!redirectedUrl || !answer) return undefined;
  const storage = options.storage ?? defaultOAuthStorage();
  const attempt = storage ? readOAuthAttempt(storage) : undefined;
  try {
    if (answer.error) {
      const detail = `${answer.error}${answer.errorDescription ? `: ${answer.errorDescription}` : ''}`;
      throw signInError(
        hubUrl,
        DENIED_ERRORS.has(answer.error)
          ? `The sign-in was cancelled on Hugging Face (${detail}). Sign in again and approve the access request.`
          : `Hugging Face could not complete the sign-in (${detail}). Sign in again.`,
      );
    }
    if (!attempt) {
      throw signInError(
        hubUrl,
        'This sign-in answer does not belong to a sign-in started in this browser tab, or it was already used. Sign in again; if it keeps happening, open the importer in its own tab.',
      );
    }
    if (stateNonce(answer.state) !== attempt.nonce) {
      throw signInError(hubUrl, 'This sign-in answer belongs to an older sign-in attempt. Sign in again.');
    }
    const result = await oauthHandleRedirect({ hubUrl, redirectedUrl, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier }).catch(
      (error: unknown) => {
        throw oauthHubError(error, { hubUrl, step: 'complete the sign-in with Hugging Face' });
      },
    );
    return oauthSessionFromResult(result);
  } finally {
    if (storage) forgetOAuthAttempt(storage);
  }
}
