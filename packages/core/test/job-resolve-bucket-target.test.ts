import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JobInputError } from '../src/job/job-input-error.js';
import { resolveBucketTarget } from '../src/job/resolve-bucket-target.js';
import { validateBucketPrefix } from '../src/job/validate-bucket-prefix.js';

// The emulator's name rule mirrors the Hub's; a computed URL keeps TypeScript out of its JavaScript.
const emulatorBucketStore = new URL('../../../tests/hub-emulator/src/bucket-store.mjs', import.meta.url).href;

describe('resolveBucketTarget', () => {
  it('takes the chosen namespace for a bare bucket name', () => {
    assert.deepEqual(resolveBucketTarget({ namespace: 'alice', bucket: ' imports ', prefix: '' }), {
      namespace: 'alice',
      bucket: 'imports',
      prefix: '',
      namespaceInBucketField: false,
      problems: {},
    });
  });

  it('lets namespace/bucket in the bucket field win over the chooser, and adds the trailing slash', () => {
    assert.deepEqual(resolveBucketTarget({ namespace: 'alice', bucket: 'acme/imports', prefix: 'raw/2024' }), {
      namespace: 'acme',
      bucket: 'imports',
      prefix: 'raw/2024/',
      namespaceInBucketField: true,
      problems: {},
    });
  });

  const problemsOf = (input: { namespace?: string; bucket?: string; prefix?: string }) =>
    resolveBucketTarget({ namespace: 'alice', bucket: 'imports', prefix: '', ...input }).problems;

  for (const [bucket, reason] of [
    ['', /Enter a bucket name/],
    ['my bucket', /may only contain letters, digits/],
    ['a--b', /must not contain "--" or "\.\."/],
    ['a..b', /must not contain "--" or "\.\."/],
    ['-data', /must start and end/],
    ['data.', /must start and end/],
    ['x'.repeat(97), /97 characters long; the Hub allows at most 96/],
    ['a/b/c', /more than one '\/'/],
    ['/imports', /Write the namespace before the '\/'/],
    ['acme/', /Enter a bucket name/],
    ['ac me/imports', /namespace "ac me" may only contain/],
  ] as const) {
    it(`refuses the bucket field "${bucket.length > 20 ? `${bucket.slice(0, 8)}…` : bucket}" with the reason`, () => {
      const problems = problemsOf({ bucket });
      assert.deepEqual(Object.keys(problems), ['bucket']);
      assert.match(problems.bucket!, reason);
    });
  }

  it('asks for a namespace when none is chosen or typed, and checks a chosen one', () => {
    assert.match(problemsOf({ namespace: '' }).namespace!, /Choose a namespace, or type namespace\/bucket/);
    assert.match(problemsOf({ namespace: 'ac--me' }).namespace!, /namespace "ac--me" must not contain/);
    assert.deepEqual(problemsOf({ namespace: '', bucket: 'acme/imports' }), {});
  });

  it('reports every field at once, keeping an invalid folder as typed', () => {
    const resolved = resolveBucketTarget({ namespace: '', bucket: 'bad name', prefix: '/abs' });
    assert.deepEqual(Object.keys(resolved.problems).sort(), ['bucket', 'namespace', 'prefix']);
    assert.equal(resolved.prefix, '/abs');
  });

  it('accepts exactly the names the hub emulator accepts (the Hub rule)', async () => {
    const { bucketNameProblem } = (await import(emulatorBucketStore)) as { bucketNameProblem(name: string): string | undefined };
    const name = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'ab9Z._-/ é'), minLength: 0, maxLength: 6 }),
      fc.string({ unit: fc.constantFrom('a', '1', '_', '-', '.'), minLength: 90, maxLength: 100 }),
    );
    fc.assert(
      fc.property(name, (bucket) => {
        fc.pre(!bucket.includes('/') && bucket.trim() === bucket);
        const accepted = resolveBucketTarget({ namespace: 'alice', bucket, prefix: '' }).problems.bucket === undefined;
        assert.equal(accepted, bucketNameProblem(bucket) === undefined, `bucket "${bucket}"`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('validateBucketPrefix', () => {
  it('normalises folders to end with one slash', () => {
    assert.equal(validateBucketPrefix(''), '');
    assert.equal(validateBucketPrefix('raw'), 'raw/');
    assert.equal(validateBucketPrefix('raw/2024/'), 'raw/2024/');
    assert.equal(validateBucketPrefix('..hidden/a..b/'), '..hidden/a..b/');
    assert.equal(validateBucketPrefix('with space/ünïcode'), 'with space/ünïcode/');
  });

  for (const [prefix, reason] of [
    ['/raw', /must not start with '\/'/],
    ['raw//2024', /contains "\/\/"/],
    ['raw/../x', /"\." or "\.\." folder/],
    ['./raw', /"\." or "\.\." folder/],
    ['raw..', /folder name ending in "\.\."/],
    ['a/b../c', /folder name ending in "\.\."/],
    ['raw\\2024', /backslash/],
    ['raw\0', /NUL character/],
  ] as const) {
    it(`refuses ${JSON.stringify(prefix)}`, () => {
      assert.throws(
        () => validateBucketPrefix(prefix),
        (error: unknown) => error instanceof JobInputError && error.field === 'destination.prefix' && reason.test(error.message),
      );
    });
  }
});
