// End to end: real import Jobs in the hub emulator, whose emulated `hf buckets import` reads the
// S3 test server (Ceph RGW) and writes into the emulator's buckets.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { escapeGlob } from '../src/filters/escape-glob.js';
import { createBucket } from '../src/hf/create-bucket.js';
import { createImportJob, type CreateImportJobOptions } from '../src/hf/create-import-job.js';
import { getJob } from '../src/hf/get-job.js';
import { streamJobLogs } from '../src/hf/stream-job-logs.js';
import { parseImportProgress, type ImportProgress } from '../src/job/parse-import-progress.js';
import { summarizeImportResult } from '../src/job/summarize-import-result.js';
import { useTestHub, useTestS3, type TestHub, type TestS3 } from './hf-test-hub.js';

describe('import Jobs end to end (hub emulator + S3 test server)', () => {
  let s3: TestS3;
  let hub: TestHub;
  let s3Client: S3Client;

  before(async () => {
    s3 = await useTestS3();
    hub = await useTestHub({ s3Endpoint: s3.endpoint });
    s3Client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
  });
  after(async () => {
    s3Client?.destroy();
    await hub?.close();
    await s3?.stop();
  });

  /** A fresh bucket and the options of an import from the CORS test bucket into it. */
  async function prepareImport(overrides: Partial<CreateImportJobOptions>): Promise<CreateImportJobOptions> {
    const bucket = `import-${randomUUID().slice(0, 8)}`;
    await createBucket({ hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice', name: bucket });
    return {
      hubUrl: hub.url,
      accessToken: hub.tokens.write,
      source: { bucket: s3.corsBucket, region: s3.region, endpoint: s3.endpoint },
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      destination: { namespace: 'alice', bucket },
      filters: { root: '', include: [], exclude: [] },
      ...overrides,
    };
  }

  async function followToEnd(jobId: string): Promise<string[]> {
    const lines: string[] = [];
    for await (const { line } of streamJobLogs({ hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice', jobId, retryDelayMs: 50 })) {
      lines.push(line);
    }
    return lines;
  }

  async function bucketFiles(bucket: string): Promise<Map<string, Uint8Array>> {
    return (await hub.control.buckets()).get(`alice/${bucket}`) ?? new Map();
  }

  async function s3Object(key: string): Promise<Uint8Array> {
    const response = await s3Client.send(new GetObjectCommand({ Bucket: s3.corsBucket, Key: key }));
    return (await response.Body?.transformToByteArray()) ?? new Uint8Array();
  }

  it('reports a partial failure: the Job completes, one file failed, the rest arrived intact', async () => {
    const runFolder = `run-${randomUUID().slice(0, 8)}/`;
    const importId = `partial-${randomUUID()}`;
    const options = await prepareImport({
      source: { bucket: s3.corsBucket, prefix: 'data/', region: s3.region, endpoint: s3.endpoint },
      filters: { root: 'train/', include: ['*.parquet'], exclude: [] },
      importId,
    });
    options.destination.prefix = runFolder;
    // The emulated upload of this one destination path fails (counted in `failed F`).
    await hub.control.failImportOf(`${runFolder}train/part-00003.parquet`);

    const { job, created } = await createImportJob(options);
    assert.equal(created, true);
    const lines = await followToEnd(job.id);
    const finished = await getJob({ hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice', jobId: job.id });
    assert.equal(finished.status.stage, 'COMPLETED');

    const progress = lines.map(parseImportProgress).filter((event): event is ImportProgress => event !== undefined);
    const trainKeys = s3.objects.filter(({ key }) => key.startsWith('data/train/'));
    assert.deepEqual(progress.find((event) => event.kind === 'found'), { kind: 'found', files: trainKeys.length });
    const lastBatch = progress.filter((event) => event.kind === 'batch-done').at(-1);
    assert.ok(lastBatch?.kind === 'batch-done' && lastBatch.filesDone === trainKeys.length && lastBatch.filesTotal === trainKeys.length);

    const completedLine = lines.filter((line) => line.startsWith('Import completed:')).at(-1);
    const summary = summarizeImportResult(finished.status, completedLine);
    assert.equal(summary.outcome, 'partial');
    assert.equal(summary.completion?.failed, 1);
    assert.equal(summary.completion?.transferred, trainKeys.length - 1);
    assert.ok(lines.some((line) => line.includes('part-00003.parquet') && /fail/i.test(line)), 'the log names the failed file');

    const files = await bucketFiles(options.destination.bucket);
    const expectedPaths = trainKeys.filter(({ key }) => !key.endsWith('part-00003.parquet')).map(({ key }) => `${runFolder}${key.slice('data/'.length)}`);
    assert.deepEqual([...files.keys()].sort(), expectedPaths.sort());
    for (const { key } of trainKeys.filter(({ key }) => !key.endsWith('part-00003.parquet'))) {
      assert.deepEqual(Buffer.from(files.get(`${runFolder}${key.slice('data/'.length)}`) ?? []), Buffer.from(await s3Object(key)), key);
    }

    // Submitting the same import again finds the existing Job instead of starting another.
    const again = await createImportJob(options);
    assert.deepEqual({ created: again.created, id: again.job.id }, { created: false, id: job.id });
  });

  it('copies exactly a selection of hostile names, and nothing that a glob would also match', async () => {
    const chosen = ['$(touch pwned).txt', '`touch pwned`.txt', '-rf', '--include=x', 'star*.txt', 'question?.txt', '[bracket].txt', "it's.txt", ' lead', 'tab\there.txt', 'ünïcödé/日本語.txt', '*/in-star-folder.txt'];
    const options = await prepareImport({
      source: { bucket: s3.corsBucket, prefix: 'hostile/', region: s3.region, endpoint: s3.endpoint },
      filters: { root: '', include: chosen.map(escapeGlob), exclude: [] },
    });
    const { job } = await createImportJob(options);
    const lines = await followToEnd(job.id);
    const summary = summarizeImportResult((await getJob({ hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice', jobId: job.id })).status, lines.filter((line) => line.startsWith('Import completed:')).at(-1));
    assert.equal(summary.outcome, 'completed', `${summary.reason}\n${lines.join('\n')}`);

    const files = await bucketFiles(options.destination.bucket);
    assert.deepEqual([...files.keys()].sort(), [...chosen].sort());
    for (const name of chosen) assert.deepEqual(Buffer.from(files.get(name) ?? []), Buffer.from(await s3Object(`hostile/${name}`)), name);
  });

  it('imports a selection too large for the command line through the rebuilt --filter-from file (dry run)', async () => {
    // 4,000 single files: ~110 KB of --include arguments, over the inline budget.
    const chosen = s3.objects.map(({ key }) => key).filter((key) => key.startsWith('many/')).slice(0, 4000).map((key) => key.slice('many/'.length));
    const options = await prepareImport({
      source: { bucket: s3.corsBucket, prefix: 'many/', region: s3.region, endpoint: s3.endpoint },
      filters: { root: '', include: chosen.map(escapeGlob), exclude: [] },
      dryRun: true,
    });
    const { job } = await createImportJob(options);
    assert.ok(Object.keys(job.environment ?? {}).includes('S3HF_FILTERS_0'), 'the filters travel in the environment');
    const lines = await followToEnd(job.id);
    const plan = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { type: string; path?: string });
    const planned = plan.filter((entry) => entry.type === 'operation').map((entry) => entry.path);
    assert.deepEqual(planned.sort(), [...chosen].sort());
    assert.equal((await bucketFiles(options.destination.bucket)).size, 0, 'a dry run copies nothing');
  });
});
