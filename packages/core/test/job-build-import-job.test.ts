import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { ImportFilters } from '../src/filters/import-filters.js';
import { matchesFilters } from '../src/filters/matches-filters.js';
import { parseFilterFile } from '../src/filters/parse-filter-file.js';
import { renderFilterFile } from '../src/filters/render-filter-file.js';
import { buildImportJob } from '../src/job/build-import-job.js';
import { describeImportCommand } from '../src/job/describe-import-command.js';
import { DEFAULT_INSTALL_SPEC } from '../src/job/import-job-defaults.js';
import type { BuildImportJobOptions, ImportJobSpec } from '../src/job/import-job-types.js';
import { JobInputError } from '../src/job/job-input-error.js';
import { SelectionTooLargeError } from '../src/job/selection-too-large-error.js';

// Stand-ins for `pip` and `hf` that record what the script passed them: argv NUL-separated,
// plus (for hf) the --filter-from file and ~/.aws/config as the script left them.
const PIP_STUB = `#!/usr/bin/env bash
printf '%s\\0' "$@" > "$STUB_OUT/pip.argv"
`;
const HF_STUB = `#!/usr/bin/env bash
printf '%s\\0' "$@" > "$STUB_OUT/hf.argv"
for arg in "$@"; do
  case "$arg" in --filter-from=*) cp -- "\${arg#--filter-from=}" "$STUB_OUT/filters.txt" ;; esac
done
if [ -f "$HOME/.aws/config" ]; then cp "$HOME/.aws/config" "$STUB_OUT/aws-config"; fi
`;

interface ScriptRun {
  pipArgv: string[];
  hfArgv: string[];
  /** The exact bytes hf received, NUL-terminated arguments. */
  hfArgvBytes: Buffer;
  filterFile?: string;
  awsConfig?: string;
}

const splitNul = (bytes: Buffer) => bytes.toString('utf8').split('\0').slice(0, -1);
const nulJoined = (values: readonly string[]) => Buffer.concat(values.map((value) => Buffer.from(`${value}\0`, 'utf8')));

const SECRETS = {
  hfToken: `hf_${randomBytes(20).toString('hex')}`,
  accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
  secretAccessKey: randomBytes(30).toString('base64'),
  sessionToken: randomBytes(60).toString('base64'),
};

function baseOptions(overrides: Partial<BuildImportJobOptions> = {}): BuildImportJobOptions {
  return {
    source: { bucket: 'my-data', prefix: 'exports/', region: 'eu-west-1' },
    credentials: { accessKeyId: SECRETS.accessKeyId, secretAccessKey: SECRETS.secretAccessKey, sessionToken: SECRETS.sessionToken },
    filters: { root: 'data/', include: ['train/*', 'meta.json'], exclude: ['train/tmp/*'] },
    destination: { namespace: 'alice', bucket: 'imports', prefix: 'backup/' },
    hfToken: SECRETS.hfToken,
    ...overrides,
  };
}

/** Everything in the spec except `secrets`, as one string to search for leaks. */
const visibleParts = (spec: ImportJobSpec) =>
  JSON.stringify({ ...spec, secrets: undefined }) + spec.command.join('\n') + Object.values(spec.environment).join('\n');

describe('buildImportJob', () => {
  let workDir: string;
  let stubDir: string;
  let runCount = 0;

  before(() => {
    workDir = mkdtempSync(join(tmpdir(), 's3hf-job-test-'));
    stubDir = join(workDir, 'bin');
    mkdirSync(stubDir);
    for (const [name, body] of [['pip', PIP_STUB], ['hf', HF_STUB]]) {
      writeFileSync(join(stubDir, name), body);
      chmodSync(join(stubDir, name), 0o755);
    }
  });
  after(() => rmSync(workDir, { recursive: true, force: true }));

  /** Runs the Job's command with real bash, as the Job would: its environment plus its secrets. */
  function runScript(spec: ImportJobSpec): ScriptRun {
    runCount += 1;
    const out = join(workDir, `run-${runCount}`);
    const home = join(out, 'home');
    mkdirSync(home, { recursive: true });
    const [program, ...args] = spec.command;
    const result = spawnSync(program, [...args, ...spec.arguments], {
      env: { PATH: `${stubDir}:${process.env.PATH}`, HOME: home, STUB_OUT: out, ...spec.environment, ...spec.secrets },
      cwd: workDir,
      encoding: 'buffer',
    });
    assert.equal(result.status, 0, `script failed: ${result.stderr.toString()}`);
    const read = (file: string) => (existsSync(join(out, file)) ? readFileSync(join(out, file), 'utf8') : undefined);
    const hfArgvBytes = readFileSync(join(out, 'hf.argv'));
    return {
      pipArgv: splitNul(readFileSync(join(out, 'pip.argv'))),
      hfArgv: splitNul(hfArgvBytes),
      hfArgvBytes,
      filterFile: read('filters.txt'),
      awsConfig: read('aws-config'),
    };
  }

  it('builds the Job body: image, bash -c, environment, secrets, flavor, timeout, labels', async () => {
    const spec = await buildImportJob(baseOptions({ importId: 'import-42', labels: { team: 'data' } }));
    assert.equal(spec.dockerImage, 'python:3.12');
    assert.deepEqual(spec.command.slice(0, 2), ['bash', '-c']);
    assert.deepEqual(spec.arguments, []);
    assert.deepEqual(spec.environment, { PYTHONUNBUFFERED: '1', AWS_DEFAULT_REGION: 'eu-west-1' });
    assert.deepEqual(spec.secrets, {
      HF_TOKEN: SECRETS.hfToken,
      AWS_ACCESS_KEY_ID: SECRETS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SECRETS.secretAccessKey,
      AWS_SESSION_TOKEN: SECRETS.sessionToken,
    });
    assert.equal(spec.flavor, 'cpu-basic');
    assert.equal(spec.timeoutSeconds, 1800);
    assert.deepEqual(spec.labels, { team: 'data', app: 's3-to-hf-import', 'import-id': 'import-42' });
    assert.match(spec.command[2], /^set -euo pipefail\n/);
  });

  it('runs pip and hf with exactly the expected arguments (real bash, stub commands)', async () => {
    const spec = await buildImportJob(baseOptions({ dryRun: true, skipExisting: true, workers: 8 }));
    const run = runScript(spec);
    assert.deepEqual(run.pipArgv, ['install', '--quiet', DEFAULT_INSTALL_SPEC]);
    assert.deepEqual(run.hfArgv, [
      'buckets',
      'import',
      's3://my-data/exports/data/',
      'hf://buckets/alice/imports/backup/data',
      '--include=train/*',
      '--include=meta.json',
      '--exclude=train/tmp/*',
      '--dry-run',
      '--skip-existing',
      '--workers=8',
    ]);
    assert.equal(run.awsConfig, undefined, 'no AWS config without a custom endpoint');
  });

  it('uses the bucket itself as source and destination when prefixes and root are empty', async () => {
    const spec = await buildImportJob(baseOptions({ filters: { root: '', include: [], exclude: [] }, source: { bucket: 'my-data' }, destination: { namespace: 'acme', bucket: 'all' } }));
    assert.deepEqual(runScript(spec).hfArgv, ['buckets', 'import', 's3://my-data', 'hf://buckets/acme/all']);
    assert.equal(spec.environment.AWS_DEFAULT_REGION, 'us-east-1');
  });

  it('adds the missing slash to a destination folder', async () => {
    const spec = await buildImportJob(baseOptions({ destination: { namespace: 'alice', bucket: 'imports', prefix: 'a/b' } }));
    assert.equal(runScript(spec).hfArgv[3], 'hf://buckets/alice/imports/a/b/data');
  });

  it('configures a custom endpoint with path-style addressing', async () => {
    const spec = await buildImportJob(baseOptions({ source: { bucket: 'bkt1', prefix: '', endpoint: 'http://127.0.0.1:9000/' } }));
    assert.equal(spec.environment.AWS_ENDPOINT_URL_S3, 'http://127.0.0.1:9000');
    assert.equal(runScript(spec).awsConfig, '[default]\ns3 =\n    addressing_style = path\n');
  });

  it('sends no AWS secret for an anonymous source, even if keys were typed', async () => {
    const spec = await buildImportJob(baseOptions({ source: { bucket: 'open-data', anonymous: true } }));
    assert.deepEqual(Object.keys(spec.secrets), ['HF_TOKEN']);
  });

  it('never puts a secret in the command, environment, labels or displayed command', async () => {
    const spec = await buildImportJob(baseOptions({ source: { bucket: 'bkt1', endpoint: 'https://s3.example.com' } }));
    const visible = visibleParts(spec) + describeImportCommand(baseOptions());
    for (const secret of Object.values(SECRETS)) assert.ok(!visible.includes(secret), 'a secret leaked');
  });

  it('passes any hostile pattern and folder byte for byte (property, real bash)', async () => {
    const hostileChar = fc.oneof(
      fc.constantFrom("'", '"', '`', '$(touch pwned)', '\\', '!', ' ', '\t', '\n', '*', '?', '[', ']', '-', '--', '#', '%', '&', ';', '|', 'ü', '😀', '\x01'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0' && c !== '/'),
    );
    const hostileString = fc.string({ unit: hostileChar, minLength: 1, maxLength: 12 });
    const folderName = hostileString.filter((name) => name !== '.' && name !== '..' && !name.includes('/'));
    const folder = fc.array(folderName, { maxLength: 3 }).map((names) => names.map((name) => `${name}/`).join(''));
    const pwned = join(workDir, 'pwned');
    await fc.assert(
      fc.asyncProperty(folder, fc.array(hostileString, { maxLength: 6 }), fc.array(hostileString, { maxLength: 3 }), async (root, include, exclude) => {
        const spec = await buildImportJob(baseOptions({ filters: { root, include, exclude } }));
        const run = runScript(spec);
        const expected = [
          'buckets',
          'import',
          `s3://my-data/exports/${root}`,
          `hf://buckets/alice/imports/backup/${root}`.replace(/\/$/, ''),
          ...include.map((pattern) => `--include=${pattern}`),
          ...exclude.map((pattern) => `--exclude=${pattern}`),
        ];
        assert.deepEqual(run.hfArgvBytes, nulJoined(expected));
      }),
      { numRuns: 150 },
    );
    assert.equal(existsSync(pwned), false);
  });

  it('switches to a gzipped --filter-from file for large selections, rebuilt exactly in the Job', async () => {
    // 20,000 random names: ~900 KB of patterns, too random to compress below several chunks.
    const include = Array.from({ length: 20_000 }, (_, index) => `part-${index}/${randomBytes(16).toString('hex')} [x].bin`);
    const filters: ImportFilters = { root: 'data/', include, exclude: ['*/tmp-*'] };
    const spec = await buildImportJob(baseOptions({ filters, workers: 2 }));
    const chunkNames = Object.keys(spec.environment).filter((name) => name.startsWith('S3HF_FILTERS_'));
    assert.ok(chunkNames.length > 1, `expected several chunks, got ${chunkNames.length}`);
    assert.deepEqual(chunkNames, chunkNames.map((_, index) => `S3HF_FILTERS_${index}`));
    for (const name of chunkNames) assert.ok(Buffer.byteLength(`${name}=${spec.environment[name]}`) < 100 * 1024);
    assert.ok(Buffer.byteLength(spec.command[2]) < 100 * 1024, 'the script itself stays small');
    const run = runScript(spec);
    assert.equal(run.filterFile, renderFilterFile(filters));
    assert.deepEqual(run.hfArgv.slice(0, 4), ['buckets', 'import', 's3://my-data/exports/data/', 'hf://buckets/alice/imports/backup/data']);
    assert.match(run.hfArgv[4], /^--filter-from=\//);
    assert.deepEqual(run.hfArgv.slice(5), ['--workers=2']);
    assert.match(describeImportCommand(baseOptions({ filters })), /"--filter-from=\$filters_file" .*# \$filters_file: 20001 patterns/);
  });

  it('refuses a selection too large even for the filter file, saying what to do', async () => {
    const include = Array.from({ length: 40_000 }, () => randomBytes(40).toString('base64url'));
    await assert.rejects(buildImportJob(baseOptions({ filters: { root: '', include, exclude: [] } })), (error: unknown) => {
      assert.ok(error instanceof SelectionTooLargeError);
      assert.equal(error.reason, 'filter-file-too-large');
      assert.match(error.message, /Select whole folders/);
      return true;
    });
  });

  it('keeps names with a line break as arguments next to the filter file, which cannot carry them', async () => {
    const many = Array.from({ length: 6_000 }, (_, index) => `many/file-${String(index).padStart(5, '0')}.txt`);
    const decides = (run: ScriptRun, key: string) => {
      const args = run.hfArgv.slice(5);
      return matchesFilters(key, {
        rules: parseFilterFile(run.filterFile ?? ''),
        include: args.filter((arg) => arg.startsWith('--include=')).map((arg) => arg.slice('--include='.length)),
        exclude: args.filter((arg) => arg.startsWith('--exclude=')).map((arg) => arg.slice('--exclude='.length)),
      });
    };

    // An include with a line break: the file keeps the others, without its final "- *".
    const withInclude = runScript(await buildImportJob(baseOptions({ filters: { root: '', include: [...many, 'odd\nname.txt'], exclude: ['many/file-00007.txt'] } })));
    assert.match(withInclude.hfArgv[4], /^--filter-from=\//);
    assert.deepEqual(withInclude.hfArgv.slice(5), ['--include=odd\nname.txt']);
    assert.equal(parseFilterFile(withInclude.filterFile ?? '').length, many.length + 1);
    for (const key of ['many/file-00000.txt', 'many/file-05999.txt', 'odd\nname.txt']) assert.equal(decides(withInclude, key), true, key);
    for (const key of ['many/file-00007.txt', 'other.txt', 'odd']) assert.equal(decides(withInclude, key), false, key);

    // An exclude with a line break must win over every include: those go to the arguments too.
    const withExclude = runScript(
      await buildImportJob(baseOptions({ filters: { root: '', include: ['many/*', 'top.txt'], exclude: [...many.slice(0, 5_000), 'many/bad\nname'] } })),
    );
    assert.deepEqual(withExclude.hfArgv.slice(5), ['--include=many/*', '--include=top.txt', '--exclude=many/bad\nname']);
    assert.ok(parseFilterFile(withExclude.filterFile ?? '').every((rule) => rule.sign === '-'), 'only excludes in the file');
    for (const key of ['many/file-05000.txt', 'top.txt']) assert.equal(decides(withExclude, key), true, key);
    for (const key of ['many/file-00000.txt', 'many/bad\nname', 'other.txt']) assert.equal(decides(withExclude, key), false, key);

    // When the arguments alone are still too long, say what to do.
    await assert.rejects(
      buildImportJob(baseOptions({ filters: { root: '', include: many, exclude: ['many/bad\nname'] } })),
      (error: unknown) => {
        assert.ok(error instanceof SelectionTooLargeError);
        assert.equal(error.reason, 'unexpressible-names');
        assert.match(error.message, /line break.*separate, smaller/);
        return true;
      },
    );
    // A short selection with the same name goes on the command line as before.
    const small = await buildImportJob(baseOptions({ filters: { root: '', include: ['odd\nname.txt'], exclude: [] } }));
    assert.deepEqual(runScript(small).hfArgv.slice(4), ['--include=odd\nname.txt']);
    assert.match(describeImportCommand(baseOptions({ filters: { root: '', include: [...many, 'odd\nname.txt'], exclude: [] } })), /"--filter-from=\$filters_file" '--include=odd\nname\.txt' {2}# \$filters_file: 6000 patterns/);
  });

  it('generates an import id when none is given', async () => {
    const first = await buildImportJob(baseOptions());
    const second = await buildImportJob(baseOptions());
    assert.match(first.labels['import-id'], /^[0-9a-f-]{36}$/);
    assert.notEqual(first.labels['import-id'], second.labels['import-id']);
  });

  describe('input validation (JobInputError with the field)', () => {
    const cases: Array<[string, Partial<BuildImportJobOptions>, string, RegExp]> = [
      ['bad namespace', { destination: { namespace: '-alice', bucket: 'x' } }, 'destination.namespace', /start and end/],
      ['long bucket', { destination: { namespace: 'alice', bucket: 'x'.repeat(97) } }, 'destination.bucket', /at most 96/],
      ['bucket with --', { destination: { namespace: 'alice', bucket: 'a--b' } }, 'destination.bucket', /"--"/],
      ['bucket with space', { destination: { namespace: 'alice', bucket: 'a b' } }, 'destination.bucket', /letters, digits/],
      ['destination ..', { destination: { namespace: 'alice', bucket: 'x', prefix: 'a/../b/' } }, 'destination.prefix', /"\.\."/],
      ['destination //', { destination: { namespace: 'alice', bucket: 'x', prefix: 'a//b/' } }, 'destination.prefix', /"\/\/"/],
      ['destination leading /', { destination: { namespace: 'alice', bucket: 'x', prefix: '/a/' } }, 'destination.prefix', /start with '\/'/],
      ['destination backslash', { destination: { namespace: 'alice', bucket: 'x', prefix: 'a\\b/' } }, 'destination.prefix', /backslash/],
      ['destination folder ending in ..', { destination: { namespace: 'alice', bucket: 'x', prefix: 'a../b/' } }, 'destination.prefix', /ending in "\.\."/],
      ['source prefix without /', { source: { bucket: 'my-data', prefix: 'data/2024-' } }, 'source.prefix', /must end with '\/'/],
      ['source bucket', { source: { bucket: 'a' } }, 'source.bucket', /S3 bucket name/],
      ['region', { source: { bucket: 'my-data', region: 'eu west' } }, 'source.region', /region name/],
      ['http endpoint', { source: { bucket: 'my-data', endpoint: 'http://minio.example.com' } }, 'source.endpoint', /https/],
      ['endpoint with password', { source: { bucket: 'my-data', endpoint: 'https://user:pw@minio.example.com' } }, 'source.endpoint', /user name or password/],
      ['not a URL', { source: { bucket: 'my-data', endpoint: 'minio:9000' } }, 'source.endpoint', /https/],
      ['root with ..', { filters: { root: '../', include: [], exclude: [] } }, 'filters', /"\.\."/],
      ['NUL in a pattern', { filters: { root: '', include: ['a\0b'], exclude: [] } }, 'filters', /NUL/],
      ['no credentials', { credentials: undefined }, 'credentials', /mark the bucket as public/],
      ['token with newline', { hfToken: `${SECRETS.hfToken}\n` }, 'hfToken', /paste it again/],
      ['empty token', { hfToken: '' }, 'hfToken', /Enter the Hugging Face access token/],
      ['flavor', { flavor: 'CPU Basic' }, 'flavor', /hardware flavor/],
      ['timeout', { timeoutSeconds: 1.5 }, 'timeoutSeconds', /whole number/],
      ['workers', { workers: 0 }, 'workers', /1 to 64/],
      ['label syntax', { labels: { 'bad key': 'x' } }, 'labels', /label name/],
      ['reserved label', { labels: { app: 'other' } }, 'labels', /set by the importer/],
      ['label value', { labels: { team: 'a/b' } }, 'labels', /value of label "team"/],
      ['import id', { importId: 'has space' }, 'importId', /import id/],
      ['install spec', { installSpec: 'a\nb' }, 'installSpec', /one non-empty line/],
    ];
    for (const [name, overrides, field, message] of cases) {
      it(`rejects ${name}`, async () => {
        await assert.rejects(buildImportJob(baseOptions(overrides)), (error: unknown) => {
          assert.ok(error instanceof JobInputError, String(error));
          assert.equal(error.field, field);
          assert.match(error.message, message);
          for (const secret of Object.values(SECRETS)) assert.ok(!error.message.includes(secret));
          return true;
        });
      });
    }

    it('accepts http only on loopback hosts', async () => {
      for (const endpoint of ['http://localhost:9000', 'http://127.0.0.1:9000', 'http://[::1]:9000', 'https://minio.example.com']) {
        const spec = await buildImportJob(baseOptions({ source: { bucket: 'my-data', endpoint } }));
        assert.ok(spec.environment.AWS_ENDPOINT_URL_S3);
      }
    });
  });
});

describe('describeImportCommand', () => {
  it('shows the quoted command line, as the Job runs it', () => {
    const line = describeImportCommand({
      source: { bucket: 'bkt', prefix: "it's/" },
      filters: { root: '', include: ['-rf', '$(x)'], exclude: [] },
      destination: { namespace: 'alice', bucket: 'x' },
      dryRun: true,
    });
    assert.equal(line, `hf buckets import 's3://bkt/it'\\''s/' 'hf://buckets/alice/x' '--include=-rf' '--include=$(x)' '--dry-run'`);
    const echoed = spawnSync('bash', ['-c', line.replace(/^hf buckets import/, "printf '%s\\0'")], { encoding: 'buffer' });
    assert.deepEqual(splitNul(echoed.stdout), ["s3://bkt/it's/", 'hf://buckets/alice/x', '--include=-rf', '--include=$(x)', '--dry-run']);
  });
});
