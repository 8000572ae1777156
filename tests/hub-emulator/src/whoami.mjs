// GET /api/whoami-v2 in the Hub's shape (user, orgs with roleInOrg, and the `auth` block).

/** Avatar URL the emulator hands out for an account name. */
export function avatarUrl(hubUrl, name) {
  return `${hubUrl}/avatars/${encodeURIComponent(name)}.svg`;
}

function fineGrainedBlock(token, accounts) {
  const scoped = Object.entries(token.scoped ?? {}).map(([name, permissions]) => {
    const isUser = Boolean(accounts.users[name]);
    const entity = isUser ? accounts.users[name] : accounts.orgs[name];
    return { entity: { _id: entity.id, type: isUser ? 'user' : 'org', name }, permissions };
  });
  return { canReadGatedRepos: false, global: [], scoped };
}

function authBlock(token, accounts) {
  const accessToken = { displayName: token.displayName, role: token.role, createdAt: token.createdAt };
  if (token.kind === 'oauth') {
    return { type: 'oauth', accessToken, expiresAt: token.expiresAt, scope: token.scopes.join(' ') };
  }
  if (token.role === 'fineGrained') accessToken.fineGrained = fineGrainedBlock(token, accounts);
  return { type: 'access_token', accessToken, ...(token.expiresAt ? { expiresAt: token.expiresAt } : {}) };
}

/**
 * The whoami-v2 body for the caller.
 * @param {import('./permissions.mjs').Principal} principal
 * @param {ReturnType<typeof import('./accounts.mjs').createAccounts>} accounts
 * @param {string} hubUrl
 */
export function whoAmI(principal, accounts, hubUrl) {
  const { user, token } = principal;
  return {
    type: 'user',
    id: user.id,
    name: user.name,
    fullname: user.fullname,
    email: user.email,
    emailVerified: true,
    canPay: user.canPay,
    periodEnd: null,
    isPro: user.isPro,
    avatarUrl: avatarUrl(hubUrl, user.name),
    orgs: Object.entries(user.orgs).map(([name, roleInOrg]) => ({
      type: 'org',
      id: accounts.orgs[name].id,
      name,
      fullname: accounts.orgs[name].fullname,
      email: null,
      canPay: true,
      periodEnd: null,
      avatarUrl: avatarUrl(hubUrl, name),
      roleInOrg,
      isEnterprise: false,
    })),
    auth: authBlock(token, accounts),
  };
}
