// GET /avatars/:name.svg, the images whoami and userinfo point at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHubEmulator } from '../index.mjs';
import { call } from '../test-support/api.mjs';

describe('avatars', () => {
  let hub;
  before(async () => {
    hub = await startHubEmulator();
  });
  after(() => hub.close());

  it('serves the avatar URLs whoami hands out, and 404 for unknown names', async () => {
    const me = await call(`${hub.url}/api/whoami-v2`, { token: hub.tokens.write });
    const avatar = await fetch(me.data.avatarUrl);
    assert.equal(avatar.status, 200);
    assert.equal(avatar.headers.get('content-type'), 'image/svg+xml');
    assert.match(await avatar.text(), /^<svg [^>]*>.*>A<\/text><\/svg>$/);
    assert.equal((await fetch(me.data.orgs[0].avatarUrl)).status, 200);
    assert.equal((await call(`${hub.url}/avatars/nobody.svg`)).status, 404);
    assert.equal((await call(`${hub.url}/avatars/alice.png`)).status, 404);
  });
});
