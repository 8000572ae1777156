// Spaces as @huggingface/hub's createRepo / repoExists / spaceInfo / listFiles / uploadFiles /
// commit use them (what `npm run deploy` needs), checked with hub.js itself and with raw requests
// for the status codes and `{ "error": … }` bodies.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { commit, createRepo, HubApiError, listFiles, repoExists, spaceInfo, uploadFiles } from '@huggingface/hub';
import { startHubEmulator } from '../index.mjs';
import { createHubControlClient } from '../control-client.mjs';
import { call } from '../test-support/api.mjs';

const text = (value) => new Blob([value]);

/** Runs a hub.js call that must fail and returns its HubApiError. */
async function hubError(promise) {
  let caught;
  await promise.catch((error) => {
    caught = error;
  });
  assert.ok(caught instanceof HubApiError, `expected a HubApiError, got ${caught}`);
  return caught;
}

describe('Spaces API (createRepo, uploadFiles, commit)', () => {
  /** @type {Awaited<ReturnType<typeof startHubEmulator>>} */
  let hub;
  let write;
  before(async () => {
    hub = await startHubEmulator();
  });
  beforeEach(() => hub.control.reset());
  after(() => hub.close());

  const create = (name, options = {}) => createRepo({ repo: { type: 'space', name }, sdk: 'static', accessToken: write, hubUrl: hub.url, ...options });
  const ndjsonCommit = (id, lines, token = hub.tokens.write, rev = 'main') => call(`${hub.url}/api/spaces/${id}/commit/${rev}`, {
    method: 'POST',
    token,
    body: lines.map((line) => JSON.stringify(line)).join('\n'),
    headers: { 'Content-Type': 'application/x-ndjson' },
  });
  const header = { key: 'header', value: { summary: 'Test commit' } };

  before(() => {
    write = hub.tokens.write;
  });

  it('creates a private static Space with .gitattributes, then answers 409 with the Hub\'s message', async () => {
    const created = await create('alice/importer', { private: true });
    assert.equal(created.repoUrl, `${hub.url}/spaces/alice/importer`);
    assert.match(created.id, /^[0-9a-f]{24}$/);

    const space = hub.control.spaces().get('alice/importer');
    assert.equal(space?.private, true);
    assert.equal(space?.sdk, 'static');
    assert.deepEqual([...space.files.keys()], ['.gitattributes']);
    assert.match(space.files.get('.gitattributes').toString(), /\*\.png filter=lfs/);

    const again = await hubError(create('alice/importer'));
    assert.equal(again.statusCode, 409);
    assert.match(again.message, /You already created this space repo/);
    const raw = await call(`${hub.url}/api/repos/create`, { method: 'POST', token: write, json: { name: 'importer', type: 'space', sdk: 'static' } });
    assert.equal(raw.status, 409);
    assert.deepEqual(raw.data, { error: 'You already created this space repo', url: `${hub.url}/spaces/alice/importer` });
  });

  it('creates public Spaces by default and in organisations the user may write to', async () => {
    await create('alice/public-one');
    await create('acme/team-space');
    const spaces = hub.control.spaces();
    assert.equal(spaces.get('alice/public-one')?.private, false);
    assert.equal(spaces.get('acme/team-space')?.private, false);
    await createRepo({ repo: { type: 'space', name: 'alice/visible' }, visibility: 'private', sdk: 'gradio', accessToken: write, hubUrl: hub.url });
    assert.equal(hub.control.spaces().get('alice/visible')?.sdk, 'gradio');
    assert.equal(hub.control.spaces().get('alice/visible')?.private, true);
  });

  it('refuses creation without rights (401/403), with bad names, sdk or type (400), in unknown namespaces (404)', async () => {
    const body = { name: 'demo', type: 'space', sdk: 'static' };
    const createRaw = (json, token) => call(`${hub.url}/api/repos/create`, { method: 'POST', token, json });
    assert.equal((await createRaw(body)).status, 401);
    const readOnly = await createRaw(body, hub.tokens.read);
    assert.equal(readOnly.status, 403);
    assert.match(readOnly.data.error, /"read" role and cannot create or write Spaces/);
    const readonlyOrg = await createRaw({ ...body, organization: 'readonly-org' }, write);
    assert.equal(readonlyOrg.status, 403);
    assert.match(readonlyOrg.data.error, /"read" role in the organization "readonly-org"/);
    const othersNamespace = await hubError(create('bob/not-yours'));
    assert.equal(othersNamespace.statusCode, 403);

    for (const name of ['-lead', 'a--b', 'sp ace', 'x'.repeat(97)]) {
      const response = await createRaw({ ...body, name }, write);
      assert.equal(response.status, 400, name);
      assert.match(response.data.error, /Invalid repo name/);
    }
    assert.match((await createRaw({ ...body, sdk: 'flask' }, write)).data.error, /Invalid sdk "flask"/);
    assert.match((await createRaw({ name: 'm', type: 'model' }, write)).data.error, /only Spaces/);
    assert.equal((await createRaw({ ...body, organization: 'nobody-here' }, write)).status, 404);
    assert.equal(hub.control.spaces().size, 0);
  });

  it('applies OAuth scopes: contribute-repos may create, jobs alone may not', async () => {
    const contributor = hub.control.issueOAuthToken({ scopes: ['contribute-repos'] });
    await createRepo({ repo: { type: 'space', name: 'alice/by-oauth' }, sdk: 'static', accessToken: contributor, hubUrl: hub.url });
    const jobsOnly = hub.control.issueOAuthToken({ scopes: ['jobs'] });
    const refused = await hubError(createRepo({ repo: { type: 'space', name: 'alice/no-scope' }, sdk: 'static', accessToken: jobsOnly, hubUrl: hub.url }));
    assert.equal(refused.statusCode, 403);
    assert.match(refused.message, /missing the "write-repos" or "contribute-repos" or "manage-repos" scope/);
  });

  it('tells whether a Space exists (repoExists) and hides private Spaces from others', async () => {
    await create('alice/secret', { private: true });
    assert.equal(await repoExists({ repo: { type: 'space', name: 'alice/secret' }, accessToken: write, hubUrl: hub.url }), true);
    assert.equal(await repoExists({ repo: { type: 'space', name: 'alice/missing' }, accessToken: write, hubUrl: hub.url }), false);
    assert.equal(await repoExists({ repo: { type: 'space', name: 'alice/secret' }, accessToken: hub.tokens.bob, hubUrl: hub.url }), false);
    assert.equal(await repoExists({ repo: { type: 'space', name: 'alice/secret' }, hubUrl: hub.url }), false);

    const asBob = await call(`${hub.url}/api/spaces/alice/secret`, { token: hub.tokens.bob });
    assert.deepEqual([asBob.status, asBob.data], [404, { error: 'Repository not found' }]);
    const anonymous = await call(`${hub.url}/api/spaces/alice/secret`);
    assert.deepEqual([anonymous.status, anonymous.data], [401, { error: 'Repository not found' }]);

    const info = await spaceInfo({ name: 'alice/secret', accessToken: write, hubUrl: hub.url });
    assert.equal(info.name, 'alice/secret');
    assert.equal(info.sdk, 'static');
    assert.equal(info.private, true);
  });

  it('uploads text files inline and binary files through LFS, and lists them', async () => {
    await create('alice/site');
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]);
    await uploadFiles({
      repo: { type: 'space', name: 'alice/site' },
      accessToken: write,
      hubUrl: hub.url,
      files: [
        { path: 'index.html', content: text('<!doctype html><title>t</title>') },
        { path: 'assets/main-abc.js', content: text('console.log("ü")') },
        { path: 'assets/deep/data.bin', content: new Blob([binary]) },
      ],
    });
    const files = hub.control.spaces().get('alice/site')?.files;
    assert.deepEqual([...files.keys()].sort(), ['.gitattributes', 'assets/deep/data.bin', 'assets/main-abc.js', 'index.html']);
    assert.equal(files.get('assets/main-abc.js').toString(), 'console.log("ü")');
    assert.deepEqual(files.get('assets/deep/data.bin'), binary);

    const entries = [];
    for await (const entry of listFiles({ repo: { type: 'space', name: 'alice/site' }, recursive: true, accessToken: write, hubUrl: hub.url })) entries.push(entry);
    assert.deepEqual(entries.map((entry) => `${entry.type} ${entry.path}`), [
      'file .gitattributes',
      'directory assets',
      'directory assets/deep',
      'file assets/deep/data.bin',
      'file assets/main-abc.js',
      'file index.html',
    ]);
    const lfsEntry = entries.find((entry) => entry.path === 'assets/deep/data.bin');
    assert.equal(lfsEntry.lfs?.oid, createHash('sha256').update(binary).digest('hex'));
    assert.equal(lfsEntry.size, binary.length);
    assert.equal(entries.find((entry) => entry.path === 'index.html').lfs, undefined);

    const top = [];
    for await (const entry of listFiles({ repo: { type: 'space', name: 'alice/site' }, accessToken: write, hubUrl: hub.url })) top.push(entry.path);
    assert.deepEqual(top, ['.gitattributes', 'assets', 'index.html']);
    const missingFolder = await call(`${hub.url}/api/spaces/alice/site/tree/main/nope`, { token: write });
    assert.equal(missingFolder.status, 404);
  });

  it('commits additions and deletions atomically (hub.js commit)', async () => {
    await create('alice/atomic');
    const repo = { type: 'space', name: 'alice/atomic' };
    await uploadFiles({ repo, accessToken: write, hubUrl: hub.url, files: [{ path: 'old.js', content: text('old') }, { path: 'keep.txt', content: text('k') }] });
    await commit({
      repo,
      accessToken: write,
      hubUrl: hub.url,
      title: 'Replace old.js',
      operations: [
        { operation: 'delete', path: 'old.js' },
        { operation: 'addOrUpdate', path: 'new.js', content: text('new') },
      ],
    });
    assert.deepEqual([...hub.control.spaces().get('alice/atomic').files.keys()].sort(), ['.gitattributes', 'keep.txt', 'new.js']);

    const failing = await hubError(commit({
      repo,
      accessToken: write,
      hubUrl: hub.url,
      title: 'Half-broken',
      operations: [
        { operation: 'addOrUpdate', path: 'should-not-land.js', content: text('x') },
        { operation: 'delete', path: 'never-existed.js' },
      ],
    }));
    assert.equal(failing.statusCode, 404);
    assert.match(failing.message, /File not found: "never-existed.js"/);
    assert.equal(hub.control.spaces().get('alice/atomic').files.has('should-not-land.js'), false);
  });

  it('answers malformed commits with 400 and the reason', async () => {
    await create('alice/strict');
    const cases = [
      [[{ key: 'file', value: { path: 'a', content: '' } }], /first line of the commit must be/],
      [[{ key: 'header', value: {} }], /non-empty summary/],
      [[header, { key: 'file', value: { path: '../escape', content: 'eA==', encoding: 'base64' } }], /must not contain empty, "\." or "\.\." segments/],
      [[header, { key: 'file', value: { path: '/abs', content: 'x' } }], /must not start or end with "\/"/],
      [[header, { key: 'file', value: { path: '.git/config', content: 'x' } }], /".git" is reserved/],
      [[header, { key: 'lfsFile', value: { path: 'big.bin', algo: 'sha256', oid: 'a'.repeat(64), size: 3 } }], /was not uploaded/],
      [[header, { key: 'rename', value: { path: 'x' } }], /Unknown commit operation "rename"/],
      [[header, { key: 'file', value: { path: 'twice', content: 'x' } }, { key: 'file', value: { path: 'twice', content: 'y' } }], /appears twice/],
    ];
    for (const [lines, message] of cases) {
      const response = await ndjsonCommit('alice/strict', lines);
      assert.equal(response.status, 400, JSON.stringify(lines));
      assert.match(response.data.error, message);
    }
    const json = await call(`${hub.url}/api/spaces/alice/strict/commit/main`, { method: 'POST', token: write, json: { summary: 'x' } });
    assert.equal(json.status, 400);
    assert.match(json.data.error, /NDJSON/);
    assert.equal((await ndjsonCommit('alice/strict', [header], write, 'dev')).status, 404);
    const stale = await ndjsonCommit('alice/strict', [{ key: 'header', value: { summary: 's', parentCommit: '0'.repeat(40) } }]);
    assert.equal(stale.status, 412);
    assert.deepEqual([...hub.control.spaces().get('alice/strict').files.keys()], ['.gitattributes']);
  });

  it('guards writes: 401 without a token, 403 for a read token or another user, 404 for a missing Space', async () => {
    await create('alice/guarded');
    assert.equal((await ndjsonCommit('alice/guarded', [header], '')).status, 401);
    const readOnly = await ndjsonCommit('alice/guarded', [header], hub.tokens.read);
    assert.equal(readOnly.status, 403);
    assert.match(readOnly.data.error, /cannot create or write Spaces/);
    const otherUser = await ndjsonCommit('alice/guarded', [header], hub.tokens.bob);
    assert.equal(otherUser.status, 403, 'a public Space of someone else is read-only');
    assert.match(otherUser.data.error, /User "bob" cannot create or write Spaces in "alice"/);
    assert.equal((await ndjsonCommit('alice/nowhere', [header])).status, 404);
    const preupload = await call(`${hub.url}/api/spaces/alice/guarded/preupload/main`, { method: 'POST', token: hub.tokens.read, json: { files: [] } });
    assert.equal(preupload.status, 403);
  });

  it('decides the upload mode like the Hub: size, binary sample, .gitattributes patterns', async () => {
    await create('alice/modes');
    const sample = (bytes) => Buffer.from(bytes).toString('base64');
    const response = await call(`${hub.url}/api/spaces/alice/modes/preupload/main`, {
      method: 'POST',
      token: write,
      json: {
        files: [
          { path: 'app.js', size: 10, sample: sample('console.log') },
          { path: 'logo.png', size: 10, sample: sample('not really a png') },
          { path: 'blob', size: 4, sample: sample([1, 0, 2, 3]) },
          { path: 'huge.txt', size: 10 * 1024 * 1024, sample: sample('aaaa') },
        ],
      },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.data.files.map((file) => `${file.path}:${file.uploadMode}`), ['app.js:regular', 'logo.png:lfs', 'blob:lfs', 'huge.txt:lfs']);
  });

  it('checks LFS uploads against the announced sha256 and size, and uploads URLs once', async () => {
    await create('alice/lfs');
    const content = Buffer.from('exact bytes\0');
    const oid = createHash('sha256').update(content).digest('hex');
    const batch = await call(`${hub.url}/spaces/alice/lfs.git/info/lfs/objects/batch`, {
      method: 'POST',
      token: write,
      json: { operation: 'upload', transfers: ['basic'], objects: [{ oid, size: content.length }] },
    });
    assert.equal(batch.status, 200);
    assert.equal(batch.data.transfer, 'basic');
    const href = batch.data.objects[0].actions.upload.href;
    const wrong = await call(href, { method: 'PUT', body: Buffer.from('other bytes') });
    assert.equal(wrong.status, 400);
    assert.match(wrong.data.error, /does not match the announced object/);
    assert.equal((await call(href, { method: 'PUT', body: content })).status, 200);
    assert.equal((await call(href, { method: 'PUT', body: content })).status, 403, 'an upload URL works once');

    const again = await call(`${hub.url}/spaces/alice/lfs.git/info/lfs/objects/batch`, {
      method: 'POST',
      token: write,
      json: { operation: 'upload', objects: [{ oid, size: content.length }] },
    });
    assert.equal(again.data.objects[0].actions, undefined, 'an uploaded object needs no second upload');
    const noAuth = await call(`${hub.url}/spaces/alice/lfs.git/info/lfs/objects/batch`, { method: 'POST', json: { operation: 'upload', objects: [] } });
    assert.equal(noAuth.status, 401);
  });

  it('shows Spaces through the HTTP control client, and forgets them on reset', async () => {
    await create('alice/controlled', { private: true });
    await uploadFiles({ repo: { type: 'space', name: 'alice/controlled' }, accessToken: write, hubUrl: hub.url, files: [{ path: 'a.txt', content: text('A') }] });
    const control = createHubControlClient(hub.url);
    const spaces = await control.spaces();
    assert.equal(spaces.get('alice/controlled')?.private, true);
    assert.equal(spaces.get('alice/controlled')?.files.get('a.txt')?.toString(), 'A');
    await control.reset();
    assert.equal((await control.spaces()).size, 0);
  });
});
