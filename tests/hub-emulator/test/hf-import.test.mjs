// The emulated `hf buckets import`, run inside real Jobs against a real S3 server (Ceph RGW), with
// the expected result computed independently by Python's fnmatch.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createProxyClient } from '../../s3/proxy-client.mjs';
import { startHubEmulator } from '../index.mjs';
import { call } from '../test-support/api.mjs';
import { expectedImport } from '../test-support/expected-import.mjs';
import { assertImportCounts, createObjectReader, runImportJob, s3Secrets } from '../test-support/import-job.mjs';
import { useS3TestServer } from '../test-support/s3-server.mjs';

describe('hf buckets import in Jobs, against real S3', () => {
  /** @type {Awaited<ReturnType<typeof useS3TestServer>>} */
  let s3;
  /** @type {Awaited<ReturnType<typeof startHubEmulator>>} */
  let hub;
  /** @type {ReturnType<typeof createObjectReader>} */
  let objects;
  let bucketCounter = 0;

  before(async () => {
    s3 = await useS3TestServer();
    hub = await startHubEmulator({ s3Endpoint: s3.server.endpoint });
    objects = createObjectReader(s3.server);
  });
  beforeEach(() => hub.control.reset());
  after(async () => {
    objects?.close();
    await hub?.close();
    await s3?.stop();
  });

  const keys = () => s3.server.objects.map((object) => object.key);
  const sizeOf = (key) => /** @type {{ size: number }} */ (s3.server.objects.find((object) => object.key === key)).size;

  /** Creates a fresh destination bucket and returns its id. */
  async function freshBucket() {
    bucketCounter += 1;
    const id = `alice/import-${bucketCounter}`;
    const response = await call(`${hub.url}/api/buckets/${id}`, { method: 'POST', token: hub.tokens.write, json: {} });
    assert.equal(response.status, 200);
    return id;
  }

  /** Runs an import Job with the owner's credentials and the endpoint in the Job environment. */
  function importFrom(source, dest, args = [], extra = {}) {
    return runImportJob(hub, {
      token: hub.tokens.write,
      source,
      dest,
      args,
      environment: { AWS_ENDPOINT_URL_S3: s3.server.endpoint, AWS_DEFAULT_REGION: s3.server.region },
      secrets: { HF_TOKEN: hub.tokens.write, ...s3Secrets(s3.server) },
      ...extra,
    });
  }

  const scenarios = [
    { name: 'a whole folder of hostile names, byte for byte', prefix: 'hostile', compareBytes: true },
    { name: '--include *.parquet from the bucket root', prefix: '', includes: ['*.parquet'] },
    { name: 'excludes beat includes', prefix: 'data/', includes: ['*'], excludes: ['test/*', '*.json'] },
    {
      name: 'escaped metacharacters, quotes and dash-leading patterns',
      prefix: 'hostile/',
      includes: ['[[]abc]/*', '*[*]*', '*[?]*', '-rf', '*-rf', '--include=x*', '*--include=x*', ' lead', 'trail ', "*'*", '*"*', '*$(*', '*`*'],
    },
    { name: 'unicode patterns', prefix: 'hostile', includes: ['*日本語*', '*😀*', 'ünïcödé/*'] },
    { name: 'character classes', prefix: 'data', includes: ['train/part-0000[0-3].parquet', 'test/part-0000[!0].parquet'] },
    { name: 'exclude-only from the root, into a destination prefix', prefix: '', excludes: ['many/*', 'deep/*', 'hostile/*'], destPrefix: 'imports/2024' },
    { name: 'a partial-name prefix (directory semantics: nothing)', prefix: 'hostile/pre', expectEmpty: true },
  ];

  for (const scenario of scenarios) {
    it(`imports ${scenario.name}`, async () => {
      const { prefix, includes = [], excludes = [], destPrefix = '' } = scenario;
      const bucketId = await freshBucket();
      const expected = await expectedImport({ bucket: s3.server.corsBucket, prefix, keys: keys(), includes, excludes });
      assert.equal(expected.length === 0, Boolean(scenario.expectEmpty), `fixture coverage for ${scenario.name}`);
      const args = [...includes.flatMap((pattern) => ['--include', pattern]), ...excludes.flatMap((pattern) => ['--exclude', pattern])];
      const dest = `hf://buckets/${bucketId}${destPrefix ? `/${destPrefix}` : ''}`;
      const { job, logs } = await importFrom(`s3://${s3.server.corsBucket}/${prefix}`, dest, args);

      assert.equal(job.status.stage, 'COMPLETED', logs.join('\n'));
      assertImportCounts(logs, { transferred: expected.length, skipped: 0, failed: 0 });
      const stored = hub.control.buckets().get(bucketId) ?? new Map();
      const pathOf = (rel) => (destPrefix ? `${destPrefix}/${rel}` : rel);
      assert.deepEqual([...stored.keys()].sort(), expected.map(({ rel }) => pathOf(rel)).sort());
      for (const { key, rel } of expected) {
        assert.equal(stored.get(pathOf(rel))?.length, sizeOf(key), key);
        if (scenario.compareBytes) assert.deepEqual(stored.get(pathOf(rel)), await objects.read(s3.server.corsBucket, key), key);
      }
    });
  }

  it('records the exact argv `hf` received, hostile arguments included', async () => {
    const bucketId = await freshBucket();
    const args = ['--include', '-rf', '--include=$(touch pwned)', '--exclude', "it's \"quoted\"", '-w', '2', '-v'];
    const { job } = await importFrom(`s3://${s3.server.corsBucket}/hostile/`, `hf://buckets/${bucketId}`, args);
    assert.equal(job.status.stage, 'COMPLETED');
    const [invocation] = hub.control.invocations();
    assert.deepEqual(invocation.argv, ['buckets', 'import', `s3://${s3.server.corsBucket}/hostile/`, `hf://buckets/${bucketId}`, ...args]);
    assert.equal(invocation.jobId, job.id);
    assert.ok(invocation.envNames.includes('AWS_SECRET_ACCESS_KEY'));
  });

  it('imports in batches of at most 100 files and reports progress on stderr lines', async () => {
    const bucketId = await freshBucket();
    const includes = ['file-00[01]*'];
    const expected = await expectedImport({ bucket: s3.server.corsBucket, prefix: 'many', keys: keys(), includes });
    assert.equal(expected.length, 200);
    const { job, logs } = await importFrom(`s3://${s3.server.corsBucket}/many`, `hf://buckets/${bucketId}`, ['--include', includes[0], '--workers', '8']);
    assert.equal(job.status.stage, 'COMPLETED');
    assert.ok(logs.includes('Found 5000 files in S3'), logs.join('\n'));
    assert.ok(logs.includes('Batch 1/2: downloading 100 files from S3'));
    assert.ok(logs.includes('Batch 2/2: downloading 100 files from S3'));
    assert.ok(logs.some((line) => /^Batch 2\/2 done \| 200\/200 files \| [\d.]+ kB \| batch [\d.]+ MB\/s, avg [\d.]+ MB\/s$/.test(line)), logs.join('\n'));
    assert.ok(logs.some((line) => line.startsWith(`Importing 200 file(s) (`) && line.endsWith(`MB) from S3 to hf://buckets/${bucketId}`)));
    assert.ok(logs.includes('  Uploads: 200'));
    assert.equal(hub.control.buckets().get(bucketId)?.size, 200);
  });

  it('prints the plan as JSONL with --dry-run and copies nothing', async () => {
    const bucketId = await freshBucket();
    const expected = await expectedImport({ bucket: s3.server.corsBucket, prefix: 'data', keys: keys(), includes: ['*.parquet'] });
    const { job, logs } = await importFrom(`s3://${s3.server.corsBucket}/data/`, `hf://buckets/${bucketId}/dry`, ['--dry-run', '--include', '*.parquet']);
    assert.equal(job.status.stage, 'COMPLETED');
    const records = logs.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    const [header, ...operations] = records;
    assert.equal(header.type, 'header');
    assert.equal(header.source, `s3://${s3.server.corsBucket}/data`);
    assert.equal(header.dest, `hf://buckets/${bucketId}/dry`);
    assert.ok(Date.parse(header.timestamp));
    assert.deepEqual(header.summary, {
      uploads: expected.length, downloads: 0, deletes: 0, skips: 0, total_size: expected.reduce((sum, { key }) => sum + sizeOf(key), 0),
    });
    assert.deepEqual(operations, expected.map(({ key, rel }) => ({ type: 'operation', action: 'upload', path: rel, reason: 'new file', size: sizeOf(key) })));
    assert.equal(hub.control.buckets().get(bucketId)?.size, 0);
  });

  it('skips paths that already exist with --skip-existing, without overwriting them', async () => {
    const bucketId = await freshBucket();
    hub.control.createBucket(bucketId, { files: { 'in/train/part-00000.parquet': 'old', 'in/meta.json': 'old', 'elsewhere/test/part-00000.parquet': 'x' } });
    const expected = await expectedImport({ bucket: s3.server.corsBucket, prefix: 'data', keys: keys() });
    const { job, logs } = await importFrom(`s3://${s3.server.corsBucket}/data`, `hf://buckets/${bucketId}/in`, ['--skip-existing']);
    assert.equal(job.status.stage, 'COMPLETED');
    assertImportCounts(logs, { transferred: expected.length - 2, skipped: 2, failed: 0 });
    const stored = /** @type {Map<string, Buffer>} */ (hub.control.buckets().get(bucketId));
    assert.equal(stored.get('in/train/part-00000.parquet')?.toString(), 'old');
    assert.equal(stored.get('in/test/part-00000.parquet')?.length, sizeOf('data/test/part-00000.parquet'));
  });

  it('counts failed uploads (failImportOf) in `failed F` and still exits 0', async () => {
    const bucketId = await freshBucket();
    hub.control.failImportOf('*/test/*');
    const expected = await expectedImport({ bucket: s3.server.corsBucket, prefix: 'data', keys: keys() });
    const failing = expected.filter(({ rel }) => rel.startsWith('test/'));
    assert.ok(failing.length > 0);
    const { job, logs } = await importFrom(`s3://${s3.server.corsBucket}/data`, `hf://buckets/${bucketId}/out`);
    assert.equal(job.status.stage, 'COMPLETED');
    assertImportCounts(logs, { transferred: expected.length - failing.length, failed: failing.length });
    assert.ok(logs.some((line) => line.startsWith('Failed to import test/')));
    const stored = [...(hub.control.buckets().get(bucketId)?.keys() ?? [])];
    assert.ok(stored.length > 0 && stored.every((path) => !path.startsWith('out/test/')));
  });

  it('fails the Job with the S3 error code, and no secret, on bad credentials', async () => {
    const bucketId = await freshBucket();
    const wrongSecret = 'definitely-the-wrong-secret-0123456789';
    const cases = [
      { secrets: { HF_TOKEN: hub.tokens.write, AWS_ACCESS_KEY_ID: s3.server.accessKeyId, AWS_SECRET_ACCESS_KEY: wrongSecret }, code: 'SignatureDoesNotMatch' },
      { secrets: { HF_TOKEN: hub.tokens.write, ...s3Secrets(s3.server, s3.server.otherUser) }, code: 'AccessDenied' },
      { secrets: { HF_TOKEN: hub.tokens.write }, code: 'AccessDenied' },
    ];
    for (const { secrets, code } of cases) {
      const { job, logs } = await importFrom(`s3://${s3.server.corsBucket}/data`, `hf://buckets/${bucketId}`, [], { secrets });
      assert.equal(job.status.stage, 'ERROR', code);
      const text = logs.join('\n');
      assert.match(text, new RegExp(`An error occurred \\(${code}\\) when calling the ListObjectsV2 operation`));
      for (const value of [wrongSecret, s3.server.secretAccessKey, s3.server.otherUser.secretAccessKey]) assert.ok(!text.includes(value));
    }
    assert.equal(hub.control.buckets().get(bucketId)?.size, 0);
  });

  it('retries throttled and dropped S3 requests, and counts objects that keep failing', async () => {
    const proxy = createProxyClient(s3.server.proxyEndpoint);
    await proxy.reset();
    try {
      await proxy.addFault({ match: { query: 'list-type=2' }, fault: 'slow-down-503', times: 2 });
      await proxy.addFault({ match: { method: 'GET', prefix: 'data/train/part-00003.parquet' }, fault: 'drop-mid-body', times: 1 });
      await proxy.addFault({ match: { method: 'GET', prefix: 'data/test/part-00001.parquet' }, fault: 'internal-500' });
      const bucketId = await freshBucket();
      const expected = await expectedImport({ bucket: s3.server.corsBucket, prefix: 'data', keys: keys() });
      const { job, logs } = await importFrom(`s3://${s3.server.corsBucket}/data`, `hf://buckets/${bucketId}`, [], {
        environment: { AWS_ENDPOINT_URL_S3: s3.server.proxyEndpoint, AWS_DEFAULT_REGION: s3.server.region },
      });
      assert.equal(job.status.stage, 'COMPLETED', logs.join('\n'));
      assertImportCounts(logs, { transferred: expected.length - 1, failed: 1 });
      assert.ok(logs.some((line) => line.startsWith('Failed to import test/part-00001.parquet: An error occurred (')));
      const stored = /** @type {Map<string, Buffer>} */ (hub.control.buckets().get(bucketId));
      assert.equal(stored.get('train/part-00003.parquet')?.length, sizeOf('data/train/part-00003.parquet'));
      assert.equal(stored.has('test/part-00001.parquet'), false);
      // Two throttled listings and one cut body were retried; the broken object was tried 5 times (botocore's legacy mode).
      assert.deepEqual((await proxy.stats()).fired, { 'slow-down-503': 2, 'drop-mid-body': 1, 'internal-500': 5 });
    } finally {
      await proxy.reset();
    }
  });

  it('reads a public bucket anonymously when the Job has no AWS credentials', async () => {
    const bucketId = await freshBucket();
    const { job, logs } = await importFrom(`s3://${s3.server.publicBucket}`, `hf://buckets/${bucketId}`, ['--include', 'README.md'], { secrets: { HF_TOKEN: hub.tokens.write } });
    assert.equal(job.status.stage, 'COMPLETED', logs.join('\n'));
    assert.equal(hub.control.buckets().get(bucketId)?.get('README.md')?.length, sizeOf('README.md'));
  });

  it('falls back to the emulator S3 endpoint when the Job names none', async () => {
    const bucketId = await freshBucket();
    const { job } = await runImportJob(hub, {
      token: hub.tokens.write,
      source: `s3://${s3.server.corsBucket}`,
      dest: `hf://buckets/${bucketId}`,
      args: ['--include', 'README.md'],
      secrets: { HF_TOKEN: hub.tokens.write, ...s3Secrets(s3.server) },
    });
    assert.equal(job.status.stage, 'COMPLETED');
    assert.deepEqual([...(hub.control.buckets().get(bucketId)?.keys() ?? [])], ['README.md']);
  });

  it('fails like the real preflight when the bucket is missing or the token cannot write', async () => {
    const missing = await importFrom(`s3://${s3.server.corsBucket}/data`, 'hf://buckets/alice/never-created');
    assert.equal(missing.job.status.stage, 'ERROR');
    assert.match(missing.logs.join('\n'), /Bucket 'alice\/never-created' not found/);

    const bucketId = await freshBucket();
    const readOnly = await importFrom(`s3://${s3.server.corsBucket}/data`, `hf://buckets/${bucketId}`, [], {
      secrets: { HF_TOKEN: hub.tokens.read, ...s3Secrets(s3.server) },
    });
    assert.equal(readOnly.job.status.stage, 'ERROR');
    assert.match(readOnly.logs.join('\n'), /Cannot write to bucket .*403/);
    assert.ok(!readOnly.logs.join('\n').includes(hub.tokens.read));
  });
});
