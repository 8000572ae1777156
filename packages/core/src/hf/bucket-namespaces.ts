import type { HfWhoAmI } from './who-am-i.js';

/** A namespace where a bucket can be chosen, as whoami describes it for this token. */
export interface BucketNamespace {
  name: string;
  kind: 'user' | 'org';
  /**
   * Whether the token may create and write buckets here: false only when whoami says so for
   * sure (read role in the org, read-only token, missing scope), undefined when it cannot tell.
   */
  canWrite: boolean | undefined;
  /** When `canWrite` is false: why, and what to do about it. */
  reason?: string;
}

// The OAuth scopes that let a token create or write buckets (docs/hub/oauth.md).
const BUCKET_WRITE_SCOPES = ['write-repos', 'contribute-repos', 'manage-repos'];
const WRITE_ORG_ROLES = new Set(['write', 'admin', 'contributor']);

type Verdict = { canWrite: boolean | undefined; reason?: string };
const UNKNOWN: Verdict = { canWrite: undefined };
const YES: Verdict = { canWrite: true };

// whoami-v2 carries more than @huggingface/hub's types say (roleInOrg, scope, fineGrained).
type Loose = Record<string, unknown>;
const asLoose = (value: unknown): Loose => (typeof value === 'object' && value !== null ? (value as Loose) : {});

function fineGrainedVerdict(fineGrained: Loose, namespace: string): Verdict {
  const scoped = Array.isArray(fineGrained.scoped) ? fineGrained.scoped.map(asLoose) : [];
  const writes = (entry: Loose) => Array.isArray(entry.permissions) && entry.permissions.includes('repo.write');
  const entityName = (entry: Loose) => String(asLoose(entry.entity).name ?? '');
  if (scoped.some((entry) => writes(entry) && entityName(entry) === namespace)) return YES;
  // Write access to single repos of this namespace may include the bucket itself.
  if (scoped.some((entry) => writes(entry) && entityName(entry).startsWith(`${namespace}/`))) return UNKNOWN;
  return {
    canWrite: false,
    reason: `This fine-grained token has no write access in "${namespace}". Give it write access to ${namespace}'s repositories in your Hugging Face token settings, or use another token.`,
  };
}

function tokenVerdict(auth: Loose, namespace: string, kind: BucketNamespace['kind']): Verdict {
  const accessToken = asLoose(auth.accessToken);
  if (auth.type === 'oauth') {
    if (typeof auth.scope !== 'string') return UNKNOWN;
    const scopes = auth.scope.split(/\s+/);
    if (!BUCKET_WRITE_SCOPES.some((scope) => scopes.includes(scope))) {
      return {
        canWrite: false,
        reason: 'This sign-in did not grant the "contribute-repos" or "write-repos" scope, so it cannot create or write buckets. Sign in again and allow it.',
      };
    }
    // Which organisations the user granted at sign-in is not in whoami.
    return kind === 'user' ? YES : UNKNOWN;
  }
  if (accessToken.role === 'read') {
    return {
      canWrite: false,
      reason: 'This access token has the "read" role, so it cannot create or write buckets. Use a token with the "write" role, or sign in again.',
    };
  }
  if (accessToken.role === 'fineGrained') return fineGrainedVerdict(asLoose(accessToken.fineGrained), namespace);
  return accessToken.role === 'write' ? YES : UNKNOWN;
}

function orgRoleVerdict(role: unknown, org: string): Verdict {
  if (role === 'read') {
    return {
      canWrite: false,
      reason: `You have the "read" role in "${org}", so you cannot create or write buckets there. Ask an admin of ${org} for the "write" role, or choose another namespace.`,
    };
  }
  return typeof role === 'string' && WRITE_ORG_ROLES.has(role) ? YES : UNKNOWN;
}

function combine(first: Verdict, second: Verdict): Verdict {
  if (first.canWrite === false) return first;
  if (second.canWrite === false) return second;
  return first.canWrite && second.canWrite ? YES : UNKNOWN;
}

/**
 * The namespaces a signed-in user can pick for a bucket (their own first, then their
 * organisations in whoami's order), each marked with whether the token may write there.
 * An organisation token gives its own namespace; an app gives none.
 *
 * @example
 * const namespaces = listBucketNamespaces(await whoAmI({ accessToken }));
 * // → [{ name: 'alice', kind: 'user', canWrite: true }, { name: 'readonly-org', kind: 'org', canWrite: false, reason: '…' }]
 */
export function listBucketNamespaces(me: HfWhoAmI): BucketNamespace[] {
  const auth = asLoose(me.auth);
  if (me.type === 'org') return [{ name: me.name, kind: 'org', ...tokenVerdict(auth, me.name, 'org') }];
  if (me.type !== 'user') return [];
  const own: BucketNamespace = { name: me.name, kind: 'user', ...tokenVerdict(auth, me.name, 'user') };
  const orgs = me.orgs.map((org): BucketNamespace => ({
    name: org.name,
    kind: 'org',
    ...combine(orgRoleVerdict(asLoose(org).roleInOrg, org.name), tokenVerdict(auth, org.name, 'org')),
  }));
  return [own, ...orgs];
}
