// End to end: a selection split by planImportShards, one import Job per shard, run at the same
// time by the hub emulator, whose emulated `hf buckets import` reads the S3 test server (Ceph RGW).
// The bucket must end up with exactly the selection, each file once, byte for byte.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createBucket } from '../src/hf/create-bucket.js';
import { createImportJob } from '../src/hf/create-import-job.js';
import { countFolder } from '../src/s3/count-folder.js';
import { listFolder } from '../src/s3/list-folder.js';
import type { S3Connection } from '../src/s3/s3-connection.js';
import { SelectionTree } from '../src/selection/selection-tree.js';
import { planImportShards } from '../src/shard/plan-import-shards.js';
import { summarizeImportResult } from '../src/job/summarize-import-result.js';
import { useTestHub, useTestS3, type TestHub, type TestS3 } from './hf-test-hub.js';
import { createSeededBucket, type SeededBucket } from './s3-seeded-bucket.js';

interface EmulatedJob {
  id: string;
  startedAt: string | null;
  finishedAt: string | null;
  status: { stage: string; message: string | null };
}

/** The bucket's tree: a dataset layout, hostile names, and folders that stay never listed. */
function bucketObjects(): Map<string, string> {
  const objects = new Map<string, string>();
  for (let part = 0; part < 6; part++) {
    for (let index = 0; index < 6; index++) objects.set(`data/train/part-${part}/${index}.parquet`, `train ${part}/${index} `.repeat(part + index + 1));
  }
  objects.set('data/train/part-3/scratch.tmp', 'not selected');
  for (const name of ['a.csv', 'b.csv', 'c.csv']) objects.set(`data/valid/${name}`, `valid ${name}`);
  for (const name of ['[x]*?.txt', ' lead', "it's $(x).txt", 'ünï/日本.txt', '-rf']) objects.set(`odd names/${name}`, `odd ${name}`);
  // Selected as a whole without ever being listed: every key below must arrive, known or not.
  for (const key of ['raw/2024/01.bin', 'raw/2024/02.bin', 'raw/[unlisted]/*.bin', 'raw/top.bin']) objects.set(key, `raw ${key}`);
  for (const key of ['tmp/a', 'tmp/b/c']) objects.set(key, 'not selected');
  objects.set('README.md', 'readme');
  return objects;
}

describe('sharded import end to end (hub emulator + S3 test server)', () => {
  let s3: TestS3;
  let hub: TestHub;
  let scratch: SeededBucket;
  const objects = bucketObjects();

  before(async () => {
    s3 = await useTestS3();
    hub = await useTestHub({ s3Endpoint: s3.endpoint });
    scratch = await createSeededBucket(s3, [...objects].map(([key, body]) => ({ key, body })));
  });
  after(async () => {
    await scratch?.remove();
    await hub?.close();
    await s3?.stop();
  });

  it('runs one Job per shard at the same time, and the bucket holds exactly the selection', async () => {
    const connection: S3Connection = {
      bucket: scratch.bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    };
    // Browse the way the tree element does: list some folders, leave raw/ and tmp/ unlisted.
    const tree = new SelectionTree();
    for (const folder of ['', 'data/', 'data/train/', ...[0, 1, 2, 3, 4, 5].map((part) => `data/train/part-${part}/`), 'data/valid/', 'odd names/']) {
      const { files, folders } = await listFolder(connection, folder);
      tree.addListing(folder, files, folders);
    }
    tree.setSelected('data/', true);
    tree.setSelected('data/train/part-3/scratch.tmp', false);
    tree.setSelected('data/valid/b.csv', false);
    tree.setSelected('odd names/', true);
    tree.setSelected('raw/', true);
    tree.setFolderCount('raw/', await countFolder(connection, 'raw/'));
    const selected = [...objects.keys()].filter(
      (key) => (key.startsWith('data/') && key !== 'data/train/part-3/scratch.tmp' && key !== 'data/valid/b.csv') || key.startsWith('odd names/') || key.startsWith('raw/'),
    );

    const shards = planImportShards(tree, { shards: 3 });
    assert.equal(shards.length, 3);
    // 'odd names/ünï/' was never listed nor counted: its file is imported but not in the totals.
    const total = (field: 'files' | 'uncountedFolders') => shards.reduce((sum, shard) => sum + shard[field], 0);
    assert.deepEqual({ files: total('files'), uncountedFolders: total('uncountedFolders') }, { files: selected.length - 1, uncountedFolders: 1 });

    const destination = { namespace: 'alice', bucket: `shards-${randomUUID().slice(0, 8)}`, prefix: 'run/' };
    await createBucket({ hubUrl: hub.url, accessToken: hub.tokens.write, namespace: destination.namespace, name: destination.bucket });
    // Held in SCHEDULING until all are created, so the Jobs really run side by side.
    await hub.control.pauseScheduling();
    let created;
    try {
      created = await Promise.all(
        shards.map((shard) =>
          createImportJob({
            hubUrl: hub.url,
            accessToken: hub.tokens.write,
            source: { bucket: scratch.bucket, region: s3.region, endpoint: s3.endpoint },
            credentials: connection.credentials,
            destination,
            filters: shard.filters,
          }),
        ),
      );
    } finally {
      await hub.control.resumeScheduling();
    }
    const finished = (await Promise.all(created.map(({ job }) => hub.control.waitForJob(job.id)))) as EmulatedJob[];
    for (const job of finished) {
      const logs = await hub.control.jobLogs(job.id);
      const summary = summarizeImportResult(job.status, logs.filter((line) => line.startsWith('Import completed:')).at(-1));
      assert.equal(summary.outcome, 'completed', `${job.id}: ${summary.reason}\n${logs.join('\n')}`);
    }
    const latestStart = Math.max(...finished.map((job) => Date.parse(job.startedAt ?? '')));
    const earliestEnd = Math.min(...finished.map((job) => Date.parse(job.finishedAt ?? '')));
    assert.ok(latestStart < earliestEnd, 'the Jobs ran at the same time');

    const files = (await hub.control.buckets()).get(`${destination.namespace}/${destination.bucket}`) ?? new Map<string, Uint8Array>();
    assert.deepEqual([...files.keys()].sort(), selected.map((key) => `run/${key}`).sort());
    for (const key of selected) assert.equal(Buffer.from(files.get(`run/${key}`) ?? []).toString(), objects.get(key), key);
  });
});
