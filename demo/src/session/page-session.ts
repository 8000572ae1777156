import type { HfSessionUser } from '@s3-to-hf/core';
import type { AccountStanding } from './account-standing.js';

/** The signed-in state the page keeps in memory (never in storage, the DOM or the URL). */
export interface PageSession {
  method: 'oauth' | 'token';
  accessToken: string;
  /** Undefined for access tokens without an expiry. */
  expiresAt?: Date;
  /** Granted OAuth scopes; undefined for access tokens. */
  scopes?: string[];
  user: HfSessionUser;
  /** Plan and billing, once whoami told them (read right after an OAuth sign-in). */
  account?: AccountStanding;
}
