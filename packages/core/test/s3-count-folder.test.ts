import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countFolder, type FolderCountProgress } from '../src/s3/count-folder.js';
import { startCountingProxy, type CountingProxy } from './s3-counting-proxy.js';
import { createSeededBucket } from './s3-seeded-bucket.js';
import { expectedCount, ownerConnection } from './s3-test-fixture.js';
import { rejectsWithKind, useS3TestServer, type S3TestContext } from './s3-test-server.js';

describe('countFolder against Ceph RGW', () => {
  let context: S3TestContext;
  let counting: CountingProxy;
  before(async () => {
    context = await useS3TestServer();
    counting = await startCountingProxy(context.server.endpoint, 25);
  });
  after(async () => {
    await counting.close();
    await context.stop();
  });

  it('counts every file and byte of the bucket and of sub-folders', async () => {
    const { server } = context;
    for (const folder of ['', 'data/', 'hostile/', 'deep/', 'many/']) {
      const expected = expectedCount(server.objects, folder);
      assert.ok(expected.files > 0, `fixture has files under '${folder}'`);
      assert.deepEqual(await countFolder(ownerConnection(server), folder), expected, `count of '${folder}'`);
    }
  });

  it('counts relative to the source prefix', async () => {
    const { server } = context;
    const count = await countFolder(ownerConnection(server, { prefix: 'data/' }), 'train/');
    assert.deepEqual(count, expectedCount(server.objects, 'data/train/'));
  });

  it('keeps at most `concurrency` requests in flight, and uses that many', async () => {
    const { server } = context;
    const connection = ownerConnection(server, { endpoint: counting.endpoint });
    for (const concurrency of [1, 3]) {
      counting.reset();
      const progress: FolderCountProgress[] = [];
      const count = await countFolder(connection, '', { concurrency, onProgress: (p) => progress.push(p) });
      assert.deepEqual(count, expectedCount(server.objects, ''));
      assert.equal(counting.maxInFlight(), concurrency, `most requests in flight with concurrency ${concurrency}`);
      const last = progress.at(-1);
      assert.deepEqual(last, { ...count, requests: counting.requests(), pending: 0 }, 'progress ends at the totals, one step per request');
      assert.ok(progress.every((p, i) => i === 0 || p.files >= progress[i - 1].files), 'progress never goes back');
    }
  });

  it('can count from one flat listing instead, with fewer requests for deep narrow trees', async () => {
    const { server } = context;
    const requestsFor = async (flat: boolean) => {
      let requests = 0;
      const count = await countFolder(ownerConnection(server), 'deep/', { flat, onProgress: (p) => (requests = p.requests) });
      assert.deepEqual(count, expectedCount(server.objects, 'deep/'), `flat: ${flat}`);
      return requests;
    };
    const flatRequests = await requestsFor(true);
    const levelRequests = await requestsFor(false);
    assert.equal(flatRequests, 1);
    assert.ok(levelRequests > 30, `one request per level (${levelRequests})`);
    assert.deepEqual(await countFolder(ownerConnection(server), '', { flat: true, pageSize: 1000 }), expectedCount(server.objects, ''));
  });

  it('keeps the queue of folders still to list bounded, and still counts exactly', async () => {
    // Three levels of six sub-folders, one file in each folder: wide enough to fill a small queue.
    const keys: string[] = [];
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const one of names) {
      keys.push(`${one}/file`);
      for (const two of names) {
        keys.push(`${one}/${two}/file`);
        for (const three of names) keys.push(`${one}/${two}/${three}/file`);
      }
    }
    const scratch = await createSeededBucket(context.server, keys.map((key) => ({ key, body: 'xy' })));
    try {
      const connection = ownerConnection(context.server, { bucket: scratch.bucket });
      for (const maxPending of [1, 6]) {
        let mostPending = 0;
        const count = await countFolder(connection, '', {
          maxPending,
          onProgress: ({ pending }) => (mostPending = Math.max(mostPending, pending)),
        });
        assert.deepEqual(count, { files: keys.length, bytes: 2 * keys.length }, `maxPending ${maxPending}`);
        // Full, with nothing in flight, the count may still take one step per level to move on.
        assert.ok(mostPending <= maxPending + 3, `maxPending ${maxPending}: ${mostPending} waited at once`);
      }
      let unbounded = 0;
      await countFolder(connection, '', { onProgress: ({ pending }) => (unbounded = Math.max(unbounded, pending)) });
      assert.ok(unbounded > 23, `by default the queue is not that small (${unbounded})`);
    } finally {
      await scratch.remove();
    }
  });

  it('refuses a queue bound that is not a whole number', async () => {
    const refused = await rejectsWithKind(countFolder(ownerConnection(context.server), '', { maxPending: 0.5 }), 'invalid-input');
    assert.equal(refused.field, 'maxPending');
  });

  for (const fault of ['slow-down-503', 'drop-connection', 'drop-mid-body'] as const) {
    it(`retries a page after a ${fault} and still counts exactly`, async () => {
      const { server } = context;
      const proxy = await context.proxy();
      await proxy.addFault({ match: { bucket: server.corsBucket, prefix: 'many/', query: 'continuation-token' }, fault, times: 1 });
      try {
        await proxy.resetCounters();
        const count = await countFolder(ownerConnection(server, { viaProxy: true }), 'many/');
        assert.deepEqual(count, expectedCount(server.objects, 'many/'));
        const pages = Math.ceil(count.files / 1000);
        assert.equal(await proxy.requestCount(), pages + 1, 'every page once, and the failed one again');
      } finally {
        await proxy.clearFaults();
      }
    });
  }

  it("reports S3's refusals with their kind, not as an empty count", async () => {
    const { server } = context;
    const wrongSecret = ownerConnection(server, { credentials: { accessKeyId: server.accessKeyId, secretAccessKey: 'not-the-secret' } });
    await rejectsWithKind(countFolder(wrongSecret, ''), 'bad-credentials');
    await rejectsWithKind(countFolder(ownerConnection(server, { bucket: 's3hf-no-such-bucket' }), ''), 'no-such-bucket');
  });

  it("stops when aborted, with kind 'aborted'", async () => {
    const connection = ownerConnection(context.server, { endpoint: counting.endpoint });
    const controller = new AbortController();
    counting.reset();
    const counted = countFolder(connection, '', {
      signal: controller.signal,
      onProgress: ({ requests }) => {
        if (requests === 2) controller.abort();
      },
    });
    await rejectsWithKind(counted, 'aborted');
    const requestsWhenAborted = counting.requests();
    assert.ok(requestsWhenAborted <= 2 + 8, `only the requests already running when aborted (${requestsWhenAborted})`);
  });
});
