import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHubEmulator } from '../index.mjs';
import { call } from '../test-support/api.mjs';

describe('authentication and whoami-v2', () => {
  /** @type {Awaited<ReturnType<typeof startHubEmulator>>} */
  let hub;
  before(async () => {
    hub = await startHubEmulator();
  });
  after(() => hub.close());

  const whoami = (token, headers) => call(`${hub.url}/api/whoami-v2`, { token, headers });

  it('exposes the contract token set', () => {
    assert.deepEqual(Object.keys(hub.tokens).sort(), ['bob', 'expired', 'noJobs', 'orgWrite', 'read', 'write']);
    assert.equal(new Set(Object.values(hub.tokens)).size, 6);
  });

  it('describes alice, her orgs and a classic write token', async () => {
    const { status, data } = await whoami(hub.tokens.write);
    assert.equal(status, 200);
    assert.equal(data.type, 'user');
    assert.equal(data.name, 'alice');
    assert.match(data.id, /^[0-9a-f]{24}$/);
    for (const field of ['fullname', 'email', 'avatarUrl']) assert.equal(typeof data[field], 'string', field);
    assert.equal(typeof data.canPay, 'boolean');
    assert.equal(typeof data.isPro, 'boolean');
    assert.deepEqual(
      data.orgs.map((org) => [org.type, org.name, org.roleInOrg]),
      [['org', 'acme', 'write'], ['org', 'readonly-org', 'read']],
    );
    assert.equal(data.auth.type, 'access_token');
    assert.equal(data.auth.accessToken.role, 'write');
    assert.equal(typeof data.auth.accessToken.displayName, 'string');
  });

  it('reports the read role', async () => {
    const { data } = await whoami(hub.tokens.read);
    assert.equal(data.auth.accessToken.role, 'read');
  });

  it('describes fine-grained permissions: noJobs lacks job.write, orgWrite only covers acme', async () => {
    const noJobs = (await whoami(hub.tokens.noJobs)).data.auth.accessToken;
    assert.equal(noJobs.role, 'fineGrained');
    assert.deepEqual(noJobs.fineGrained.scoped.map((entry) => entry.entity.name).sort(), ['acme', 'alice']);
    for (const entry of noJobs.fineGrained.scoped) assert.ok(!entry.permissions.includes('job.write'));

    const orgWrite = (await whoami(hub.tokens.orgWrite)).data.auth.accessToken;
    assert.deepEqual(orgWrite.fineGrained.scoped.map((entry) => [entry.entity.type, entry.entity.name]), [['org', 'acme']]);
    assert.ok(orgWrite.fineGrained.scoped[0].permissions.includes('job.write'));
  });

  it('rejects expired, unknown, malformed and missing credentials with 401', async () => {
    for (const token of [hub.tokens.expired, 'hf_not_a_known_token']) {
      const { status, data } = await whoami(token);
      assert.equal(status, 401, token);
      assert.deepEqual(data, { error: 'Invalid credentials in Authorization header' });
    }
    const basic = await whoami(undefined, { Authorization: 'Basic YWxpY2U6c2VjcmV0' });
    assert.equal(basic.status, 401);
    const missing = await whoami(undefined);
    assert.equal(missing.status, 401);
    assert.match(missing.data.error, /Authorization: Bearer/);
  });

  it('stops accepting a revoked token, and reset() restores the fixed tokens', async () => {
    assert.equal(hub.control.revokeToken(hub.tokens.bob), true);
    assert.equal((await whoami(hub.tokens.bob)).status, 401);
    hub.control.reset();
    const { status, data } = await whoami(hub.tokens.bob);
    assert.equal(status, 200);
    assert.equal(data.name, 'bob');
  });

  it('describes OAuth tokens and expires them', async () => {
    const token = hub.control.issueOAuthToken({ scopes: ['jobs', 'write-repos'], expiresInSeconds: 3600 });
    assert.match(token, /^hf_oauth_/);
    const { status, data } = await whoami(token);
    assert.equal(status, 200);
    assert.equal(data.auth.type, 'oauth');
    assert.ok(Date.parse(data.auth.expiresAt) > Date.now());
    assert.deepEqual(data.auth.scope.split(' ').sort(), ['jobs', 'openid', 'profile', 'write-repos']);

    const expired = hub.control.issueOAuthToken({ expiresInSeconds: 0 });
    assert.equal((await whoami(expired)).status, 401);
  });

  it('sends CORS headers on every response and answers preflights', async () => {
    for (const response of [await whoami(hub.tokens.write), await whoami('nope'), await call(`${hub.url}/api/nothing-here`)]) {
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
    }
    const preflight = await fetch(`${hub.url}/api/jobs/alice`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/i);
  });

  it('answers unknown routes with 404 and wrong methods with 405, as JSON errors', async () => {
    const missing = await call(`${hub.url}/api/unknown`);
    assert.equal(missing.status, 404);
    assert.equal(typeof missing.data.error, 'string');
    const wrongMethod = await call(`${hub.url}/api/whoami-v2`, { method: 'DELETE', token: hub.tokens.write });
    assert.equal(wrongMethod.status, 405);
  });
});
