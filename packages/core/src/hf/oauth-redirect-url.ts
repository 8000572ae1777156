/** What the Hub appended to the page's URL when it sent the browser back after sign-in. */
export interface OAuthRedirectParams {
  code?: string;
  state?: string;
  error?: string;
  errorDescription?: string;
}

// Everything the authorization server may append (RFC 6749 §4.1.2, RFC 9207 `iss`).
const OAUTH_PARAMS = new Set(['code', 'state', 'error', 'error_description', 'error_uri', 'iss']);

function decodeQueryComponent(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

/**
 * The sign-in answer in `href`, or undefined when the URL carries none: a `code` with its `state`,
 * or an `error`.
 *
 * @example
 * oauthRedirectParams('https://space.example/?code=abc&state=%7B%7D') // { code: 'abc', state: '{}' }
 * oauthRedirectParams('https://space.example/?view=1')               // undefined
 */
export function oauthRedirectParams(href: string): OAuthRedirectParams | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(href).searchParams;
  } catch {
    return undefined;
  }
  const code = params.get('code') ?? undefined;
  const state = params.get('state') ?? undefined;
  const error = params.get('error') ?? undefined;
  if (error) return { error, errorDescription: params.get('error_description') ?? undefined, state };
  if (code && state) return { code, state };
  return undefined;
}

/**
 * `href` without the parameters the Hub appended on the way back (`code`, `state`, `error`, …), for
 * `history.replaceState` once the answer is handled: the single-use code must not stay in the
 * address bar, the history or a bookmark. Every other parameter and the fragment stay byte for byte.
 *
 * @example
 * cleanOAuthRedirectUrl('https://s.example/?hub=x&code=1&state=2#top') // 'https://s.example/?hub=x#top'
 */
export function cleanOAuthRedirectUrl(href: string): string {
  const hashStart = href.indexOf('#');
  const beforeHash = hashStart === -1 ? href : href.slice(0, hashStart);
  const hash = hashStart === -1 ? '' : href.slice(hashStart);
  const queryStart = beforeHash.indexOf('?');
  if (queryStart === -1) return href;
  const base = beforeHash.slice(0, queryStart);
  const kept = beforeHash
    .slice(queryStart + 1)
    .split('&')
    .filter((pair) => pair !== '' && !OAUTH_PARAMS.has(decodeQueryComponent(pair.split('=', 1)[0])));
  return `${base}${kept.length > 0 ? `?${kept.join('&')}` : ''}${hash}`;
}
