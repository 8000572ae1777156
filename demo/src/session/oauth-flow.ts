import { cleanOAuthRedirectUrl, completeOAuthSignIn, oauthRedirectParams, oauthSignInUrl } from '@s3-to-hf/core';
import type { PageSession } from './page-session.js';

/** Whether the Hub just sent the browser back here with a sign-in answer (or refusal). */
export const hasOAuthAnswer = (href: string): boolean => oauthRedirectParams(href) !== undefined;

/** Sends the browser to the Hub's consent page; it comes back to this page's current address. */
export async function startOAuthSignIn({ hubUrl, clientId, scopes }: { hubUrl: string; clientId: string; scopes: string }): Promise<void> {
  const redirectUrl = cleanOAuthRedirectUrl(location.href).split('#', 1)[0];
  location.assign(await oauthSignInUrl({ hubUrl, clientId, scopes, redirectUrl }));
}

/**
 * Handles the Hub's answer when the page loads after sign-in, and removes it from the address bar
 * (and so from history and bookmarks) whatever the outcome. Undefined when there was no answer.
 */
export async function finishOAuthSignIn(hubUrl: string): Promise<PageSession | undefined> {
  const redirectedUrl = location.href;
  if (!hasOAuthAnswer(redirectedUrl)) return undefined;
  history.replaceState(history.state, '', cleanOAuthRedirectUrl(redirectedUrl));
  const session = await completeOAuthSignIn({ hubUrl, redirectedUrl });
  return session && { method: 'oauth', ...session };
}
