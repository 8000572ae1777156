// Faults that s3-faults.test.ts does not cover: one folder refused while its siblings work, an
// expired session token in the middle of a listing, a server that stalls mid-answer, and many
// faults at random points of a long pagination (listFolder and countFolder must resume exactly).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { countFolder } from '../src/s3/count-folder.js';
import { listFolder, type FolderListingPage } from '../src/s3/list-folder.js';
import { expectedCount, expectedListing, ownerConnection, sortByKey } from './s3-test-fixture.js';
import { rejectsWithKind, useS3TestServer, type FaultProxyControl, type ProxyFault, type S3TestContext } from './s3-test-server.js';

// Fixed so that a failure reproduces; printed with the counterexample by fast-check.
const SEED = 20_260_501;
const PASSING_FAULTS: ProxyFault[] = ['slow-down-503', 'internal-500', 'drop-connection', 'drop-mid-body'];

describe('S3 listing under faults (fault proxy in front of Ceph RGW)', () => {
  let context: S3TestContext;
  let proxy: FaultProxyControl;
  before(async () => {
    context = await useS3TestServer();
    proxy = await context.proxy();
  });
  afterEach(async () => {
    await proxy.clearFaults();
  });
  after(() => context.stop());

  const viaProxy = (prefix?: string) => ownerConnection(context.server, { viaProxy: true, ...(prefix ? { prefix } : {}) });

  describe('access denied on one sub-folder', () => {
    const denyTrain = () => proxy.addFault({ match: { bucket: context.server.corsBucket, prefix: 'data/train/' }, fault: 'access-denied-403' });

    it('fails that folder with an error naming it, while its parent and siblings still list', async () => {
      await denyTrain();
      const error = await rejectsWithKind(listFolder(viaProxy(), 'data/train/'), 'access-denied');
      assert.equal(error.folder, 'data/train/');
      assert.equal(error.status, 403);
      assert.match(error.message, /may not list the folder "data\/train\/" in bucket "s3hf-cors"/);
      assert.match(error.message, /s3:ListBucket .* for the prefix "data\/train\/".*leave this folder out/);

      const { objects } = context.server;
      assert.deepEqual(sortByKey((await listFolder(viaProxy(), 'data/test/')).files), expectedListing(objects, 'data/test/').files);
      const parent = await listFolder(viaProxy(), 'data/');
      assert.deepEqual(parent.folders.sort(), ['data/test/', 'data/train/'], 'the refused folder is still shown in its parent');
      assert.deepEqual(await countFolder(viaProxy(), 'data/test/'), expectedCount(objects, 'data/test/'));
    });

    it('fails a recursive count of the parent with the refused sub-folder named, never a short total', async () => {
      await denyTrain();
      const error = await rejectsWithKind(countFolder(viaProxy(), 'data/'), 'access-denied');
      assert.equal(error.folder, 'data/train/', 'the sub-folder that was refused, not the one counted');
      assert.match(error.message, /"data\/train\/"/);
    });

    it('names the folder relative to the source prefix, and the full prefix for the policy', async () => {
      await denyTrain();
      const error = await rejectsWithKind(listFolder(viaProxy('data/'), 'train/'), 'access-denied');
      assert.equal(error.folder, 'train/');
      assert.match(error.message, /the folder "train\/".*for the prefix "data\/train\/"/);
    });
  });

  it('stops at once on an expired session token mid-listing, and says to get fresh credentials', async () => {
    const { corsBucket, accessKeyId, secretAccessKey } = context.server;
    await proxy.addFault({ match: { bucket: corsBucket, prefix: 'many/', query: 'continuation-token' }, fault: 'expired-token-400', times: 1 });
    await proxy.resetCounters();
    const pages: FolderListingPage[] = [];
    const sessionToken = 'session-token-that-expired-0123456789';
    const connection = { ...viaProxy(), credentials: { accessKeyId, secretAccessKey, sessionToken } };
    const error = await rejectsWithKind(listFolder(connection, 'many/', { onPage: (page) => pages.push(page) }), 'expired-token');
    assert.equal(await proxy.requestCount(), 2, 'the first page, then the refused second one, not retried');
    assert.equal(pages.length, 1);
    assert.match(error.message, /session token .* has expired.*fresh access key, secret and session token/);
    for (const secret of [accessKeyId, secretAccessKey, sessionToken]) assert.ok(!error.message.includes(secret));
  });

  it('keeps what AWS quotes in a bad-signature answer (the access key id) out of the error and its cause', async () => {
    const { corsBucket, accessKeyId } = context.server;
    await proxy.addFault({ match: { bucket: corsBucket }, fault: 'signature-mismatch-403', times: 1 });
    const error = await rejectsWithKind(listFolder(viaProxy(), ''), 'bad-credentials');
    assert.equal(error.code, 'SignatureDoesNotMatch');
    const logged = inspect(error, { depth: 10 });
    assert.ok(!logged.includes(accessKeyId), 'console.error(error) would print the access key id');
    assert.ok(!/StringToSign|SignatureProvided/.test(logged));
    assert.match(logged, /SignatureDoesNotMatch/, 'the cause still says what happened');
  });

  it("gives up on a server that stalls mid-answer with 'timeout', then lists normally again", async () => {
    await proxy.addFault({ match: { bucket: context.server.corsBucket, prefix: 'data/' }, fault: 'stall-mid-body', times: 1 });
    const error = await rejectsWithKind(listFolder(viaProxy(), 'data/', { requestTimeoutMs: 400 }), 'timeout');
    assert.equal(error.folder, 'data/');
    assert.match(error.message, /did not answer within 400 ms/);
    assert.deepEqual(sortByKey((await listFolder(viaProxy(), 'data/')).files), expectedListing(context.server.objects, 'data/').files);
  });

  /**
   * Faults for the requests at these positions (0 = the first request): `skip` makes each rule
   * wait for its request, counting the requests (and retries) before it.
   */
  async function faultRequestsAt(positions: readonly number[], kinds: readonly ProxyFault[], prefix: string): Promise<void> {
    let next = 0;
    for (const [index, position] of positions.entries()) {
      await proxy.addFault({ match: { bucket: context.server.corsBucket, prefix, query: 'list-type=2' }, fault: kinds[index], skip: position - next, times: 1 });
      next = position + 1;
    }
  }

  /** Positions of the requests since the last counter reset that got a fault. */
  async function faultedPositions(): Promise<number[]> {
    const { recent } = await proxy.stats();
    return recent.flatMap((entry, position) => (entry.fault ? [position] : []));
  }

  /** 1–3 faults at distinct random request positions among the first `requests`, random kinds. */
  const faultPlan = (requests: number) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: requests - 1 }), { minLength: 1, maxLength: 3 })
      .chain((positions) =>
        fc.record({
          positions: fc.constant([...positions].sort((a, b) => a - b)),
          kinds: fc.array(fc.constantFrom(...PASSING_FAULTS), { minLength: positions.length, maxLength: positions.length }),
        }),
      );

  it('resumes a paginated listing exactly after faults at random pages (property)', async (t) => {
    const expected = expectedListing(context.server.objects, 'many/').files;
    const pageSize = 500;
    const pageCount = Math.ceil(expected.length / pageSize);
    let runs = 0;
    let faults = 0;
    await fc.assert(
      fc.asyncProperty(faultPlan(pageCount), async ({ positions, kinds }) => {
        await proxy.clearFaults();
        await faultRequestsAt(positions, kinds, 'many/');
        await proxy.resetCounters();
        const pages: number[] = [];
        const { files } = await listFolder(viaProxy(), 'many/', { pageSize, onPage: (page) => pages.push(page.files.length) });
        const keys = files.map((file) => file.key);
        assert.equal(new Set(keys).size, keys.length, 'no key listed twice');
        assert.deepEqual(sortByKey(files), expected, 'no key lost');
        assert.equal(pages.length, pageCount, 'each page delivered once');
        assert.equal(await proxy.requestCount(), pageCount + positions.length, 'one retry per fault, no restart');
        assert.deepEqual(await faultedPositions(), positions, 'the faults hit the planned requests');
        runs++;
        faults += positions.length;
      }),
      { seed: SEED, numRuns: 8 },
    );
    assert.equal(runs, 8);
    t.diagnostic(`${runs} paginated listings survived ${faults} faults at random pages (seed ${SEED})`);
  });

  it('counts exactly after faults at random requests of a deep fan-out (property)', async (t) => {
    const expected = expectedCount(context.server.objects, 'deep/');
    // One listing per level of deep/ (31), each answered in one page.
    const requests = 31;
    let runs = 0;
    let faults = 0;
    await fc.assert(
      fc.asyncProperty(faultPlan(requests), async ({ positions, kinds }) => {
        await proxy.clearFaults();
        await faultRequestsAt(positions, kinds, 'deep/');
        await proxy.resetCounters();
        assert.deepEqual(await countFolder(viaProxy(), 'deep/'), expected);
        assert.equal(await proxy.requestCount(), requests + positions.length);
        assert.deepEqual(await faultedPositions(), positions, 'the faults hit the planned requests');
        runs++;
        faults += positions.length;
      }),
      { seed: SEED, numRuns: 8 },
    );
    assert.equal(runs, 8);
    t.diagnostic(`${runs} recursive counts survived ${faults} faults at random requests (seed ${SEED})`);
  });
});
