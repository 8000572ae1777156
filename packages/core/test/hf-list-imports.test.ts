import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { cancelJob } from '../src/hf/cancel-job.js';
import { listImports } from '../src/hf/list-imports.js';
import { runJob, type HfJobSpec } from '../src/hf/run-job.js';
import { formatShardLabel, parseShardLabel } from '../src/job/shard-label.js';
import { useTestHub, type TestHub } from './hf-test-hub.js';

const job = (labels: Record<string, string>, script = 'true'): HfJobSpec => ({
  dockerImage: 'python:3.12',
  command: ['bash', '-c', script],
  flavor: 'cpu-basic',
  labels: { app: 's3-to-hf-import', ...labels },
});

describe('shard labels', () => {
  it('round-trips positions and refuses malformed values', () => {
    assert.equal(formatShardLabel({ index: 2, count: 4 }), '2-of-4');
    assert.deepEqual(parseShardLabel('2-of-4'), { index: 2, count: 4 });
    for (const bad of [undefined, '', '0-of-2', '3-of-2', '1-of-', 'x-of-2', '01-of-2', '1-of-2 ']) {
      assert.equal(parseShardLabel(bad), undefined, String(bad));
    }
    assert.throws(() => formatShardLabel({ index: 0, count: 2 }), RangeError);
    assert.throws(() => formatShardLabel({ index: 3, count: 2 }), RangeError);
  });
});

describe('listImports against the hub emulator', () => {
  let hub: TestHub;
  before(async () => {
    hub = await useTestHub();
  });
  after(() => hub.close());

  it('groups the shards of an import, keeps the newest attempt of a retried shard, and says which are active', async () => {
    const call = { hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice' };
    const group = randomUUID();
    const single = randomUUID();
    const shard1 = await runJob({ ...call, spec: job({ 'import-id': randomUUID(), 'import-group': group, shard: '1-of-2' }) });
    const failedShard2 = await runJob({ ...call, spec: job({ 'import-id': randomUUID(), 'import-group': group, shard: '2-of-2' }, 'exit 3') });
    await hub.control.waitForJob(failedShard2.id);
    const retriedShard2 = await runJob({ ...call, spec: job({ 'import-id': randomUUID(), 'import-group': group, shard: '2-of-2' }, 'sleep 30') });
    const lone = await runJob({ ...call, spec: job({ 'import-id': single }) });
    await hub.control.waitForJob(lone.id);
    await hub.control.waitForJob(shard1.id);

    const imports = await listImports(call);
    const sharded = imports.find((record) => record.id === group);
    const plain = imports.find((record) => record.id === single);
    assert.ok(sharded && plain, 'both imports are listed');
    assert.equal(sharded.shardCount, 2);
    assert.deepEqual(sharded.jobs.map((entry) => entry.id), [shard1.id, retriedShard2.id]);
    assert.equal(sharded.active, true, 'the retried shard is still running');
    assert.equal(plain.shardCount, 1);
    assert.deepEqual(plain.jobs.map((entry) => entry.id), [lone.id]);
    assert.equal(plain.active, false);
    assert.ok(imports.indexOf(plain) < imports.indexOf(sharded), 'newest import first');

    await cancelJob({ ...call, jobId: retriedShard2.id });
  });
});
