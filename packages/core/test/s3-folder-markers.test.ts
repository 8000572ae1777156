import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countFolder } from '../src/s3/count-folder.js';
import { listFolder } from '../src/s3/list-folder.js';
import { createScratchBucket, type ScratchBucket } from './s3-scratch-bucket.js';
import { ownerConnection } from './s3-test-fixture.js';
import { useS3TestServer, type S3TestContext } from './s3-test-server.js';

// Consoles create an empty object named like the folder ("photos/") when a user makes a folder.
describe('folder marker objects', () => {
  let context: S3TestContext;
  let scratch: ScratchBucket;
  const keys = ['photos/', 'photos/a.jpg', 'photos/2024/', 'photos/2024/b.jpg', 'empty/', 'top.txt'];
  before(async () => {
    context = await useS3TestServer();
    scratch = await createScratchBucket(context.server, keys);
  });
  after(async () => {
    await scratch?.remove();
    await context.stop();
  });

  it('are not listed as files of their own folder, but show as folders of their parent', async () => {
    const connection = ownerConnection(context.server, { bucket: scratch.bucket });
    const top = await listFolder(connection, '');
    assert.deepEqual(top.files.map((file) => file.key), ['top.txt']);
    assert.deepEqual(top.folders, ['empty/', 'photos/']);
    const photos = await listFolder(connection, 'photos/');
    assert.deepEqual(photos.files, [{ key: 'photos/a.jpg', size: 'photos/a.jpg'.length }]);
    assert.deepEqual(photos.folders, ['photos/2024/']);
    assert.deepEqual(await listFolder(connection, 'empty/'), { files: [], folders: [] });
  });

  it('are skipped relative to a source prefix too', async () => {
    const connection = ownerConnection(context.server, { bucket: scratch.bucket, prefix: 'photos/' });
    const top = await listFolder(connection, '');
    assert.deepEqual(top.files.map((file) => file.key), ['a.jpg']);
    assert.deepEqual(top.folders, ['2024/']);
  });

  it('are not counted', async () => {
    const connection = ownerConnection(context.server, { bucket: scratch.bucket });
    const realFiles = keys.filter((key) => !key.endsWith('/'));
    const expected = { files: realFiles.length, bytes: realFiles.reduce((sum, key) => sum + key.length, 0) };
    assert.deepEqual(await countFolder(connection, ''), expected);
    assert.deepEqual(await countFolder(connection, '', { flat: true }), expected);
  });
});
