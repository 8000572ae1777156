import type { HfSessionUser } from '@s3-to-hf/core';

/** The signed-in state the page keeps in memory (never in storage, the DOM or the URL). */
export interface PageSession {
  method: 'oauth' | 'token';
  accessToken: string;
  /** Undefined for access tokens without an expiry. */
  expiresAt?: Date;
  /** Granted OAuth scopes; undefined for access tokens. */
  scopes?: string[];
  user: HfSessionUser;
}
