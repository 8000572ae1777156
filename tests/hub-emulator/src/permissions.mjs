// Authentication (Bearer tokens) and authorisation (namespace membership + token role, fine-grained
// permissions or OAuth scopes), with 401/403 messages that say what is missing.
import { HttpError } from './http-error.mjs';

/**
 * @typedef {import('./accounts.mjs').TokenRecord} TokenRecord
 * @typedef {import('./accounts.mjs').User} User
 * @typedef {{ token: TokenRecord, user: User }} Principal
 * @typedef {'repo.read' | 'repo.write' | 'job.read' | 'job.write'} Permission
 */

const INVALID_CREDENTIALS = 'Invalid credentials in Authorization header';

const PERMISSION_LABELS = {
  'repo.read': 'read buckets',
  'repo.write': 'create or write buckets',
  'job.read': 'read Jobs',
  'job.write': 'run Jobs',
};

/** @type {Record<Permission, import('./accounts.mjs').FineGrainedPermission>} */
const FINE_GRAINED_PERMISSION = {
  'repo.read': 'repo.content.read',
  'repo.write': 'repo.write',
  'job.read': 'job.write',
  'job.write': 'job.write',
};

const OAUTH_SCOPES = {
  'repo.read': ['read-repos', 'write-repos', 'contribute-repos', 'manage-repos'],
  'repo.write': ['write-repos', 'contribute-repos', 'manage-repos'],
  'job.read': ['jobs'],
  'job.write': ['jobs'],
};

/**
 * Reads the Bearer token. Returns undefined when there is no Authorization header and `required`
 * is false; throws 401 for a missing (when required), unknown, revoked or expired token.
 * @param {import('node:http').IncomingMessage} req
 * @param {ReturnType<typeof import('./accounts.mjs').createAccounts>} accounts
 * @param {{ required: boolean }} options
 * @returns {Principal | undefined}
 */
export function authenticate(req, accounts, { required }) {
  const header = req.headers.authorization;
  if (!header) {
    if (!required) return undefined;
    throw new HttpError(401, 'You must be authenticated: send an "Authorization: Bearer <token>" header');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match ? accounts.token(match[1]) : undefined;
  if (!token || (token.expiresAt && Date.parse(token.expiresAt) <= Date.now())) {
    throw new HttpError(401, INVALID_CREDENTIALS);
  }
  return { token, user: accounts.users[token.user] };
}

/**
 * The user's role in a namespace: 'owner' for their own, their org role, or undefined.
 * @param {User} user
 * @param {string} namespace
 */
export function namespaceRole(user, namespace) {
  if (namespace === user.name) return 'owner';
  return user.orgs[namespace];
}

function isWrite(permission) {
  return permission === 'repo.write' || permission === 'job.write';
}

/**
 * Throws 403 unless the principal may use `permission` in `namespace`.
 * @param {Principal} principal
 * @param {string} namespace
 * @param {Permission} permission
 * @param {{ action?: string }} [options] what the 403 message says the caller cannot do
 *   (default: the permission's bucket/Job wording, e.g. 'create or write buckets')
 */
export function authorize(principal, namespace, permission, { action = PERMISSION_LABELS[permission] } = {}) {
  const { token, user } = principal;
  const role = namespaceRole(user, namespace);
  if (!role) {
    throw new HttpError(403, `User "${user.name}" cannot ${action} in "${namespace}": it is neither their namespace nor one of their organizations`);
  }
  if (isWrite(permission) && role === 'read') {
    throw new HttpError(403, `User "${user.name}" has the "read" role in the organization "${namespace}" and cannot ${action} there; ask an admin for the "write" role`);
  }
  if (token.kind === 'oauth') {
    const isOrg = role !== 'owner';
    if (isOrg && !token.grantedOrgs?.includes(namespace)) {
      throw new HttpError(403, `This OAuth token was not granted access to the organization "${namespace}"; sign in again and grant it`);
    }
    const accepted = OAUTH_SCOPES[permission];
    if (!accepted.some((scope) => token.scopes?.includes(scope))) {
      throw new HttpError(403, `This OAuth token cannot ${action}: it is missing the ${accepted.map((s) => `"${s}"`).join(' or ')} scope`);
    }
    return;
  }
  if (token.role === 'read' && isWrite(permission)) {
    throw new HttpError(403, `This token has the "read" role and cannot ${action}; use a token with the "write" role`);
  }
  if (token.role === 'fineGrained') {
    const needed = FINE_GRAINED_PERMISSION[permission];
    if (!token.scoped?.[namespace]?.includes(needed)) {
      throw new HttpError(403, `This fine-grained token cannot ${action} in "${namespace}": it lacks the "${needed}" permission there`);
    }
  }
}

/**
 * Resolves the 'me' alias and checks the namespace exists; returns the owner entity of the namespace.
 * @param {string} namespace
 * @param {Principal | undefined} principal
 * @param {{ users: Record<string, { id: string }>, orgs: Record<string, { id: string }> }} accounts
 * @returns {{ id: string, name: string, type: 'user' | 'org' }}
 */
export function resolveNamespace(namespace, principal, accounts) {
  const name = namespace === 'me' && principal ? principal.user.name : namespace;
  const user = accounts.users[name];
  if (user) return { id: user.id, name, type: 'user' };
  const org = accounts.orgs[name];
  if (org) return { id: org.id, name, type: 'org' };
  throw new HttpError(404, `Namespace "${name}" not found`);
}
