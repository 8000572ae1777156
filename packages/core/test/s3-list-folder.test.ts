import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listFolder, type FolderListingPage } from '../src/s3/list-folder.js';
import { expectedListing, ownerConnection, sortByKey } from './s3-test-fixture.js';
import { useS3TestServer, type S3TestContext } from './s3-test-server.js';

describe('listFolder against Ceph RGW', () => {
  let context: S3TestContext;
  before(async () => {
    context = await useS3TestServer();
  });
  after(() => context.stop());

  async function assertListsLikeFixture(folder: string, sourcePrefix = '') {
    const { server } = context;
    const listing = await listFolder(ownerConnection(server, { prefix: sourcePrefix }), folder);
    const expected = expectedListing(server.objects, folder, sourcePrefix);
    assert.ok(expected.files.length + expected.folders.length > 0, `fixture has something under ${sourcePrefix}${folder}`);
    assert.deepEqual(sortByKey(listing.files), expected.files);
    assert.deepEqual([...listing.folders].sort(), expected.folders);
  }

  it('lists the top of the bucket: files with sizes and first-level folders', () => assertListsLikeFixture(''));

  it('lists nested folders', async () => {
    await assertListsLikeFixture('data/');
    await assertListsLikeFixture('data/train/');
    await assertListsLikeFixture('deep/l01/l02/');
  });

  it('lists hostile names exactly (spaces, unicode, glob and shell characters)', async () => {
    const hostileFolders = (await listFolder(ownerConnection(context.server), 'hostile/')).folders;
    await assertListsLikeFixture('hostile/');
    for (const folder of hostileFolders) await assertListsLikeFixture(folder);
  });

  it('reads all 5 pages of the 5,000-file folder, reporting each page', async () => {
    const pages: FolderListingPage[] = [];
    const listing = await listFolder(ownerConnection(context.server), 'many/', {
      pageSize: 1000,
      onPage: (page) => pages.push(page),
    });
    const expected = expectedListing(context.server.objects, 'many/');
    assert.equal(expected.files.length, 5000);
    assert.deepEqual(sortByKey(listing.files), expected.files);
    assert.deepEqual(
      pages.map((page) => [page.pages, page.files.length]),
      [[1, 1000], [2, 1000], [3, 1000], [4, 1000], [5, 1000]],
    );
    assert.deepEqual(pages.flatMap((page) => page.files), listing.files);
  });

  it('pages through sub-folders too (small pages)', async () => {
    const pages: number[] = [];
    const listing = await listFolder(ownerConnection(context.server), 'hostile/', {
      pageSize: 3,
      onPage: (page) => pages.push(page.pages),
    });
    const expected = expectedListing(context.server.objects, 'hostile/');
    assert.deepEqual(sortByKey(listing.files), expected.files);
    assert.deepEqual([...listing.folders].sort(), expected.folders);
    assert.equal(pages.length, Math.ceil((expected.files.length + expected.folders.length) / 3));
  });

  it('returns keys relative to the source prefix', async () => {
    await assertListsLikeFixture('', 'data/');
    await assertListsLikeFixture('train/', 'data/');
    const listing = await listFolder(ownerConnection(context.server, { prefix: 'data/' }), 'train/');
    assert.ok(listing.files.every((file) => file.key.startsWith('train/')));
  });

  it('lists the public bucket anonymously', async () => {
    const { server } = context;
    const listing = await listFolder({ bucket: server.publicBucket, region: server.region, endpoint: server.endpoint, anonymous: true }, 'data/');
    const expected = expectedListing(server.objects, 'data/');
    assert.deepEqual(sortByKey(listing.files), expected.files);
    assert.deepEqual([...listing.folders].sort(), expected.folders);
  });
});
