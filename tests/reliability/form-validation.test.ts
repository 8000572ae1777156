// Hostile form values, table by table: every one is refused before any request, at its field
// (S3Error.field for the S3 connection, JobInputError.field for the import, the problem map of
// resolveBucketTarget for the destination form), with a reason, and never repeating a secret.
// Values that look odd but are legal go through unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildImportJob,
  JobInputError,
  resolveBucketTarget,
  S3Error,
  validateConnection,
  type BuildImportJobOptions,
  type S3Connection,
} from '@s3-to-hf/core';

const SECRET = { accessKeyId: 'AKIAFORMVALIDATION01', secretAccessKey: 'form/validation+secret=value0123456789', hfToken: 'hf_formValidationToken0123456789' };
const secretValues = Object.values(SECRET);

function assertNoSecret(message: string): void {
  for (const secret of secretValues) assert.ok(!message.includes(secret), `a secret appeared in: ${message}`);
}

// ─── S3 connection (validateConnection → S3Error 'invalid-input' with `field`) ───────────────────

const connection: S3Connection = {
  bucket: 'my-bucket',
  region: 'eu-west-1',
  credentials: { accessKeyId: SECRET.accessKeyId, secretAccessKey: SECRET.secretAccessKey },
};

function s3Refusal(overrides: Partial<S3Connection>): S3Error | undefined {
  try {
    validateConnection({ ...connection, ...overrides });
    return undefined;
  } catch (error) {
    assert.ok(error instanceof S3Error, `expected an S3Error, got ${String(error)}`);
    assert.equal(error.kind, 'invalid-input');
    return error;
  }
}

const s3Rejections: Array<[field: string, overrides: Partial<S3Connection>, reason: RegExp]> = [
  ...['', 'ab', 'a'.repeat(64)].map((bucket): [string, Partial<S3Connection>, RegExp] => ['bucket', { bucket }, /3 to 63 characters/]),
  ...['UPPER', 'has space', 'under_score', '-lead', 'trail-', '.dot', 'dot.', 'bucket/slash', 'bucket?x', '<script>x</script>', 'bücket', 'new\nline', "quo'te", '$(rm -rf)', 'semi;colon', 'tab\tname']
    .map((bucket): [string, Partial<S3Connection>, RegExp] => ['bucket', { bucket }, /lowercase letters, digits, dots and hyphens/]),
  ['bucket', { bucket: 'two..dots' }, /two dots in a row/],
  ['bucket', { bucket: '192.168.0.1' }, /IP address/],
  ...['xn--punycode', 'sthree-name', 'amzn-s3-demo-name', 'name-s3alias', 'name--ol-s3', 'name.mrap', 'name--x-s3', 'name--table-s3']
    .map((bucket): [string, Partial<S3Connection>, RegExp] => ['bucket', { bucket }, /prefix or suffix that S3 reserves/]),
  ...['', 'US-EAST-1', 'us east 1', 'us-east-1 ', 'europe', 'us-east-1;rm', '../us-east-1', 'us-east-1\n', 'auto']
    .map((region): [string, Partial<S3Connection>, RegExp] => ['region', { region }, /not a valid region/]),
  ...['', 'has space', 'UPPER', '-lead', 'a'.repeat(64), 'x;y', 'x/y'].map((region): [string, Partial<S3Connection>, RegExp] => [
    'region',
    { region, endpoint: 'https://s3.example.com' },
    /not a valid region/,
  ]),
  ...['http://s3.example.com', 'http://10.0.0.1:9000', 'http://localhost.evil.com', 'http://127.0.0.2:9000', 'http://0.0.0.0:9000', 'ftp://localhost/', 'file:///etc/passwd', 'ws://localhost:9000', 'javascript:alert(1)', 'data:text/plain,x']
    .map((endpoint): [string, Partial<S3Connection>, RegExp] => ['endpoint', { endpoint }, /must use https:\/\//]),
  ...['https://user:pass@s3.example.com', 'https://user@s3.example.com', 'https://:pass@s3.example.com', 'http://key:secret@localhost:9000']
    .map((endpoint): [string, Partial<S3Connection>, RegExp] => ['endpoint', { endpoint }, /must not contain a user name or password/]),
  ...['https://s3.example.com/?x=1', 'https://s3.example.com/?', 'https://s3.example.com/#frag', 'https://s3.example.com#']
    .map((endpoint): [string, Partial<S3Connection>, RegExp] => ['endpoint', { endpoint }, /query or fragment/]),
  ...['s3.example.com', '//s3.example.com', 'not a url', ''].map((endpoint): [string, Partial<S3Connection>, RegExp] => [
    'endpoint',
    { endpoint },
    /not a URL|spaces, line breaks/,
  ]),
  ...['https://s3.example .com', ' https://s3.example.com', 'https://s3.example.com\n', 'https://s3.exa\tmple.com', 'https://s3.example.com\u0000']
    .map((endpoint): [string, Partial<S3Connection>, RegExp] => ['endpoint', { endpoint }, /spaces, line breaks or control characters/]),
  ...['data', '/data/', 'a//b/', 'a/../b/', '../', '//'].map((prefix): [string, Partial<S3Connection>, RegExp] => ['prefix', { prefix }, /must (end with|not start with)/]),
  ['credentials.accessKeyId', { credentials: undefined }, /Enter an access key ID, or choose anonymous access/],
  ['credentials.accessKeyId', { credentials: { accessKeyId: ` ${SECRET.accessKeyId}`, secretAccessKey: SECRET.secretAccessKey } }, /spaces or line breaks/],
  ['credentials.secretAccessKey', { credentials: { accessKeyId: SECRET.accessKeyId, secretAccessKey: '' } }, /Enter the secret access key/],
  ['credentials.secretAccessKey', { credentials: { accessKeyId: SECRET.accessKeyId, secretAccessKey: `${SECRET.secretAccessKey}\n` } }, /spaces or line breaks/],
  ['credentials.sessionToken', { credentials: { ...connection.credentials!, sessionToken: 'token with space' } }, /spaces or line breaks/],
];

describe('S3 connection form values', () => {
  for (const [field, overrides, reason] of s3Rejections) {
    it(`refuses ${field} ${shownValue(overrides)}`, () => {
      const error = s3Refusal(overrides);
      assert.ok(error, 'accepted');
      assert.equal(error.field, field, error.message);
      assert.match(error.message, reason);
      assertNoSecret(error.message);
    });
  }

  it('never quotes an endpoint back, since it may carry a password', () => {
    for (const endpoint of ['https://user:hunter2-password@s3.example.com', 'user:hunter2-password@s3.example.com', 'http://user:hunter2-password@s3.example.com/?x']) {
      assert.ok(!s3Refusal({ endpoint })?.message.includes('hunter2-password'), endpoint);
    }
  });

  it('accepts what S3 and S3-compatible stores allow', () => {
    const accepted: Array<Partial<S3Connection>> = [
      { bucket: 'abc' },
      { bucket: 'a'.repeat(63) },
      { bucket: 'my.dotted-bucket.2024' },
      { region: 'us-gov-west-1' },
      { region: 'ap-southeast-3' },
      { region: 'auto', endpoint: 'https://r2.example.com' },
      { region: 'garage', endpoint: 'http://localhost:3900' },
      { endpoint: 'http://127.0.0.1:7480' },
      { endpoint: 'http://[::1]:7480' },
      { endpoint: 'HTTP://LOCALHOST:9000', region: 'minio' },
      { endpoint: 'https://s3.example.com/base/path', region: 'ceph' },
      { prefix: 'a/b c/ü/[x]/*/' },
      { prefix: './' },
      { anonymous: true, credentials: undefined },
    ];
    for (const overrides of accepted) assert.equal(s3Refusal(overrides)?.message, undefined, JSON.stringify(overrides));
  });
});

// ─── Import Job (buildImportJob → JobInputError with `field`) ────────────────────────────────────

/** The value a case changes, for its name: the inner field of `source`/`destination` overrides. */
function shownValue(overrides: object): string {
  const [[name, value]] = Object.entries(overrides) as Array<[string, unknown]>;
  // Test names are printed: never the (fake, but still) secrets.
  if (name === 'credentials' || name === 'hfToken') return '(a malformed secret)';
  const inner = typeof value === 'object' && value !== null ? Object.values(value).at(-1) : value;
  return JSON.stringify(inner) ?? String(inner);
}

function jobOptions(overrides: Partial<BuildImportJobOptions> = {}): BuildImportJobOptions {
  return {
    source: { bucket: 'my-bucket', prefix: 'data/', region: 'eu-west-1' },
    credentials: { accessKeyId: SECRET.accessKeyId, secretAccessKey: SECRET.secretAccessKey },
    filters: { root: '', include: [], exclude: [] },
    destination: { namespace: 'alice', bucket: 'imports', prefix: '' },
    hfToken: SECRET.hfToken,
    ...overrides,
  };
}

const source = (overrides: Partial<BuildImportJobOptions['source']>) => ({ source: { bucket: 'my-bucket', ...overrides } });
const destination = (overrides: Partial<BuildImportJobOptions['destination']>) => ({ destination: { namespace: 'alice', bucket: 'imports', ...overrides } });

type JobCase = [field: string, overrides: Partial<BuildImportJobOptions>, reason: RegExp];

const jobRejections: JobCase[] = [
  ...['', 'a', 'a'.repeat(256), '-x', 'x-', 'a b', 'a/b', "a'b", '$(x)', 'a\nb', '<b>x</b>'].map((bucket): JobCase => ['source.bucket', source({ bucket }), /not an S3 bucket name/]),
  ...['', 'eu west', 'a'.repeat(65), 'x;y', 'x\n', 'eu/west'].map((region): JobCase => ['source.region', source({ region }), /not a region name/]),
  ...['http://s3.example.com', 'http://10.0.0.1', 'ftp://localhost', 'javascript:alert(1)', 'file:///etc/passwd'].map((endpoint): JobCase => ['source.endpoint', source({ endpoint }), /https:\/\//]),
  ...['https://user:pw@s3.example.com', 'https://user@s3.example.com'].map((endpoint): JobCase => ['source.endpoint', source({ endpoint }), /user name or password/]),
  ...['https://s3.example.com/?x=1', 'https://s3.example.com/?', 'https://s3.example.com/#', 'https://s3.example.com/#x'].map((endpoint): JobCase => ['source.endpoint', source({ endpoint }), /query string or fragment/]),
  ...['not-a-url', 's3.example.com'].map((endpoint): JobCase => ['source.endpoint', source({ endpoint }), /not a URL/]),
  ...[' https://s3.example.com', 'https://s3.exa\nmple.com', 'https://s3.example.com\t'].map((endpoint): JobCase => ['source.endpoint', source({ endpoint }), /spaces, line breaks or control characters/]),
  ['source.prefix', source({ prefix: 'data' }), /must end with '\/'/],
  ['source.prefix', source({ prefix: '/data/' }), /must not start with '\/'/],
  ['source.prefix', source({ prefix: 'a//b/' }), /"\/\/"/],
  ...['../', 'a/../b/', './', 'a/./'].map((prefix): JobCase => ['source.prefix', source({ prefix }), /"\." or "\.\."/]),
  ['source.prefix', source({ prefix: 'a\0b/' }), /NUL/],
  ...['', '-alice', 'alice-', '.alice', 'alice.', 'al ice', 'a/b', 'a--b', 'a..b', 'x'.repeat(97), '<script>', 'ali\nce', "al'ice", 'ünï', '$(id)']
    .map((namespace): JobCase => ['destination.namespace', destination({ namespace }), /namespace/]),
  ...['', '-b', 'b-', 'a b', 'a/b', 'a--b', 'a..b', 'x'.repeat(97), 'b;rm', 'b\tc'].map((bucket): JobCase => ['destination.bucket', destination({ bucket }), /bucket name/]),
  ['destination.prefix', destination({ prefix: '/x/' }), /must not start with '\/'/],
  ['destination.prefix', destination({ prefix: 'a//b' }), /"\/\/"/],
  ...['../', 'a/../b', 'a/./b', '.'].map((prefix): JobCase => ['destination.prefix', destination({ prefix }), /"\." or "\.\."/]),
  ['destination.prefix', destination({ prefix: 'x../y' }), /ending in "\.\."/],
  ['destination.prefix', destination({ prefix: 'a\\b' }), /backslash/],
  ['destination.prefix', destination({ prefix: 'a\0b' }), /NUL/],
  ...['../', '/x/', 'a//', 'x'].map((root): JobCase => ['filters', { filters: { root, include: [], exclude: [] } }, /folder/i]),
  ['filters', { filters: { root: '', include: ['ok', 'nul\0inside'], exclude: [] } }, /NUL/],
  ['hfToken', { hfToken: '' }, /Enter the Hugging Face access token/],
  ...[`${SECRET.hfToken} `, `${SECRET.hfToken}\n`, `hf_ü${SECRET.hfToken}`].map((hfToken): JobCase => ['hfToken', { hfToken }, /paste it again/]),
  ['credentials', { credentials: undefined }, /mark the bucket as public/],
  ['credentials', { credentials: { accessKeyId: `${SECRET.accessKeyId} `, secretAccessKey: SECRET.secretAccessKey } }, /S3 access key ID contains spaces/],
  ['credentials', { credentials: { accessKeyId: SECRET.accessKeyId, secretAccessKey: `${SECRET.secretAccessKey}\n` } }, /S3 secret access key contains/],
  ['credentials', { credentials: { accessKeyId: SECRET.accessKeyId, secretAccessKey: '' } }, /Enter the S3 secret access key/],
  ...[0, 65, 1.5, Number.NaN, -1].map((workers): JobCase => ['workers', { workers }, /1 to 64/]),
  ...[0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY].map((timeoutSeconds): JobCase => ['timeoutSeconds', { timeoutSeconds }, /whole number of seconds/]),
  ...['CPU', 'cpu basic', '', 'cpu;rm', '-cpu'].map((flavor): JobCase => ['flavor', { flavor }, /hardware flavor/]),
  ['labels', { labels: { 'bad key': 'x' } }, /label name/],
  ['labels', { labels: { app: 'other' } }, /set by the importer/],
  ['labels', { labels: { 'import-id': 'other' } }, /set by the importer/],
  ['labels', { labels: { team: 'a/b' } }, /value of label "team"/],
  ['labels', { labels: { team: 'x'.repeat(101) } }, /value of label "team"/],
  ...['', 'has space', 'x'.repeat(101), 'a/b', 'ü'].map((importId): JobCase => ['importId', { importId }, /import id/]),
  ...['', 'python 3'].map((dockerImage): JobCase => ['dockerImage', { dockerImage }, /Docker image/]),
  ...['', '   ', 'a\nb', 'a\rb'].map((installSpec): JobCase => ['installSpec', { installSpec }, /one non-empty line/]),
];

describe('import Job settings', () => {
  for (const [field, overrides, reason] of jobRejections) {
    it(`refuses ${field} ${shownValue(overrides)}`, async () => {
      const error = await buildImportJob(jobOptions(overrides)).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      assert.ok(error instanceof JobInputError, `expected a JobInputError, got ${String(error)}`);
      assert.equal(error.field, field, error.message);
      assert.equal(error.kind, 'invalid-input');
      assert.match(error.message, reason);
      assertNoSecret(error.message);
    });
  }

  it('passes odd but legal values through to the command unchanged', async () => {
    const spec = await buildImportJob(
      jobOptions({
        source: { bucket: 'Legacy_Bucket.Name', prefix: ' lead/trail /ü/$(x)/`y`/', region: 'garage', endpoint: 'http://[::1]:7480' },
        destination: { namespace: 'Org_Name', bucket: 'b.u_c-k', prefix: 'a b/ü/[x]' },
      }),
    );
    const script = spec.command[2];
    assert.ok(script.includes(`'s3://Legacy_Bucket.Name/ lead/trail /ü/$(x)/\`y\`/'`), script);
    assert.ok(script.includes(`'hf://buckets/Org_Name/b.u_c-k/a b/ü/[x]'`), script);
    assert.equal(spec.environment.AWS_ENDPOINT_URL_S3, 'http://[::1]:7480');
    assert.equal(spec.environment.AWS_DEFAULT_REGION, 'garage');
  });
});

// ─── Destination form (resolveBucketTarget: every problem at once, per field) ────────────────────

describe('destination form', () => {
  const problems = (namespace: string, bucket: string, prefix: string) => resolveBucketTarget({ namespace, bucket, prefix }).problems;

  it('marks each bad field with its own reason, all at once', () => {
    assert.deepEqual(Object.keys(problems('-bad', 'a--b', '../x')).sort(), ['bucket', 'namespace', 'prefix']);
    assert.match(problems('alice', 'a/b/c', '').bucket ?? '', /more than one '\/'/);
    assert.match(problems('alice', '/imports', '').bucket ?? '', /namespace before the '\/'/);
    assert.match(problems('', 'imports', '').namespace ?? '', /Choose a namespace/);
    for (const prefix of ['/x', 'a//b', 'a/../b', 'x../y', 'a\\b', 'a\0b']) assert.ok(problems('alice', 'imports', prefix).prefix, prefix);
    for (const bucket of ['<img src=x onerror=alert(1)>', 'a b', "it's", 'x'.repeat(97)]) assert.ok(problems('alice', bucket, '').bucket, bucket);
  });

  it('keeps a bad folder exactly as typed so the user can fix it', () => {
    const target = resolveBucketTarget({ namespace: 'alice', bucket: 'imports', prefix: ' /bad//folder ' });
    assert.equal(target.prefix, ' /bad//folder ');
    assert.ok(target.problems.prefix);
  });
});
