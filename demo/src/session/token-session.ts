import { HfApiError, whoAmI, type HfSessionOrg } from '@s3-to-hf/core';
import { accountStandingOf } from './account-standing.js';
import type { PageSession } from './page-session.js';

/** A problem with the pasted token, shown under the token field. */
export class TokenFieldError extends Error {
  override readonly name = 'TokenFieldError';
}

type Loose = Record<string, unknown>;
const loose = (value: unknown): Loose => (typeof value === 'object' && value !== null ? (value as Loose) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** Avatar URLs may be relative to the hub; only http(s) URLs are kept. */
function absoluteUrl(value: unknown, hubUrl: string): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  try {
    const url = new URL(raw, hubUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a pasted access token with whoami and turns it into a session. Refuses, with what to do,
 * tokens that cannot work for imports: malformed, unknown/expired, read-only, or not a user's.
 *
 * @throws {TokenFieldError} for the field; other errors (network) as HfApiError.
 */
export async function signInWithToken({ token, hubUrl, signal }: { token: string; hubUrl: string; signal?: AbortSignal }): Promise<PageSession> {
  const accessToken = token.trim();
  const settings = `${hubUrl}/settings/tokens`;
  if (!accessToken) throw new TokenFieldError(`Paste a Hugging Face access token. Create one at ${settings}.`);
  if (/\s/.test(accessToken)) throw new TokenFieldError('The token contains spaces or line breaks. Copy it again in one piece.');
  if (!accessToken.startsWith('hf_')) {
    throw new TokenFieldError(`Hugging Face access tokens start with "hf_". Copy the whole token from ${settings}.`);
  }
  let me;
  try {
    me = await whoAmI({ accessToken, hubUrl, signal });
  } catch (error) {
    if (error instanceof HfApiError && error.kind === 'unauthorized') {
      throw new TokenFieldError(`Hugging Face did not accept this token: it is unknown, revoked or expired. Create a new one at ${settings} and paste it here.`);
    }
    throw error;
  }
  if (me.type !== 'user') {
    throw new TokenFieldError(`This token belongs to ${me.type === 'org' ? 'an organization' : 'an application'}, not to a user. Paste a user access token from ${settings}.`);
  }
  const auth = loose(me.auth);
  if (loose(auth.accessToken).role === 'read') {
    throw new TokenFieldError(`This is a read-only token: it cannot create buckets or run Jobs. Paste a "write" token, or a fine-grained token allowed to write repositories and start Jobs (${settings}).`);
  }
  const expiresAt = text(auth.expiresAt) ? new Date(auth.expiresAt as string) : undefined;
  const orgs: HfSessionOrg[] = me.orgs.map((org) => {
    const details = loose(org);
    return { name: org.name, fullname: text(details.fullname), avatarUrl: absoluteUrl(details.avatarUrl, hubUrl), roleInOrg: text(details.roleInOrg) };
  });
  const account = accountStandingOf(me);
  return {
    method: 'token',
    accessToken,
    expiresAt: expiresAt && !Number.isNaN(expiresAt.getTime()) ? expiresAt : undefined,
    user: { name: me.name, fullname: text(me.fullname), avatarUrl: absoluteUrl(me.avatarUrl, hubUrl), orgs },
    ...(account ? { account } : {}),
  };
}

/**
 * The plan and billing of the signed-in account (OAuth sign-ins do not carry them), or undefined
 * when whoami does not say or cannot be reached: the page then shows nothing about them.
 */
export async function readAccountStanding({ accessToken, hubUrl, signal }: { accessToken: string; hubUrl: string; signal?: AbortSignal }) {
  try {
    return accountStandingOf(await whoAmI({ accessToken, hubUrl, signal }));
  } catch {
    return undefined;
  }
}
