import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matchesFilters } from '../src/filters/matches-filters.js';
import { validateImportPatterns, type PatternProblem } from '../src/filters/validate-import-patterns.js';

const validate = (include: string, exclude = '') => validateImportPatterns({ include, exclude });

/** The problems as `field:line:severity` plus a telling part of each message. */
function summary(problems: PatternProblem[]): string[] {
  return problems.map(({ field, line, severity }) => `${field}:${line}:${severity}`);
}

describe('validateImportPatterns', () => {
  test('passes clean patterns through, in order, as a source-root import', () => {
    const result = validate('data/*\nREADME.md', '*.tmp');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.filters, { root: '', include: ['data/*', 'README.md'], exclude: ['*.tmp'] });
  });

  test('ignores empty and whitespace-only lines, whatever the line endings', () => {
    const result = validate('\n  \r\ndata/*\r\t\n\u00a0\n', ' \n');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.include, ['data/*']);
    assert.deepEqual(result.exclude, []);
  });

  test('empty fields import everything', () => {
    assert.deepEqual(validate('', '').filters, { root: '', include: [], exclude: [] });
  });

  test('keeps leading and trailing whitespace but flags it, because it is matched', () => {
    const result = validate(' lead\ntrail \n\ttab');
    assert.deepEqual(result.include, [' lead', 'trail ', '\ttab']);
    assert.deepEqual(summary(result.problems), ['include:1:warning', 'include:2:warning', 'include:3:warning']);
    assert.match(result.problems[0].message, /^Starts with a space/);
    assert.match(result.problems[1].message, /^Ends with a space/);
    assert.match(result.problems[2].message, /^Starts with a tab/);
    assert.ok(result.filters, 'warnings do not block the import');
    // The pattern really is significant: it matches the key with the space only.
    assert.equal(matchesFilters(' lead', result.filters), true);
    assert.equal(matchesFilters('lead', result.filters), false);
  });

  test('refuses a leading "/", which never matches relative keys, and suggests the fix', () => {
    const result = validate('data/*\n/logs/*\n/raw/', '/tmp/*');
    assert.deepEqual(summary(result.problems), ['include:2:error', 'include:3:error', 'exclude:1:error']);
    assert.match(result.problems[0].message, /Write "logs\/\*"/);
    assert.match(result.problems[1].message, /Write "raw\/\*"/);
    assert.equal(result.filters, undefined);
  });

  test('refuses a trailing "/", which matches no file', () => {
    const result = validate('data/');
    assert.deepEqual(summary(result.problems), ['include:1:error']);
    assert.match(result.problems[0].message, /write "data\/\*"/);
  });

  test('explains that ** is the same as *', () => {
    const result = validate('data/**/*.csv');
    assert.deepEqual(summary(result.problems), ['include:1:warning']);
    assert.match(result.problems[0].message, /Write "data\/\*\/\*\.csv"/);
    assert.equal(matchesFilters('data/a/b.csv', result.filters!), matchesFilters('data/a/b.csv', { include: ['data/*/*.csv'], exclude: [] }));
  });

  test('refuses excluding everything', () => {
    assert.deepEqual(summary(validate('', '*').problems), ['exclude:1:error']);
    assert.deepEqual(summary(validate('', '**').problems), ['exclude:1:error', 'exclude:1:warning']);
    assert.deepEqual(validate('*', '').problems, [], 'including everything is fine');
  });

  test('warns about an unclosed "[" with its column, and not about closed sets', () => {
    const result = validate('data/[ab\n[[]x].txt\n[!]]x');
    assert.deepEqual(summary(result.problems), ['include:1:warning']);
    assert.match(result.problems[0].message, /column 6/);
  });

  test('warns that a backslash is no escape', () => {
    const result = validate('star\\*.txt');
    assert.deepEqual(summary(result.problems), ['include:1:warning']);
    assert.match(result.problems[0].message, /\[\*\]/);
  });

  test('uses repeated lines once and says so', () => {
    const result = validate('a\nb\na');
    assert.deepEqual(result.include, ['a', 'b']);
    assert.deepEqual(summary(result.problems), ['include:3:warning']);
    assert.match(result.problems[0].message, /Repeats line 1/);
  });

  test('warns when a pattern is both included and excluded', () => {
    const result = validate('x/*', 'y\nx/*');
    assert.deepEqual(summary(result.problems), ['exclude:2:warning']);
    assert.match(result.problems[0].message, /include line 1/);
  });

  test('refuses NUL characters', () => {
    assert.deepEqual(summary(validate('a\0b').problems), ['include:1:error']);
  });

  test('orders problems by field, then line', () => {
    const result = validate('ok\n/bad', '/x\n y');
    assert.deepEqual(summary(result.problems), ['include:2:error', 'exclude:1:error', 'exclude:2:warning']);
  });
});
