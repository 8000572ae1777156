/**
 * Where the one-time sign-in check (nonce and PKCE code verifier) waits while the browser is away
 * on the Hub's consent page. `localStorage` in browsers; any object with these methods elsewhere.
 */
export interface OAuthStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

// The key names @huggingface/hub itself uses, so a page mixing its helpers with ours still works
// and only ever holds one pending sign-in.
export const OAUTH_NONCE_KEY = 'huggingface.co:oauth:nonce';
export const OAUTH_CODE_VERIFIER_KEY = 'huggingface.co:oauth:code_verifier';

/** The browser's localStorage, or undefined where there is none (Node, some sandboxed frames). */
export function defaultOAuthStorage(): OAuthStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Reading `localStorage` throws a SecurityError where storage is blocked.
    return undefined;
  }
}

/** The pending sign-in's nonce and code verifier, when both are there. */
export function readOAuthAttempt(storage: OAuthStorage): { nonce: string; codeVerifier: string } | undefined {
  const nonce = storage.getItem(OAUTH_NONCE_KEY);
  const codeVerifier = storage.getItem(OAUTH_CODE_VERIFIER_KEY);
  return nonce && codeVerifier ? { nonce, codeVerifier } : undefined;
}

/** Removes the pending sign-in's nonce and code verifier: they are single-use. */
export function forgetOAuthAttempt(storage: OAuthStorage): void {
  storage.removeItem(OAUTH_NONCE_KEY);
  storage.removeItem(OAUTH_CODE_VERIFIER_KEY);
}
