import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { listBucketNamespaces, type BucketNamespace } from '../src/hf/bucket-namespaces.js';
import { createBucket } from '../src/hf/create-bucket.js';
import { explainBucketError } from '../src/hf/explain-bucket-error.js';
import { HfApiError } from '../src/hf/hf-api-error.js';
import { hubBucketUrl } from '../src/hf/hub-bucket-url.js';
import { whoAmI, type HfWhoAmI } from '../src/hf/who-am-i.js';
import { useTestHub, type HubControl, type TestHub } from './hf-test-hub.js';

// The control API has more than hf-test-hub.ts declares; these tests also issue OAuth tokens.
type OAuthControl = HubControl & { issueOAuthToken(options: { scopes?: string[]; orgs?: string[] }): string | Promise<string> };

const unique = (stem: string) => `${stem}-${randomUUID().slice(0, 8)}`;

/** name → canWrite, the part of the answer that decides what the form marks. */
const writability = (namespaces: BucketNamespace[]) => Object.fromEntries(namespaces.map(({ name, canWrite }) => [name, canWrite]));

async function creationError(promise: Promise<unknown>): Promise<HfApiError> {
  const error = await promise.then(
    () => assert.fail('expected the creation to be refused'),
    (reason: unknown) => reason,
  );
  assert.ok(error instanceof HfApiError, String(error));
  return error;
}

describe('bucket namespaces from whoami (hub emulator)', () => {
  let hub: TestHub;
  let namespacesFor: (accessToken: string) => Promise<BucketNamespace[]>;
  before(async () => {
    hub = await useTestHub();
    namespacesFor = async (accessToken) => listBucketNamespaces(await whoAmI({ hubUrl: hub.url, accessToken }));
  });
  after(() => hub.close());

  it('lists the user first, then the orgs, and marks the read-only org', async () => {
    const namespaces = await namespacesFor(hub.tokens.write);
    assert.deepEqual(namespaces.map(({ name, kind }) => `${kind}:${name}`), ['user:alice', 'org:acme', 'org:readonly-org']);
    assert.deepEqual(writability(namespaces), { alice: true, acme: true, 'readonly-org': false });
    assert.match(namespaces[2]!.reason!, /"read" role in "readonly-org".*Ask an admin/);
  });

  it('marks every namespace of a read-only token, naming the role to use instead', async () => {
    const namespaces = await namespacesFor(hub.tokens.read);
    assert.deepEqual(writability(namespaces), { alice: false, acme: false, 'readonly-org': false });
    assert.match(namespaces[0]!.reason!, /token has the "read" role.*"write" role/);
    // The org's own rule is the one a new token would not fix, so it is the one shown.
    assert.match(namespaces[2]!.reason!, /"read" role in "readonly-org"/);
  });

  it("reads a fine-grained token's scoped permissions per namespace", async () => {
    const acmeOnly = await namespacesFor(hub.tokens.orgWrite);
    assert.deepEqual(writability(acmeOnly), { alice: false, acme: true, 'readonly-org': false });
    assert.match(acmeOnly[0]!.reason!, /fine-grained token has no write access in "alice"/);
    assert.deepEqual(writability(await namespacesFor(hub.tokens.noJobs)), { alice: true, acme: true, 'readonly-org': false });
  });

  it('reads OAuth scopes; which orgs were granted is not in whoami', async () => {
    const control = hub.control as OAuthControl;
    const writer = await control.issueOAuthToken({ scopes: ['contribute-repos'] });
    assert.deepEqual(writability(await namespacesFor(writer)), { alice: true, acme: undefined, 'readonly-org': false });
    const reader = await control.issueOAuthToken({ scopes: ['read-repos'] });
    const readOnly = await namespacesFor(reader);
    assert.deepEqual(writability(readOnly), { alice: false, acme: false, 'readonly-org': false });
    assert.match(readOnly[1]!.reason!, /"contribute-repos" or "write-repos" scope.*Sign in again/);
  });

  it('gives an organisation its own namespace and an app none', () => {
    const base = { id: 'x', name: 'acme', auth: { type: 'access_token', accessToken: { role: 'write' } } };
    assert.deepEqual(listBucketNamespaces({ ...base, type: 'org' } as unknown as HfWhoAmI), [{ name: 'acme', kind: 'org', canWrite: true }]);
    assert.deepEqual(listBucketNamespaces({ ...base, type: 'app' } as unknown as HfWhoAmI), []);
  });

  it('treats per-repository write access in a namespace as "cannot tell"', () => {
    const me = {
      type: 'user',
      name: 'alice',
      orgs: [],
      auth: {
        type: 'access_token',
        accessToken: { role: 'fineGrained', fineGrained: { scoped: [{ entity: { type: 'model', name: 'alice/imports' }, permissions: ['repo.write'] }] } },
      },
    } as unknown as HfWhoAmI;
    assert.deepEqual(listBucketNamespaces(me), [{ name: 'alice', kind: 'user', canWrite: undefined }]);
  });
});

describe('explainBucketError (hub emulator)', () => {
  let hub: TestHub;
  before(async () => {
    hub = await useTestHub();
  });
  after(() => hub.close());

  const create = (accessToken: string, namespace: string) => createBucket({ hubUrl: hub.url, accessToken, namespace, name: unique('target') });

  it("explains a 403 in an org where the user's role is read", async () => {
    const namespaces = listBucketNamespaces(await whoAmI({ hubUrl: hub.url, accessToken: hub.tokens.write }));
    const error = await creationError(create(hub.tokens.write, 'readonly-org'));
    const message = explainBucketError(error, { namespace: 'readonly-org', namespaces });
    assert.match(message, /^You have the "read" role in "readonly-org".*\(HTTP 403: .*readonly-org.*\)$/);
  });

  it('explains a 403 from a token without write access in that namespace', async () => {
    const namespaces = listBucketNamespaces(await whoAmI({ hubUrl: hub.url, accessToken: hub.tokens.orgWrite }));
    const error = await creationError(create(hub.tokens.orgWrite, 'alice'));
    assert.match(explainBucketError(error, { namespace: 'alice', namespaces }), /^This fine-grained token has no write access in "alice".*HTTP 403/);
  });

  it("explains a 403 in someone else's namespace and lists the user's own", async () => {
    const namespaces = listBucketNamespaces(await whoAmI({ hubUrl: hub.url, accessToken: hub.tokens.write }));
    const error = await creationError(create(hub.tokens.write, 'bob'));
    assert.match(explainBucketError(error, { namespace: 'bob', namespaces }), /"bob" is neither your namespace.*alice, acme, readonly-org\..*HTTP 403/);
  });

  it("keeps the client's message when nothing more is known, and for 401", async () => {
    const forbidden = await creationError(create(hub.tokens.read, 'alice'));
    assert.equal(explainBucketError(forbidden, { namespace: 'alice' }), forbidden.message);
    assert.match(forbidden.message, /contribute-repos/);
    const expired = await creationError(create(hub.tokens.expired, 'alice'));
    assert.match(explainBucketError(expired, { namespace: 'alice', namespaces: [] }), /Sign in again/);
    assert.equal(explainBucketError('odd', { namespace: 'alice' }), 'Something went wrong: odd');
  });

  it('links to the bucket page on the Hub', () => {
    assert.equal(hubBucketUrl({ namespace: 'alice', name: 'imports' }), 'https://huggingface.co/buckets/alice/imports');
    assert.equal(hubBucketUrl({ hubUrl: `${hub.url}/`, namespace: 'acme', name: 'a.b_c' }), `${hub.url}/buckets/acme/a.b_c`);
  });
});
