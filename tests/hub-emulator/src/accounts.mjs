// The emulator's users, organisations and tokens. Token values are fixed (and obviously fake, so no
// secret scanner mistakes them for real Hugging Face tokens) to let tests and docs refer to them.
import { randomBytes } from 'node:crypto';

/**
 * @typedef {'read' | 'write' | 'admin'} OrgRole
 * @typedef {{ id: string, name: string, fullname: string, email: string, isPro: boolean, canPay: boolean,
 *   orgs: Record<string, OrgRole> }} User
 * @typedef {{ id: string, name: string, fullname: string }} Org
 * @typedef {'repo.content.read' | 'repo.write' | 'job.write'} FineGrainedPermission
 * @typedef {{
 *   value: string, user: string, kind: 'access_token' | 'oauth', role: 'read' | 'write' | 'fineGrained',
 *   displayName: string, createdAt: string, expiresAt?: string,
 *   scoped?: Record<string, FineGrainedPermission[]>, scopes?: string[], grantedOrgs?: string[], clientId?: string
 * }} TokenRecord
 */

/** The users, by name. @type {Record<string, User>} */
export const USERS = {
  alice: {
    id: '66a1a11ce0000000000000a1',
    name: 'alice',
    fullname: 'Alice Liddell',
    email: 'alice@example.com',
    isPro: false,
    canPay: true,
    orgs: { acme: 'write', 'readonly-org': 'read' },
  },
  bob: {
    id: '66a1a11ce0000000000000b0',
    name: 'bob',
    fullname: 'Bob Builder',
    email: 'bob@example.com',
    isPro: true,
    canPay: true,
    orgs: { acme: 'admin' },
  },
};

/** The organisations, by name. @type {Record<string, Org>} */
export const ORGS = {
  acme: { id: '66a1a11ce0000000000000ac', name: 'acme', fullname: 'Acme Corporation' },
  'readonly-org': { id: '66a1a11ce0000000000000ad', name: 'readonly-org', fullname: 'Read-only Org' },
};

/** Fixed token values (contract B `tokens`), plus `bob` for cross-user checks. */
export const TOKENS = {
  write: 'hf_emulator_alice_write',
  read: 'hf_emulator_alice_read',
  noJobs: 'hf_emulator_alice_no_jobs',
  orgWrite: 'hf_emulator_alice_acme_only',
  expired: 'hf_emulator_alice_expired',
  bob: 'hf_emulator_bob_write',
};

const CREATED_AT = '2025-01-15T09:30:00.000Z';

/** @returns {TokenRecord[]} */
function fixedTokenRecords() {
  const base = { kind: /** @type {const} */ ('access_token'), createdAt: CREATED_AT };
  return [
    { ...base, value: TOKENS.write, user: 'alice', role: 'write', displayName: 'emulator write' },
    { ...base, value: TOKENS.read, user: 'alice', role: 'read', displayName: 'emulator read' },
    {
      ...base,
      value: TOKENS.noJobs,
      user: 'alice',
      role: 'fineGrained',
      displayName: 'emulator repos only',
      scoped: { alice: ['repo.content.read', 'repo.write'], acme: ['repo.content.read', 'repo.write'] },
    },
    {
      ...base,
      value: TOKENS.orgWrite,
      user: 'alice',
      role: 'fineGrained',
      displayName: 'emulator acme only',
      scoped: { acme: ['repo.content.read', 'repo.write', 'job.write'] },
    },
    {
      ...base,
      value: TOKENS.expired,
      user: 'alice',
      role: 'write',
      displayName: 'emulator expired',
      expiresAt: '2025-02-01T00:00:00.000Z',
    },
    { ...base, value: TOKENS.bob, user: 'bob', role: 'write', displayName: 'emulator bob write' },
  ];
}

/** Creates the token registry: fixed tokens plus OAuth tokens issued at runtime. */
export function createAccounts() {
  /** @type {Map<string, TokenRecord>} */
  const tokens = new Map(fixedTokenRecords().map((record) => [record.value, record]));
  return {
    users: USERS,
    orgs: ORGS,
    /** @param {string} value */
    token(value) {
      return tokens.get(value);
    },
    /**
     * Issues an OAuth access token as `/oauth/token` would.
     * @param {{ user?: string, scopes?: string[], expiresInSeconds?: number, orgs?: string[], clientId?: string }} [options]
     */
    issueOAuthToken({ user = 'alice', scopes = ['openid', 'profile'], expiresInSeconds = 8 * 3600, orgs, clientId = 'emulator-client' } = {}) {
      if (!USERS[user]) throw new Error(`Unknown user "${user}"; known users: ${Object.keys(USERS).join(', ')}`);
      const record = {
        value: `hf_oauth_${randomBytes(17).toString('hex')}`,
        user,
        kind: /** @type {const} */ ('oauth'),
        role: /** @type {const} */ ('fineGrained'),
        displayName: `OAuth app ${clientId}`,
        createdAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString(),
        scopes: [...new Set(['openid', 'profile', ...scopes])],
        grantedOrgs: orgs ?? Object.keys(USERS[user].orgs),
        clientId,
      };
      tokens.set(record.value, record);
      return record;
    },
    /** Makes a token invalid from now on (401). */
    revoke(value) {
      return tokens.delete(value);
    },
    /** Forgets OAuth tokens and restores revoked fixed tokens. */
    reset() {
      tokens.clear();
      for (const record of fixedTokenRecords()) tokens.set(record.value, record);
    },
  };
}
