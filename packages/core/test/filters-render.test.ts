import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { FilterFileError } from '../src/filters/filter-errors.js';
import { fnmatch } from '../src/filters/fnmatch.js';
import type { ImportFilters } from '../src/filters/import-filters.js';
import { matchesFilters } from '../src/filters/matches-filters.js';
import { parseFilterFile } from '../src/filters/parse-filter-file.js';
import { renderFilterFile } from '../src/filters/render-filter-file.js';
import { PythonOracle } from './filters-python-oracle.js';

const filters = (include: string[], exclude: string[]): ImportFilters => ({ root: '', include, exclude });

describe('renderFilterFile', () => {
  test('writes excludes, then includes, then a final "- *"', () => {
    assert.equal(renderFilterFile(filters(['a.csv', 'b/*'], ['b/tmp/*'])), '- b/tmp/*\n+ a.csv\n+ b/*\n- *\n');
  });

  test('without includes everything else stays included, so there is no final "- *"', () => {
    assert.equal(renderFilterFile(filters([], ['x'])), '- x\n');
    assert.equal(renderFilterFile(filters([], [])), '');
  });

  test('keeps edge whitespace by writing it as a one-character set', () => {
    const text = renderFilterFile(filters([' lead', 'trail ', '\ttab\t', ' '], []));
    assert.equal(text, '+ [ ]lead\n+ trail[ ]\n+ [\t]tab[\t]\n+ [ ]\n- *\n');
    const rules = parseFilterFile(text);
    assert.equal(fnmatch(' lead', rules[0].pattern), true);
    assert.equal(fnmatch('lead', rules[0].pattern), false);
    assert.equal(fnmatch('trail ', rules[1].pattern), true);
  });

  test('a literal [ before trailing whitespace stays literal', () => {
    const [rule] = parseFilterFile(renderFilterFile(filters(['a[b '], [])));
    assert.equal(fnmatch('a[b ', rule.pattern), true);
    assert.equal(fnmatch('ab', rule.pattern), false);
  });

  test('refuses patterns with line breaks, naming them', () => {
    for (const pattern of ['new\nline', 'carriage\rreturn']) {
      assert.throws(
        () => renderFilterFile(filters([pattern], [])),
        (error) =>
          error instanceof FilterFileError &&
          error.kind === 'pattern-not-expressible-in-file' &&
          error.pattern === pattern &&
          error.message.includes(JSON.stringify(pattern)),
      );
    }
  });
});

describe('parseFilterFile', () => {
  test('reads signs, comments, blank lines and unsigned lines like the importer', () => {
    const text = '# comment\n\n  + keep/*  \n-drop\r\n   # indented comment\rplain\n+\u3000wide\u3000\n-\x85nel\x85';
    assert.deepEqual(parseFilterFile(text), [
      { sign: '+', pattern: 'keep/*' },
      { sign: '-', pattern: 'drop' },
      { sign: '+', pattern: 'plain' },
      { sign: '+', pattern: 'wide' },
      { sign: '-', pattern: 'nel' },
    ]);
  });

  test('splits lines only on \\n, \\r and \\r\\n', () => {
    assert.deepEqual(parseFilterFile('+ a\u2028b\x0bc\n'), [{ sign: '+', pattern: 'a\u2028b\x0bc' }]);
  });
});

/** Glob syntax, whitespace Python strips, signs and comment markers, non-ASCII. */
const CHARS = [
  'a', 'b', '/', '*', '?', '[', ']', '!', '-', '+', '#', ' ', '\t', '\u00a0', '\u0085', '\u2028', '\u3000', '\x1c', 'é', '😀',
];
const pattern = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((chars) => chars.join(''));
const filtersArbitrary = fc.record({
  root: fc.constant(''),
  include: fc.array(pattern, { maxLength: 4 }),
  exclude: fc.array(pattern, { maxLength: 4 }),
});
/** Keys to test: the patterns themselves (often matching) and random names. */
const keysFor = (value: ImportFilters, extra: string[]) => [...new Set([...value.include, ...value.exclude, ...extra])];

test('a rendered filter file decides every key like the patterns as arguments', () => {
  fc.assert(
    fc.property(filtersArbitrary, fc.array(pattern, { maxLength: 10 }), (value, extraKeys) => {
      const rules = parseFilterFile(renderFilterFile(value));
      for (const key of keysFor(value, extraKeys)) {
        assert.equal(matchesFilters(key, { include: [], exclude: [], rules }), matchesFilters(key, value), JSON.stringify(key));
      }
    }),
    { numRuns: 2000 },
  );
});

describe('with Python reading the file', () => {
  let python: PythonOracle;
  let scratch: string;
  before(async () => {
    python = PythonOracle.start();
    scratch = await mkdtemp(join(tmpdir(), 's3hf-render-'));
  });
  after(async () => {
    await python.close();
    await rm(scratch, { recursive: true, force: true });
  });

  test("Python's open()/strip() parsing reads the rules parseFilterFile reads, and decides the same", async () => {
    let written = 0;
    await fc.assert(
      fc.asyncProperty(filtersArbitrary, fc.array(pattern, { maxLength: 10 }), async (value, extraKeys) => {
        const text = renderFilterFile(value);
        const path = join(scratch, `filter-${written++}.txt`);
        await writeFile(path, text, 'utf8');
        const keys = keysFor(value, extraKeys).filter((key) => key !== '' && !key.startsWith('/'));
        const answer = await python.importedKeys({ ...value, keys, filterFile: path });
        assert.deepEqual(answer.rules, parseFilterFile(text));
        assert.deepEqual(answer.byFilterFile, answer.byArguments, JSON.stringify({ text, keys }));
        assert.deepEqual(answer.byArguments, keys.filter((key) => matchesFilters(key, value)));
      }),
      { numRuns: 400 },
    );
  });

  test('a hand-written file with CRLF, CR and Python-only whitespace', async () => {
    const text = '# comment\r\n  + keep/*  \r\n-drop\r   # indented\rplain\n+\u3000wide\u3000\n-\x85nel\x85\n+ a\u2028b\n';
    const path = join(scratch, 'hand-written.txt');
    await writeFile(path, text, 'utf8');
    assert.deepEqual(await python.parseFilterFile(path), parseFilterFile(text));
  });
});
