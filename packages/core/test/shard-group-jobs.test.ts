// The parts of a sharded import beyond the plan: the group and shard labels each Job carries, the
// estimate of Jobs that run side by side, and one verdict for the whole import.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createImportJob } from '../src/hf/create-import-job.js';
import { listImports } from '../src/hf/list-imports.js';
import { buildImportJob } from '../src/job/build-import-job.js';
import { estimateImport } from '../src/job/estimate-import.js';
import { importJobLabels } from '../src/job/import-job-labels.js';
import { JobInputError } from '../src/job/job-input-error.js';
import { summarizeImportResult } from '../src/job/summarize-import-result.js';
import { summarizeShardedImport } from '../src/job/summarize-sharded-import.js';
import { estimateShardedImport } from '../src/shard/estimate-sharded-import.js';
import { useTestHub, type TestHub } from './hf-test-hub.js';

const importOptions = (bucket: string) => ({
  source: { bucket: 'src', region: 'us-east-1', endpoint: 'http://localhost:9' },
  credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret-example' },
  filters: { root: 'data/', include: [], exclude: [] },
  destination: { namespace: 'alice', bucket },
});

const completedLine = (transferred: number, failed = 0, seconds = 2) =>
  `Import completed: Transferred ${transferred} file(s) (1.0 MB), skipped 1, failed ${failed}, in ${seconds}.0s (0.5 MB/s)`;
const completed = (transferred: number, seconds = 2) => summarizeImportResult('COMPLETED', completedLine(transferred, 0, seconds));
const partial = (transferred: number, failed: number) => summarizeImportResult('COMPLETED', completedLine(transferred, failed));
const failed = summarizeImportResult({ stage: 'ERROR', message: 'Job failed with exit code: 1' });
const canceled = summarizeImportResult('CANCELED');

describe('labels of a sharded import Job', () => {
  it('adds import-group and shard to app and import-id', () => {
    const labels = importJobLabels({ importId: 'shard-2-id', importGroup: 'group-1', shard: { index: 2, count: 3 }, labels: { team: 'data' } });
    assert.deepEqual(labels, { team: 'data', app: 's3-to-hf-import', 'import-id': 'shard-2-id', 'import-group': 'group-1', shard: '2-of-3' });
    assert.deepEqual(Object.keys(importJobLabels({ importId: 'plain' })), ['app', 'import-id'], 'a Job of its own gets neither');
  });

  it('refuses the keys it sets itself, half a position, and bad values, naming the field', () => {
    const cases: Array<[string, Parameters<typeof importJobLabels>[0], string, RegExp]> = [
      ['reserved import-group', { labels: { 'import-group': 'x' } }, 'labels', /set by the importer/],
      ['reserved shard', { labels: { shard: '1-of-2' } }, 'labels', /set by the importer/],
      ['group without shard', { importGroup: 'g' }, 'shard', /shard position/],
      ['shard without group', { shard: { index: 1, count: 2 } }, 'importGroup', /import group id/],
      ['bad group id', { importGroup: 'a/b', shard: { index: 1, count: 2 } }, 'importGroup', /"a\/b" must be/],
      ['index past count', { importGroup: 'g', shard: { index: 3, count: 2 } }, 'shard', /3 of 2/],
      ['fractional index', { importGroup: 'g', shard: { index: 1.5, count: 2 } }, 'shard', /whole numbers/],
    ];
    for (const [name, options, field, message] of cases) {
      assert.throws(
        () => importJobLabels(options),
        (error: unknown) => error instanceof JobInputError && error.field === field && message.test(error.message),
        name,
      );
    }
  });

  it('goes through buildImportJob into the Job body', async () => {
    const spec = await buildImportJob({ ...importOptions('b'), hfToken: 'hf_x', importId: 'i-1', importGroup: 'g-1', shard: { index: 1, count: 2 } });
    assert.deepEqual(spec.labels, { app: 's3-to-hf-import', 'import-id': 'i-1', 'import-group': 'g-1', shard: '1-of-2' });
  });
});

describe('createImportJob for shards, then listImports (hub emulator)', () => {
  let hub: TestHub;
  before(async () => {
    hub = await useTestHub();
  });
  after(() => hub?.close());

  it('finds the Jobs of one group again as one import, a retried shard by its newest Job', async () => {
    const call = { hubUrl: hub.url, accessToken: hub.tokens.write };
    const group = randomUUID();
    // Held in SCHEDULING: only the labels matter here, not what the Jobs would import.
    await hub.control.pauseScheduling();
    try {
      const shard = (index: number, importId: string = randomUUID()) =>
        createImportJob({ ...call, ...importOptions('unused'), importId, importGroup: group, shard: { index, count: 3 } });
      const created = await Promise.all([1, 2, 3].map((index) => shard(index)));
      assert.deepEqual(
        created.map(({ job }) => [job.labels?.['import-group'], job.labels?.shard]),
        [1, 2, 3].map((index) => [group, `${index}-of-3`]),
      );
      // Submitting shard 2 again with its own import id finds its Job: one Job per shard.
      const again = await shard(2, created[1].importId);
      assert.equal(again.created, false);
      assert.equal(again.job.id, created[1].job.id);
      // Retrying shard 3 after its Job failed: a new import id, the same group and shard label.
      await hub.control.deleteJob(created[2].job.id);
      const retried = await shard(3);
      assert.notEqual(retried.importId, created[2].importId);

      const record = (await listImports({ ...call, namespace: 'alice' })).find((entry) => entry.id === group);
      assert.ok(record, 'the group is listed as one import');
      assert.equal(record.shardCount, 3);
      assert.deepEqual(record.jobs.map((job) => job.id), [created[0].job.id, created[1].job.id, retried.job.id]);
      assert.equal(record.active, true);
    } finally {
      await hub.control.resumeScheduling();
    }
  });
});

describe('estimateShardedImport', () => {
  const hardware = [
    { name: 'cpu-basic', unitCostUSD: 0.01, unitLabel: 'minute' },
    { name: 'cpu-upgrade', unitCostUSD: 0.03, unitLabel: 'minute' },
  ];
  const options = { hardware, startupSeconds: 60, perFileSeconds: 0, throughput: { 'cpu-basic': 1e6, 'cpu-upgrade': 2e6 }, timeoutSeconds: 3600 };

  it('lasts as long as the slowest Job and costs what all of them cost', () => {
    const shards = [
      { bytes: 600e6, files: 10 },
      { bytes: 1200e6, files: 10 },
      { bytes: 300e6, files: 10 },
    ];
    const estimate = estimateShardedImport(shards, options);
    const basic = estimate.flavors.find((entry) => entry.flavor === 'cpu-basic')!;
    // 60 s start-up + 1,200 s for the largest shard; billed per started minute, Job by Job.
    assert.equal(basic.seconds, 1260);
    assert.equal(basic.costUSD!.toFixed(2), ((11 + 21 + 6) * 0.01).toFixed(2));
    assert.equal(basic.withinTimeout, true);
    const single = estimateImport({ bytes: 2100e6, files: 30 }, options).flavors.find((entry) => entry.flavor === 'cpu-basic')!;
    assert.ok(basic.seconds < single.seconds, 'side by side is faster than one Job');
    assert.ok(basic.costUSD! > single.costUSD!, 'every Job pays its own start-up');
  });

  it('fits the timeout only when every Job does, and recommends by that', () => {
    const estimate = estimateShardedImport([{ bytes: 4000e6, files: 1 }, { bytes: 10e6, files: 1 }], options);
    assert.deepEqual(
      estimate.flavors.map(({ flavor, withinTimeout }) => [flavor, withinTimeout]),
      [
        ['cpu-upgrade', true],
        ['cpu-basic', false],
      ],
    );
    assert.equal(estimate.recommended?.flavor, 'cpu-upgrade');
    assert.deepEqual(estimateShardedImport([], options), { flavors: [] });
  });

  it('is the single estimate for one shard', () => {
    assert.deepEqual(estimateShardedImport([{ bytes: 5e8, files: 7 }], options), estimateImport({ bytes: 5e8, files: 7 }, options));
  });
});

describe('summarizeShardedImport', () => {
  it('is completed when every Job completed, adding up their summary lines', () => {
    const summary = summarizeShardedImport([completed(3, 4), completed(5, 9)]);
    assert.equal(summary.outcome, 'completed');
    assert.equal(summary.reason, 'All 2 Jobs finished: transferred 8 file(s) and skipped 2, the longest Job in 9s.');
    assert.deepEqual(summary.completion && { ...summary.completion }, {
      kind: 'completed',
      transferred: 8,
      transferredBytes: 2_000_000,
      skipped: 2,
      failed: 0,
      seconds: 9,
      bytesPerSecond: 2 * completed(1).completion!.bytesPerSecond,
    });
    assert.deepEqual(summary.shards, { completed: [1, 2], partial: [], failed: [], canceled: [] });
  });

  it('is partial when some Jobs did their part and others failed, naming those', () => {
    const summary = summarizeShardedImport([completed(3), failed, partial(4, 1)]);
    assert.equal(summary.outcome, 'partial');
    assert.match(summary.reason, /^Job 2 of 3 failed; Job 3 of 3 could not import every file; the other one completed\. /);
    assert.match(summary.reason, /Job 2: The Job failed: Job failed with exit code: 1\./);
    assert.match(summary.reason, /Job 3: 1 of 5 file\(s\) failed to import/);
    assert.match(summary.reason, /Run those Jobs again to finish the import/);
    assert.deepEqual(summary.shards, { completed: [1], partial: [3], failed: [2], canceled: [] });
  });

  it('is canceled when Jobs were canceled and none failed, and failed when nothing succeeded', () => {
    const stopped = summarizeShardedImport([completed(3), canceled, canceled]);
    assert.equal(stopped.outcome, 'canceled');
    assert.match(stopped.reason, /^Jobs 2 and 3 of 3 were canceled; the other one completed\. /);
    assert.match(stopped.reason, /Files transferred before that stay in the bucket/);
    assert.equal(summarizeShardedImport([failed, canceled]).outcome, 'failed');
    assert.equal(summarizeShardedImport([failed, failed]).outcome, 'failed');
    assert.equal(summarizeShardedImport([canceled, partial(1, 1)]).outcome, 'partial');
  });

  it('names the first Jobs of a long list and counts the others', () => {
    const results = [failed, completed(1), failed, failed, failed, failed, failed];
    const summary = summarizeShardedImport(results);
    assert.match(summary.reason, /^Jobs 1, 3, 4 and 3 others of 7 failed; the other one completed\. /);
    assert.equal((summary.reason.match(/Job \d: /g) ?? []).length, 3, 'three reasons in full');
    assert.match(summary.reason, /The logs of the other 3 say why/);
    assert.throws(() => summarizeShardedImport([]), RangeError);
  });
});
