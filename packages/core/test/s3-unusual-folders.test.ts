// Folders that only S3 can name: keys starting with "/", or holding "//", "." or ".." folders,
// make CommonPrefixes like "/", "a//" and "a/../". The tree must be able to open and count them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countFolder } from '../src/s3/count-folder.js';
import { listFolder } from '../src/s3/list-folder.js';
import { createScratchBucket, type ScratchBucket } from './s3-scratch-bucket.js';
import { ownerConnection } from './s3-test-fixture.js';
import { rejectsWithKind, useS3TestServer, type S3TestContext } from './s3-test-server.js';

describe('folders with empty, "." and ".." names', () => {
  let context: S3TestContext;
  let scratch: ScratchBucket;
  const keys = ['/lead', '//double-lead', 'a//b', 'a/../c', 'a/./d', 'a/e', 'top'];
  before(async () => {
    context = await useS3TestServer();
    scratch = await createScratchBucket(context.server, keys);
  });
  after(async () => {
    await scratch?.remove();
    await context.stop();
  });

  const connection = () => ownerConnection(context.server, { bucket: scratch.bucket });

  it('lists every level S3 reports, down to the files', async () => {
    assert.deepEqual(await listFolder(connection(), ''), { files: [{ key: 'top', size: 3 }], folders: ['/', 'a/'] });
    assert.deepEqual(await listFolder(connection(), '/'), { files: [{ key: '/lead', size: 5 }], folders: ['//'] });
    assert.deepEqual((await listFolder(connection(), '//')).files.map((file) => file.key), ['//double-lead']);
    const a = await listFolder(connection(), 'a/');
    assert.deepEqual(a.folders, ['a/../', 'a/./', 'a//'], 'in S3 order: "." sorts before "/"');
    assert.deepEqual(a.files.map((file) => file.key), ['a/e']);
    assert.deepEqual((await listFolder(connection(), 'a//')).files.map((file) => file.key), ['a//b']);
    assert.deepEqual((await listFolder(connection(), 'a/../')).files.map((file) => file.key), ['a/../c']);
  });

  it('counts them, recursively and flat', async () => {
    const size = (list: string[]) => list.reduce((total, key) => total + key.length, 0);
    assert.deepEqual(await countFolder(connection(), ''), { files: keys.length, bytes: size(keys) });
    assert.deepEqual(await countFolder(connection(), '/'), { files: 2, bytes: size(['/lead', '//double-lead']) });
    assert.deepEqual(await countFolder(connection(), 'a/', { flat: true }), { files: 4, bytes: size(['a//b', 'a/../c', 'a/./d', 'a/e']) });
  });

  it('still refuses a folder that does not end with "/"', async () => {
    assert.equal((await rejectsWithKind(listFolder(connection(), 'a'), 'invalid-input')).field, 'folder');
  });
});
