// The emulated `hf` run directly (not in a Job): command-line parsing like click, the documented
// error texts, --filter-from parsing, --dry-run, --buffer-size, and the SigV4 signer.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startHubEmulator } from '../index.mjs';
import { pythonEnvironment } from '../src/python-environment.mjs';
import { expectedImport } from '../test-support/expected-import.mjs';
import { useS3TestServer } from '../test-support/s3-server.mjs';

const HF = fileURLToPath(new URL('../bin/hf', import.meta.url));
const EMULATOR_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Runs a program and resolves with its exit code and output (never rejects on a non-zero exit). */
function run(file, args, env) {
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...pythonEnvironment(), ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

describe('the emulated hf CLI', () => {
  /** @type {Awaited<ReturnType<typeof useS3TestServer>>} */
  let s3;
  /** @type {Awaited<ReturnType<typeof startHubEmulator>>} */
  let hub;
  /** @type {string} */
  let scratch;
  let env;

  before(async () => {
    s3 = await useS3TestServer();
    hub = await startHubEmulator({ s3Endpoint: s3.server.endpoint });
    scratch = await mkdtemp(join(tmpdir(), 'hf-cli-test-'));
    env = {
      HF_ENDPOINT: hub.url,
      HF_TOKEN: hub.tokens.write,
      AWS_ENDPOINT_URL_S3: s3.server.endpoint,
      AWS_ACCESS_KEY_ID: s3.server.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.server.secretAccessKey,
    };
  });
  beforeEach(() => {
    hub.control.reset();
    hub.control.createBucket('alice/cli');
  });
  after(async () => {
    await hub?.close();
    await s3?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  const source = (prefix = '') => `s3://${s3.server.corsBucket}/${prefix}`;
  const keys = () => s3.server.objects.map((object) => object.key);
  /** Runs `hf buckets import … --dry-run` and returns the planned relative paths. */
  async function dryRunPaths(args, prefix) {
    const result = await run(HF, ['buckets', 'import', source(prefix), 'hf://buckets/alice/cli', '--dry-run', ...args], env);
    assert.equal(result.code, 0, result.stderr);
    const [header, ...operations] = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(header.type, 'header');
    assert.equal(header.summary.uploads, operations.length);
    return operations.map((operation) => operation.path);
  }

  it('rejects a destination that is not hf://buckets/… with the documented message', async () => {
    const result = await run(HF, ['buckets', 'import', source('data'), 'alice/cli'], env);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim(), 'Error: Destination must be a bucket path (hf://buckets/...)');
    const noName = await run(HF, ['buckets', 'import', source('data'), 'hf://buckets/alice'], env);
    assert.equal(noName.code, 1);
    assert.match(noName.stderr, /Invalid bucket path/);
  });

  it('requires an s3:// source, a token and two arguments', async () => {
    const notS3 = await run(HF, ['buckets', 'import', 'gs://bucket/data', 'hf://buckets/alice/cli'], env);
    assert.equal(notS3.code, 1);
    assert.match(notS3.stderr, /Source must be an S3 path/);
    const noToken = await run(HF, ['buckets', 'import', source('data'), 'hf://buckets/alice/cli'], { ...env, HF_TOKEN: '' });
    assert.equal(noToken.code, 1);
    assert.match(noToken.stderr, /HF_TOKEN/);
    const oneArgument = await run(HF, ['buckets', 'import', source('data')], env);
    assert.equal(oneArgument.code, 1);
  });

  it('reports usage errors with exit status 2, like click', async () => {
    const cases = [
      [['--nope'], /No such option: --nope/],
      [['--include'], /Option '--include' requires an argument/],
      [['-w', 'many'], /'many' is not a valid integer/],
      [['--dry-run=yes'], /does not take a value/],
    ];
    for (const [args, message] of cases) {
      const result = await run(HF, ['buckets', 'import', source('data'), 'hf://buckets/alice/cli', ...args], env);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.match(result.stderr, /^Usage: hf buckets import/);
    }
    assert.equal((await run(HF, ['repos', 'create'], env)).code, 2);
    assert.equal((await run(HF, ['buckets', 'import', '--help'], env)).code, 0);
  });

  it('lets an option consume the next argument even when it starts with "-"', async () => {
    const includes = ['-rf', '--include=x', '*.md'];
    const paths = await dryRunPaths(['--include', '-rf', '--include', '--include=x', '--include=*.md', '-vw4'], 'hostile');
    const expected = await expectedImport({ bucket: s3.server.corsBucket, prefix: 'hostile', keys: keys(), includes });
    assert.deepEqual(paths, expected.map(({ rel }) => rel));
    assert.ok(paths.length > 0);
  });

  it('applies --filter-from rules first (first match wins), then excludes, then includes', async () => {
    const filterFile = join(scratch, 'rules.txt');
    await writeFile(filterFile, [
      '# chosen in the page',
      '',
      '   + train/part-0000[0-4].parquet   ',
      '-train/*',
      'test/part-00001.parquet',
      '  # indented comment',
      '- meta.json',
    ].join('\r\n'));
    const rules = [['+', 'train/part-0000[0-4].parquet'], ['-', 'train/*'], ['+', 'test/part-00001.parquet'], ['-', 'meta.json']];
    const paths = await dryRunPaths(['--filter-from', filterFile, '--exclude', 'test/part-00001.parquet', '--include', 'test/*', '--exclude', 'test/part-00002.parquet'], 'data');
    const expected = await expectedImport({
      bucket: s3.server.corsBucket, prefix: 'data', keys: keys(), rules, includes: ['test/*'], excludes: ['test/part-00001.parquet', 'test/part-00002.parquet'],
    });
    assert.deepEqual(paths, expected.map(({ rel }) => rel));
    assert.ok(paths.includes('test/part-00001.parquet'), 'the filter file wins over --exclude');
    assert.ok(!paths.includes('test/part-00002.parquet'));
    assert.ok(!paths.includes('train/part-00005.parquet'));
  });

  it('treats a filter file with only "+" rules as letting everything else through', async () => {
    const filterFile = join(scratch, 'plus-only.txt');
    await writeFile(filterFile, '+ meta.json\n');
    const paths = await dryRunPaths(['--filter-from', filterFile], 'data');
    const expected = await expectedImport({ bucket: s3.server.corsBucket, prefix: 'data', keys: keys(), rules: [['+', 'meta.json']] });
    assert.deepEqual(paths, expected.map(({ rel }) => rel));
    assert.ok(paths.length > 1);
  });

  it('refuses a file larger than --buffer-size before transferring anything', async () => {
    const tooSmall = await run(HF, ['buckets', 'import', source('data'), 'hf://buckets/alice/cli', '--buffer-size', '10'], env);
    assert.equal(tooSmall.code, 1);
    assert.match(tooSmall.stderr, /larger than --buffer-size/);
    assert.equal(hub.control.buckets().get('alice/cli')?.size, 0);
    const invalid = await run(HF, ['buckets', 'import', source('data'), 'hf://buckets/alice/cli', '--buffer-size', 'lots'], env);
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /Invalid --buffer-size 'lots'/);
    const roomy = await run(HF, ['buckets', 'import', source('data'), 'hf://buckets/alice/cli', '--buffer-size', '1g'], env);
    assert.equal(roomy.code, 0, roomy.stderr);
  });

  it('signs S3 requests exactly like the AWS SigV4 examples, and signs the session token too', async () => {
    const program = String.raw`
import json, sys
from datetime import datetime, timezone
sys.path.insert(0, sys.argv[1])
from hf_emulation.sigv4 import encode_query, sign_headers
creds = {"access_key_id": "AKIAIOSFODNN7EXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
def sign(query, credentials=creds):
    return sign_headers(method="GET", host="examplebucket.s3.amazonaws.com", encoded_path="/", encoded_query=encode_query(query),
                        credentials=credentials, region="us-east-1", now=datetime(2013, 5, 24, tzinfo=timezone.utc))
print(json.dumps([sign({"max-keys": "2", "prefix": "J"}), sign({"lifecycle": ""}), sign({}, {**creds, "session_token": "SESSION"})]))
`;
    const result = await run('python3', ['-B', '-c', program, EMULATOR_DIR], {});
    assert.equal(result.code, 0, result.stderr);
    const [list, lifecycle, withSession] = JSON.parse(result.stdout);
    // Signatures published in the AWS documentation for these exact requests.
    assert.match(list.authorization, /Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7$/);
    assert.match(lifecycle.authorization, /Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543$/);
    assert.equal(withSession['x-amz-security-token'], 'SESSION');
    assert.match(withSession.authorization, /SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,/);
  });
});
