import type { OAuthResult } from '@huggingface/hub';

/** An organisation the signed-in user granted the app (or belongs to, for access tokens). */
export interface HfSessionOrg {
  name: string;
  fullname?: string;
  avatarUrl?: string;
  /** 'read', 'write', 'admin', … when the Hub tells it. */
  roleInOrg?: string;
}

/** Who is signed in. */
export interface HfSessionUser {
  /** The account name (namespace), e.g. 'alice'. */
  name: string;
  fullname?: string;
  avatarUrl?: string;
  orgs?: HfSessionOrg[];
}

/** The result of "Sign in with Hugging Face": a short-lived access token and its user. */
export interface HfOAuthSession {
  accessToken: string;
  /** When the Hub stops accepting `accessToken` (the Space's `hf_oauth_expiration_minutes`). */
  expiresAt: Date;
  /** The scopes the user granted, e.g. ['openid', 'profile', 'jobs']. */
  scopes: string[];
  user: HfSessionUser;
}

const nonEmpty = (value: string | undefined | null): string | undefined => (value ? value : undefined);

/** Maps @huggingface/hub's OAuth result (OpenID userinfo) to an {@link HfOAuthSession}. */
export function oauthSessionFromResult(result: OAuthResult): HfOAuthSession {
  const { userInfo } = result;
  return {
    accessToken: result.accessToken,
    expiresAt: result.accessTokenExpiresAt,
    scopes: (result.scope ?? '').split(/\s+/).filter(Boolean),
    user: {
      name: userInfo.preferred_username,
      fullname: nonEmpty(userInfo.name),
      avatarUrl: nonEmpty(userInfo.picture),
      orgs: userInfo.orgs?.map((org) => ({
        name: org.preferred_username,
        fullname: nonEmpty(org.name),
        avatarUrl: nonEmpty(org.picture),
        roleInOrg: nonEmpty(org.roleInOrg),
      })),
    },
  };
}
