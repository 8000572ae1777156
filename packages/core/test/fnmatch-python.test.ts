import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { escapeGlob } from '../src/filters/escape-glob.js';
import { fnmatch } from '../src/filters/fnmatch.js';
import { PythonOracle } from './filters-python-oracle.js';

/** Glob syntax (including range and negation quirks), separators, line breaks, code points beyond the BMP. */
const NAME_CHARS = ['a', 'b', 'z', 'A', '/', '*', '?', '[', ']', '!', '-', '^', '\\', '&', '.', '\n', ' ', 'é', '😀', '\uFFFD', '\uE000'];
const PATTERN_CHARS = [...NAME_CHARS, '~', '|'];

const text = (chars: string[], maxLength: number) =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((parts) => parts.join(''));

/** A pattern derived from a name, so that matches are common: some characters become `?`, `*` or a set holding them. */
const patternFromName = fc
  .tuple(text(NAME_CHARS, 8), fc.array(fc.constantFrom('keep', 'any', 'star', 'set', 'negated', 'range'), { maxLength: 8 }))
  .map(([name, edits]) => {
    const chars = Array.from(name);
    const pattern = chars.map((char, index) => {
      switch (edits[index] ?? 'keep') {
        case 'any': return '?';
        case 'star': return '*';
        case 'set': return `[${char}x]`;
        case 'negated': return `[!${char}]`;
        case 'range': return `[${char}-z]`;
        default: return char;
      }
    });
    return [name, pattern.join('')] as const;
  });

describe('fnmatch matches like Python fnmatch.fnmatch', () => {
  let python: PythonOracle;
  before(() => {
    python = PythonOracle.start();
  });
  after(() => python.close());

  test('on thousands of random name/pattern pairs', async () => {
    const randomPairs = fc.sample(fc.tuple(text(NAME_CHARS, 6), text(PATTERN_CHARS, 8)), { numRuns: 6000, seed: 1 });
    const derivedPairs = fc.sample(patternFromName, { numRuns: 6000, seed: 2 });
    const pairs = [...randomPairs, ...derivedPairs];
    const expected = await python.fnmatch(pairs);
    const mismatches = pairs.filter(([name, pattern], index) => fnmatch(name, pattern) !== expected[index]);
    assert.deepEqual(mismatches, []);
    // The sample must exercise both outcomes, or the comparison proves little.
    assert.ok(expected.filter(Boolean).length > 1000, 'too few matching pairs in the sample');
  });

  test('on set and range corner cases', async () => {
    const patterns = [
      '[z-a]', '[!z-a]', '[z-a!x]', '[z-a!-x]', '[a-]', '[-a]', '[!-a]', '[]a]', '[!]a]', '[]-a]', '[a--z]', '[%--/]', '[^a]',
      '[[a]', '[a-c-e]', '[\\]', '[\\-a]', '[&&]', '[a', '[!', '[]', '[!]', 'x[', '[😀-😂]', '[\uE000-😀]', '[!😀]',
    ];
    const names = [
      'a', 'b', 'c', 'd', 'x', 'z', '-', ']', '[', '!', '^', '\\', '&', '%', '/', '😀', '😁', '\uE000', '\uFFFD', 'ab', '',
    ];
    const pairs = patterns.flatMap((pattern) => names.map((name) => [name, pattern] as const));
    const expected = await python.fnmatch(pairs);
    assert.deepEqual(
      pairs.filter(([name, pattern], index) => fnmatch(name, pattern) !== expected[index]),
      [],
    );
  });

  test('escapeGlob turns any name into a pattern that matches only that name', async () => {
    const names = fc.sample(text(NAME_CHARS, 8), { numRuns: 2000, seed: 3 });
    const cases = names.flatMap((name, index) => {
      const other = names[(index + 1) % names.length];
      return [
        { name, pattern: escapeGlob(name), expected: true },
        { name: other, pattern: escapeGlob(name), expected: other === name },
      ];
    });
    const byPython = await python.fnmatch(cases.map(({ name, pattern }) => [name, pattern] as const));
    cases.forEach(({ name, pattern, expected }, index) => {
      assert.equal(byPython[index], expected, `python: ${JSON.stringify(name)} vs ${JSON.stringify(pattern)}`);
      assert.equal(fnmatch(name, pattern), expected, `js: ${JSON.stringify(name)} vs ${JSON.stringify(pattern)}`);
    });
  });
});

describe('fnmatch semantics', () => {
  test('* crosses folders and line breaks, and matches the empty string', () => {
    assert.equal(fnmatch('a/b/x.csv', '*.csv'), true);
    assert.equal(fnmatch('dir/sub/file', 'dir/*'), true);
    assert.equal(fnmatch('line\nbreak', 'line*'), true);
    assert.equal(fnmatch('', '*'), true);
    assert.equal(fnmatch('dir', 'dir/*'), false);
  });

  test('? matches exactly one code point, even outside the BMP', () => {
    assert.equal(fnmatch('😀', '?'), true);
    assert.equal(fnmatch('😀', '??'), false);
    assert.equal(fnmatch('/', '?'), true);
  });

  test('the match is anchored and case-sensitive', () => {
    assert.equal(fnmatch('data.csv', 'data'), false);
    assert.equal(fnmatch('xdata', 'data'), false);
    assert.equal(fnmatch('Data', 'data'), false);
  });

  test('backslash is a literal and an unclosed [ is literal', () => {
    assert.equal(fnmatch('a\\*', 'a\\*'), true);
    assert.equal(fnmatch('a\\b', 'a\\*'), true);
    assert.equal(fnmatch('[abc', '[abc'), true);
    assert.equal(fnmatch('a', '[abc'), false);
  });

  // Python's atomic groups keep this linear; a backtracking translation would not finish.
  test('patterns with many stars do not backtrack exponentially', { timeout: 10_000 }, () => {
    assert.equal(fnmatch('a'.repeat(5000), '*a*a*a*a*a*a*a*b'), false);
    assert.equal(fnmatch(`${'a'.repeat(5000)}b`, '*a*a*a*a*a*a*a*b'), true);
  });
});
