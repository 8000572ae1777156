import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { listFolder } from '../src/s3/list-folder.js';
import { withRegionRecovery } from '../src/s3/with-region-recovery.js';
import { expectedListing, ownerConnection, sortByKey } from './s3-test-fixture.js';
import { rejectsWithKind, useS3TestServer, type FaultProxyControl, type S3TestContext } from './s3-test-server.js';

/** Polls a real condition until it holds, failing after `timeoutMs`. */
async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail('condition not reached in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('listFolder through the fault proxy', () => {
  let context: S3TestContext;
  let proxy: FaultProxyControl;
  before(async () => {
    context = await useS3TestServer();
    proxy = await context.proxy();
  });
  afterEach(async () => {
    await proxy.clearFaults();
    await proxy.setLatency(0);
  });
  after(() => context.stop());

  const viaProxy = () => ownerConnection(context.server, { viaProxy: true });
  const listing = (folder: string) => expectedListing(context.server.objects, folder);

  it('retries a 503 SlowDown and then succeeds', async () => {
    const { corsBucket } = context.server;
    await proxy.addFault({ match: { bucket: corsBucket, query: 'list-type=2' }, fault: 'slow-down-503', times: 1 });
    await proxy.resetCounters();
    const result = await listFolder(viaProxy(), 'data/');
    assert.deepEqual(sortByKey(result.files), listing('data/').files);
    assert.equal(await proxy.requestCount(), 2, 'one refused request, one retry');
  });

  it('gives up after maxAttempts server errors', async () => {
    const { corsBucket } = context.server;
    await proxy.addFault({ match: { bucket: corsBucket }, fault: 'internal-500' });
    await proxy.resetCounters();
    const error = await rejectsWithKind(listFolder(viaProxy(), '', { maxAttempts: 3 }), 'unknown');
    assert.equal(error.status, 500);
    assert.equal(error.code, 'InternalError');
    assert.match(error.message, /after 3 attempts/);
    assert.equal(await proxy.requestCount(), 3);
  });

  for (const fault of ['drop-connection', 'drop-mid-body'] as const) {
    it(`resumes from the last continuation token after a ${fault} mid-pagination`, async () => {
      const { corsBucket } = context.server;
      await proxy.addFault({ match: { bucket: corsBucket, prefix: 'many/', query: 'continuation-token' }, fault, times: 1 });
      await proxy.resetCounters();
      const pages: number[] = [];
      const result = await listFolder(viaProxy(), 'many/', { pageSize: 1000, onPage: (page) => pages.push(page.pages) });
      const keys = result.files.map((file) => file.key);
      assert.equal(new Set(keys).size, keys.length, 'no key listed twice');
      const expected = listing('many/').files;
      assert.deepEqual(sortByKey(result.files), expected);
      const pageCount = Math.ceil(expected.length / 1000);
      assert.ok(pageCount >= 3, 'the fault hits a page in the middle');
      assert.deepEqual(pages, Array.from({ length: pageCount }, (_, index) => index + 1));
      assert.equal(await proxy.requestCount(), pageCount + 1, 'every page once plus one retried page, no restart');
    });
  }

  it("reports a 301 redirect as 'wrong-region' with the bucket's region", async () => {
    await proxy.addFault({ match: { bucket: context.server.corsBucket }, fault: 'wrong-region-301', region: 'eu-west-1', times: 1 });
    const error = await rejectsWithKind(listFolder(viaProxy(), ''), 'wrong-region');
    assert.equal(error.region, 'eu-west-1');
    assert.equal(error.message, 'This bucket is in eu-west-1; set the region to eu-west-1.');
  });

  it('retries once in the region S3 names, and returns the corrected connection', async () => {
    await proxy.addFault({ match: { bucket: context.server.corsBucket }, fault: 'wrong-region-301', region: 'ap-south-1', times: 1 });
    const regionsTried: string[] = [];
    const recovered = await withRegionRecovery(viaProxy(), (connection) => {
      regionsTried.push(connection.region);
      return listFolder(connection, 'data/');
    });
    assert.deepEqual(regionsTried, [context.server.region, 'ap-south-1']);
    assert.equal(recovered.correctedRegion, 'ap-south-1');
    assert.equal(recovered.connection.region, 'ap-south-1');
    assert.deepEqual(sortByKey(recovered.result.files), listing('data/').files);
  });

  it('does not retry a second wrong region forever', async () => {
    await proxy.addFault({ match: { bucket: context.server.corsBucket }, fault: 'wrong-region-301', region: 'ap-south-1', times: 2 });
    await proxy.resetCounters();
    const recovery = withRegionRecovery(viaProxy(), (connection) => listFolder(connection, ''));
    await rejectsWithKind(recovery, 'wrong-region');
    assert.equal(await proxy.requestCount(), 2);
  });

  it("fails with 'timeout' when the endpoint hangs", async () => {
    await proxy.addFault({ match: { bucket: context.server.corsBucket }, fault: 'hang' });
    const error = await rejectsWithKind(listFolder(viaProxy(), '', { requestTimeoutMs: 300 }), 'timeout');
    assert.match(error.message, /did not answer within/);
  });

  it("fails with 'aborted' when cancelled mid-request", async () => {
    await proxy.addFault({ match: { bucket: context.server.corsBucket }, fault: 'hang' });
    await proxy.resetCounters();
    const controller = new AbortController();
    const listed = listFolder(viaProxy(), '', { signal: controller.signal });
    await waitUntil(async () => (await proxy.requestCount()) > 0);
    controller.abort();
    await rejectsWithKind(listed, 'aborted');
  });

  it("fails with 'aborted' at once when the signal is already aborted", async () => {
    await proxy.resetCounters();
    await rejectsWithKind(listFolder(viaProxy(), '', { signal: AbortSignal.abort() }), 'aborted');
    assert.equal(await proxy.requestCount(), 0);
  });

  it("reports an expired session token as 'expired-token'", async () => {
    await proxy.addFault({ match: { bucket: context.server.corsBucket }, fault: 'expired-token-400' });
    const { server } = context;
    const connection = {
      ...viaProxy(),
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey, sessionToken: 'session-token-value' },
    };
    const error = await rejectsWithKind(listFolder(connection, ''), 'expired-token');
    assert.match(error.message, /session token/);
    assert.ok(!error.message.includes('session-token-value'));
  });

  it("reports a 403 as 'access-denied'", async () => {
    await proxy.addFault({ match: { bucket: context.server.corsBucket }, fault: 'access-denied-403' });
    await rejectsWithKind(listFolder(viaProxy(), ''), 'access-denied');
  });
});
