import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startHubEmulator } from '../index.mjs';
import { call } from '../test-support/api.mjs';

describe('Storage Buckets API', () => {
  /** @type {Awaited<ReturnType<typeof startHubEmulator>>} */
  let hub;
  before(async () => {
    hub = await startHubEmulator();
  });
  beforeEach(() => hub.control.reset());
  after(() => hub.close());

  const create = (id, token, json = {}) => call(`${hub.url}/api/buckets/${id}`, { method: 'POST', token, json });
  const info = (id, token) => call(`${hub.url}/api/buckets/${id}`, { token });
  const upload = (id, path, token, body) => call(
    `${hub.url}/api/buckets/${id}/_emulator/upload/${path.split('/').map(encodeURIComponent).join('/')}`,
    { method: 'PUT', token, body },
  );

  it('creates a bucket (200 {url,id,name}), then answers 409 for the same id', async () => {
    const created = await create('alice/datasets', hub.tokens.write, { private: false });
    assert.equal(created.status, 200);
    assert.equal(created.data.url, `${hub.url}/buckets/alice/datasets`);
    assert.equal(created.data.name, 'alice/datasets');
    assert.match(created.data.id, /^[0-9a-f]{24}$/);
    const again = await create('alice/datasets', hub.tokens.write);
    assert.equal(again.status, 409);
    assert.match(again.data.error, /alice\/datasets/);
    assert.deepEqual([...hub.control.buckets().keys()], ['alice/datasets']);
  });

  it('resolves the "me" namespace to the caller', async () => {
    assert.equal((await create('me/mine', hub.tokens.bob)).data.name, 'bob/mine');
  });

  it('validates bucket names and bodies', async () => {
    for (const name of ['-lead', 'a--b', 'a..b', 'trail.', 'x'.repeat(97), 'sp ace']) {
      const response = await create(`alice/${encodeURIComponent(name)}`, hub.tokens.write);
      assert.equal(response.status, 400, name);
      assert.match(response.data.error, /Invalid bucket name/);
    }
    assert.equal((await create('alice/ok', hub.tokens.write, { region: 'mars' })).status, 400);
    const notJson = await call(`${hub.url}/api/buckets/alice/ok`, { method: 'POST', token: hub.tokens.write, body: '{oops', headers: { 'Content-Type': 'application/json' } });
    assert.equal(notJson.status, 400);
  });

  it('checks who may create where (401, 403 with reasons, 404 unknown namespace)', async () => {
    assert.equal((await create('alice/x', undefined)).status, 401);
    assert.equal((await create('alice/x', hub.tokens.expired)).status, 401);

    const readToken = await create('alice/x', hub.tokens.read);
    assert.equal(readToken.status, 403);
    assert.match(readToken.data.error, /"read" role/);

    const readonlyOrg = await create('readonly-org/x', hub.tokens.write);
    assert.equal(readonlyOrg.status, 403);
    assert.match(readonlyOrg.data.error, /readonly-org/);

    const otherUser = await create('bob/x', hub.tokens.write);
    assert.equal(otherUser.status, 403);

    const orgOnlyOnAlice = await create('alice/x', hub.tokens.orgWrite);
    assert.equal(orgOnlyOnAlice.status, 403);
    assert.match(orgOnlyOnAlice.data.error, /fine-grained/);
    assert.equal((await create('acme/x', hub.tokens.orgWrite)).status, 200);
    assert.equal((await create('alice/x', hub.tokens.noJobs)).status, 200);

    assert.equal((await create('nobody-here/x', hub.tokens.write)).status, 404);
  });

  it('returns bucket info, hides private buckets from outsiders, and 404s missing ones', async () => {
    await create('alice/public', hub.tokens.write);
    await create('alice/secret', hub.tokens.write, { private: true });
    await upload('alice/public', 'a.txt', hub.tokens.write, 'hello');

    const publicInfo = await info('alice/public');
    assert.equal(publicInfo.status, 200);
    assert.equal(publicInfo.data.id, 'alice/public');
    assert.equal(publicInfo.data.private, false);
    assert.equal(publicInfo.data.size, 5);
    assert.equal(publicInfo.data.totalFiles, 1);
    assert.ok(Date.parse(publicInfo.data.createdAt));

    assert.equal((await info('alice/secret', hub.tokens.write)).data.private, true);
    assert.equal((await info('alice/secret', hub.tokens.bob)).status, 404);
    assert.equal((await info('alice/secret')).status, 404);
    assert.equal((await info('alice/absent', hub.tokens.write)).status, 404);
    assert.equal((await info('alice/public', 'hf_bogus')).status, 401);
  });

  it('deletes buckets (404 when missing, 403 without write access)', async () => {
    await create('alice/doomed', hub.tokens.write);
    assert.equal((await call(`${hub.url}/api/buckets/alice/doomed`, { method: 'DELETE', token: hub.tokens.read })).status, 403);
    assert.equal((await call(`${hub.url}/api/buckets/alice/doomed`, { method: 'DELETE', token: hub.tokens.write })).status, 200);
    assert.equal((await info('alice/doomed', hub.tokens.write)).status, 404);
    assert.equal((await call(`${hub.url}/api/buckets/alice/doomed`, { method: 'DELETE', token: hub.tokens.write })).status, 404);
  });

  it('lists the tree recursively or one level at a time, with Link pagination', async () => {
    hub.control.createBucket('alice/tree', {
      files: { 'top.txt': 'a', 'dir/one.txt': 'bb', 'dir/sub/two.txt': 'ccc', 'dir/sub/three.txt': 'dddd', 'other/x': '' },
    });
    const recursive = await call(`${hub.url}/api/buckets/alice/tree/tree?recursive=true`);
    assert.equal(recursive.status, 200);
    assert.deepEqual(recursive.data.map((entry) => [entry.type, entry.path, entry.size]), [
      ['file', 'dir/one.txt', 2], ['file', 'dir/sub/three.txt', 4], ['file', 'dir/sub/two.txt', 3], ['file', 'other/x', 0], ['file', 'top.txt', 1],
    ]);
    for (const entry of recursive.data) assert.ok(Date.parse(entry.uploadedAt), entry.path);

    const topLevel = await call(`${hub.url}/api/buckets/alice/tree/tree`);
    assert.deepEqual(topLevel.data.map((entry) => [entry.type, entry.path]), [['directory', 'dir'], ['directory', 'other'], ['file', 'top.txt']]);
    const sub = await call(`${hub.url}/api/buckets/alice/tree/tree/dir?recursive=true`);
    assert.deepEqual(sub.data.map((entry) => entry.path), ['dir/one.txt', 'dir/sub/three.txt', 'dir/sub/two.txt']);

    const pages = [];
    let url = `${hub.url}/api/buckets/alice/tree/tree?recursive=true&limit=2`;
    while (url) {
      const page = await call(url);
      pages.push(page.data.map((entry) => entry.path));
      url = /<([^>]+)>;\s*rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
    }
    assert.deepEqual(pages, [['dir/one.txt', 'dir/sub/three.txt'], ['dir/sub/two.txt', 'other/x'], ['top.txt']]);
    assert.equal((await call(`${hub.url}/api/buckets/alice/nope/tree`)).status, 404);
  });

  it('grants the xet write token only to writers of an existing bucket', async () => {
    await create('alice/target', hub.tokens.write);
    const ok = await call(`${hub.url}/api/buckets/alice/target/xet-write-token`, { token: hub.tokens.write });
    assert.equal(ok.status, 200);
    assert.equal(typeof ok.data.accessToken, 'string');
    assert.equal((await call(`${hub.url}/api/buckets/alice/target/xet-write-token`, { token: hub.tokens.read })).status, 403);
    assert.equal((await call(`${hub.url}/api/buckets/alice/missing/xet-write-token`, { token: hub.tokens.write })).status, 404);
  });

  it('stores uploads byte for byte, keeps exotic paths, and fails the ones failImportOf names', async () => {
    await create('alice/up', hub.tokens.write);
    const binary = Buffer.from([0, 255, 10, 13, 128]);
    const exotic = 'dir/ü [x] *?#%+ \\ \t/-rf';
    assert.equal((await upload('alice/up', exotic, hub.tokens.write, binary)).status, 200);
    assert.equal((await upload('alice/up', 'nope.txt', hub.tokens.read, 'x')).status, 403);
    assert.equal((await upload('alice/missing', 'x.txt', hub.tokens.write, 'x')).status, 404);

    hub.control.failImportOf('*.parquet');
    const failed = await upload('alice/up', 'data/part-0.parquet', hub.tokens.write, 'p');
    assert.equal(failed.status, 500);
    assert.match(failed.data.error, /part-0\.parquet/);
    assert.equal((await upload('alice/up', 'data/part-0.json', hub.tokens.write, 'j')).status, 200);

    const files = /** @type {Map<string, Buffer>} */ (hub.control.buckets().get('alice/up'));
    assert.deepEqual([...files.keys()].sort(), ['data/part-0.json', exotic]);
    assert.deepEqual(files.get(exotic), binary);
  });
});
