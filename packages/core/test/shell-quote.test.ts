import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { shellQuote, UnquotableValueError } from '../src/shell/shell-quote.js';

/** Runs `printf '%s\0'` over the quoted values in ONE real bash and returns what bash printed. */
function echoThroughBash(values: readonly string[]): Buffer {
  const script = `printf '%s\\0' ${values.map(shellQuote).join(' ')}`;
  const result = spawnSync('bash', ['-c', script], { maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `bash failed: ${result.stderr?.toString()}`);
  return result.stdout;
}

function expectedBytes(values: readonly string[]): Buffer {
  return Buffer.concat(values.map((value) => Buffer.from(`${value}\0`, 'utf8')));
}

/** Shell metacharacters, quoting characters, control characters and multi-unit code points. */
const hostileFragment = fc.constantFrom(
  "'", '"', '`', '$', '$(', ')', '${IFS}', '$((1+1))', '\\', '\\\'', '!', '!!', '-', '--', '-rf', '--include=',
  '*', '?', '[', ']', '{a,b}', '~', '#', '&', ';', '|', '<', '>', '(', ' ', '  ', '\t', '\n', '\r', '\r\n',
  '\x01', '\x1b[31m', '\x7f', '\u00a0', 'ü', '日本語', '😀', '𝕏', '\u200b', '\ufeff', '%s', '%n', '\\0', 'EOF',
);
const anyCodePointButNul = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0');
const hostileString = fc.string({ unit: fc.oneof(hostileFragment, anyCodePointButNul), maxLength: 40 });

describe('shellQuote', () => {
  it('gives back every hostile string byte for byte through bash (property, batched)', () => {
    fc.assert(
      fc.property(fc.array(hostileString, { minLength: 100, maxLength: 150 }), (values) => {
        assert.deepEqual(echoThroughBash(values), expectedBytes(values));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a leading-dash value one argument and not an option', () => {
    const values = ['-n', '-e', '--', '-', '--help'];
    assert.deepEqual(echoThroughBash(values), expectedBytes(values));
  });

  it('quotes the empty string as an empty word, not as nothing', () => {
    assert.deepEqual(echoThroughBash(['', 'x', '']), expectedBytes(['', 'x', '']));
  });

  it('always produces a single-quoted word', () => {
    assert.equal(shellQuote('plain'), "'plain'");
    assert.equal(shellQuote("it's"), "'it'\\''s'");
  });

  it('rejects NUL, which no command line can carry, with a clear error', () => {
    assert.throws(() => shellQuote('a\0b'), (error: unknown) => {
      assert.ok(error instanceof UnquotableValueError);
      assert.equal(error.reason, 'nul-character');
      assert.match(error.message, /NUL/);
      return true;
    });
  });

  it('rejects an unpaired surrogate, which has no UTF-8 encoding', () => {
    assert.throws(() => shellQuote('a\ud800b'), (error: unknown) => error instanceof UnquotableValueError && error.reason === 'lone-surrogate');
    assert.equal(shellQuote('\ud83d\ude00'), "'😀'");
  });
});
