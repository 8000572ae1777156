// The JavaScript fnmatch behind failImportOf must agree with CPython's fnmatch.fnmatchcase.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fnmatch } from '../src/fnmatch.mjs';
import { pythonEnvironment } from '../src/python-environment.mjs';

const PYTHON_ORACLE = String.raw`
import fnmatch, json, sys
results = []
for name, pattern in json.load(sys.stdin):
    try:
        results.append(fnmatch.fnmatchcase(name, pattern))
    except Exception:
        results.append(None)
json.dump(results, sys.stdout)
`;

/** @param {[string, string][]} pairs @returns {Promise<(boolean | null)[]>} */
function pythonMatches(pairs) {
  return new Promise((resolve, reject) => {
    const child = execFile('python3', ['-c', PYTHON_ORACLE], { env: pythonEnvironment(), maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout));
    });
    child.stdin?.end(JSON.stringify(pairs));
  });
}

const ALPHABET = ['a', 'b', 'c', 'z', '/', '.', '-', '!', '^', '*', '?', '[', ']', '\\', ' ', 'ü', '日', '😀', '\n'];
const text = (maxLength) => fc.array(fc.constantFrom(...ALPHABET), { maxLength }).map((chars) => chars.join(''));

describe('fnmatch (JavaScript port)', () => {
  it('agrees with CPython on generated names and patterns', async () => {
    const pairs = fc.sample(fc.tuple(text(8), text(8)), { numRuns: 4000, seed: 20240611 });
    // Patterns are also tried against names built to match them, so "true" answers are common too.
    const matching = fc.sample(text(6), { numRuns: 1000, seed: 7 }).map((name) => [name, name.replace(/[a-c]/g, '?')]);
    const all = [...pairs, ...matching];
    const expected = await pythonMatches(all);
    const compared = all.filter((_, index) => expected[index] !== null);
    assert.ok(compared.length > all.length * 0.95);
    assert.ok(expected.filter(Boolean).length > 500);
    for (const [index, [name, pattern]] of all.entries()) {
      if (expected[index] === null) continue;
      assert.equal(fnmatch(name, pattern), expected[index], `fnmatch(${JSON.stringify(name)}, ${JSON.stringify(pattern)})`);
    }
  });

  it('handles the documented cases', () => {
    assert.equal(fnmatch('a/b/x.csv', '*.csv'), true);
    assert.equal(fnmatch('dir/sub/file', 'dir/*'), true);
    assert.equal(fnmatch('star*.txt', 'star[*].txt'), true);
    assert.equal(fnmatch('starX.txt', 'star[*].txt'), false);
    assert.equal(fnmatch('[abc]/b', '[[]abc]/*'), true);
    assert.equal(fnmatch('a\\b', 'a\\b'), true);
    assert.equal(fnmatch('c', '[b-ac]'), true);
    assert.equal(fnmatch('File.TXT', '*.txt'), false);
  });
});
