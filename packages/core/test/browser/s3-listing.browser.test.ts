import { expect } from '@open-wc/testing';
import { countFolder } from '../../src/s3/count-folder.js';
import { listFolder } from '../../src/s3/list-folder.js';
import type { S3Connection } from '../../src/s3/s3-connection.js';
import { S3Error, type S3ErrorKind } from '../../src/s3/s3-error.js';
import { withRegionRecovery } from '../../src/s3/with-region-recovery.js';
import { expectedCount, expectedListing, ownerConnection, sortByKey, type S3TestServerInfo } from '../s3-test-fixture.js';

interface ProxyClient {
  addFault(rule: { match?: Record<string, string>; fault: string; region?: string; times?: number }): Promise<unknown>;
  clearFaults(): Promise<unknown>;
  resetCounters(): Promise<unknown>;
  requestCount(): Promise<number>;
}

type Described = Omit<S3TestServerInfo, 'objects'> & Partial<Pick<S3TestServerInfo, 'objects'>>;

// Computed URLs keep TypeScript out of the harness's plain JavaScript.
const harness = (file: string) => new URL(`../../../../tests/s3/${file}`, import.meta.url).href;

/** The S3 test server handed to the page by the test runner (contract F). */
async function testServer(): Promise<S3TestServerInfo> {
  const env = (window as unknown as { __TEST_ENV__?: { s3?: Described } | null }).__TEST_ENV__;
  if (!env?.s3) {
    throw new Error(
      'window.__TEST_ENV__.s3 is missing: run the browser tests through `npm test` or web-test-runner.config.mjs, ' +
        'which start the S3 test server and inject its description into the page.',
    );
  }
  if (env.s3.objects) return { ...env.s3, objects: env.s3.objects };
  // The seeded tree is deterministic, so a description without it can be completed here.
  const { fixtureTree } = (await import(harness('fixture-tree.mjs'))) as { fixtureTree(): S3TestServerInfo['objects'] };
  return { ...env.s3, objects: fixtureTree().map(({ key, size }) => ({ key, size })) };
}

async function proxyClient(server: S3TestServerInfo): Promise<ProxyClient> {
  const { createProxyClient } = (await import(harness('proxy-client.mjs'))) as { createProxyClient(endpoint: string): ProxyClient };
  return createProxyClient(server.proxyEndpoint);
}

async function expectKind(promise: Promise<unknown>, kind: S3ErrorKind): Promise<S3Error> {
  const error = await promise.then(
    () => {
      throw new Error(`expected an S3Error of kind '${kind}', but the call succeeded`);
    },
    (reason: unknown) => reason,
  );
  expect(error).to.be.instanceOf(S3Error);
  expect((error as S3Error).kind, (error as S3Error).message).to.equal(kind);
  return error as S3Error;
}

describe('S3 listing in Chromium', () => {
  let server: S3TestServerInfo;
  let proxy: ProxyClient;
  before(async () => {
    server = await testServer();
    proxy = await proxyClient(server);
  });
  afterEach(() => proxy.clearFaults());

  it('lists the CORS bucket like the seeded tree, all pages included', async () => {
    for (const folder of ['', 'data/', 'hostile/', 'many/']) {
      const listing = await listFolder(ownerConnection(server), folder);
      const expected = expectedListing(server.objects, folder);
      expect(sortByKey(listing.files)).to.deep.equal(expected.files);
      expect([...listing.folders].sort()).to.deep.equal(expected.folders);
    }
  });

  it('counts a folder recursively', async () => {
    expect(await countFolder(ownerConnection(server), 'data/')).to.deep.equal(expectedCount(server.objects, 'data/'));
  });

  it('counts the whole bucket (hostile names, pages of the 5,000-file folder), signed and anonymous', async () => {
    const expected = expectedCount(server.objects, '');
    expect(await countFolder(ownerConnection(server), '')).to.deep.equal(expected);
    const anonymous: S3Connection = { bucket: server.publicBucket, region: server.region, endpoint: server.endpoint, anonymous: true };
    expect(await countFolder(anonymous, '', { concurrency: 3 })).to.deep.equal(expected);
  });

  it('lists the public bucket without credentials', async () => {
    const connection: S3Connection = { bucket: server.publicBucket, region: server.region, endpoint: server.endpoint, anonymous: true };
    const listing = await listFolder(connection, 'data/');
    expect(sortByKey(listing.files)).to.deep.equal(expectedListing(server.objects, 'data/').files);
  });

  it("reports the bucket without CORS as 'cors-blocked'", async () => {
    const error = await expectKind(listFolder(ownerConnection(server, { bucket: server.noCorsBucket }), ''), 'cors-blocked');
    expect(error.message).to.contain('CORS rule');
    expect(error.message).to.contain(location.origin);
  });

  it("reports a closed port as 'unreachable'", async () => {
    const closed = new URL(server.endpoint);
    closed.hostname = '[::1]'; // RGW listens on 127.0.0.1 only, so this port is closed on ::1
    await expectKind(listFolder(ownerConnection(server, { endpoint: closed.origin }), '', { maxAttempts: 2 }), 'unreachable');
  });

  it("reports a wrong secret on the CORS bucket as 'bad-credentials', though RGW sends that 403 without CORS headers", async () => {
    const connection = ownerConnection(server, {
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: 'not-the-secret-0123456789' },
    });
    const error = await expectKind(listFolder(connection, ''), 'bad-credentials');
    expect(error.message).not.to.contain('not-the-secret-0123456789');
  });

  it('resumes after a dropped connection mid-pagination without listing a key twice', async () => {
    await proxy.addFault({ match: { bucket: server.corsBucket, prefix: 'many/', query: 'continuation-token' }, fault: 'drop-connection', times: 1 });
    const listing = await listFolder(ownerConnection(server, { viaProxy: true }), 'many/');
    const keys = listing.files.map((file) => file.key);
    expect(new Set(keys).size).to.equal(keys.length);
    expect(sortByKey(listing.files)).to.deep.equal(expectedListing(server.objects, 'many/').files);
  });

  it('reads the region from a 301 and retries there', async () => {
    await proxy.addFault({ match: { bucket: server.corsBucket }, fault: 'wrong-region-301', region: 'eu-central-1', times: 1 });
    const recovered = await withRegionRecovery(ownerConnection(server, { viaProxy: true }), (connection) => listFolder(connection, 'data/'));
    expect(recovered.correctedRegion).to.equal('eu-central-1');
    expect(sortByKey(recovered.result.files)).to.deep.equal(expectedListing(server.objects, 'data/').files);
  });
});
