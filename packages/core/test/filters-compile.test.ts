import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compileFilters } from '../src/filters/compile-filters.js';
import { EmptySelectionError, LeadingSlashKeysError } from '../src/filters/filter-errors.js';
import type { ImportFilters } from '../src/filters/import-filters.js';
import { matchesFilters } from '../src/filters/matches-filters.js';
import { SelectionTree } from '../src/selection/selection-tree.js';
import { fewestExactPatterns, vocabularyBelow } from './exhaustive-patterns.js';
import { playSession, sessionStepsArbitrary } from './selection-arbitraries.js';

const tree = (...keys: string[]) => SelectionTree.fromKeys(keys.map((key) => ({ key, size: 1 })));

/** Which of `keys` (relative to the source prefix) the importer copies, filtering the way it does. */
function importedBy(filters: ImportFilters, keys: readonly string[]): string[] {
  return keys.filter(
    (key) => key.startsWith(filters.root) && matchesFilters(key.slice(filters.root.length).replace(/^\/+/, ''), filters),
  );
}

describe('compileFilters on readable cases', () => {
  const keys = ['data/train/a.parquet', 'data/train/b.parquet', 'data/test/c.parquet', 'README.md'];

  test('a single file makes its folder the root', () => {
    const selection = tree(...keys);
    selection.setSelected('data/train/a.parquet', true);
    const filters = compileFilters(selection);
    assert.equal(filters.root, 'data/train/');
    // One pattern either way; excluding the sibling wins because it needs no include.
    assert.deepEqual(filters, { root: 'data/train/', include: [], exclude: ['b.parquet'] });
    assert.deepEqual(importedBy(filters, keys), ['data/train/a.parquet']);
  });

  test('a file alone in its folder needs no pattern at all', () => {
    const selection = tree(...keys);
    selection.setSelected('data/test/c.parquet', true);
    assert.deepEqual(compileFilters(selection), { root: 'data/test/', include: [], exclude: [] });
  });

  test('a whole folder becomes the root without patterns', () => {
    const selection = tree(...keys);
    selection.setSelected('data/', true);
    assert.deepEqual(compileFilters(selection), { root: 'data/', include: [], exclude: [] });
  });

  test('the whole source, even before anything is listed, needs no pattern', () => {
    const selection = new SelectionTree();
    selection.setSelected('', true);
    assert.deepEqual(compileFilters(selection), { root: '', include: [], exclude: [] });
  });

  test('everything but one file excludes that file', () => {
    const selection = tree(...keys);
    selection.setSelected('', true);
    selection.setSelected('data/train/b.parquet', false);
    const filters = compileFilters(selection);
    assert.deepEqual(filters, { root: '', include: [], exclude: ['data/train/b.parquet'] });
    assert.deepEqual(importedBy(filters, keys), keys.filter((key) => key !== 'data/train/b.parquet'));
  });

  test('scattered files are included one by one when that is shorter', () => {
    const selection = tree(...keys, 'LICENSE', 'other/x');
    selection.setSelected('README.md', true);
    selection.setSelected('data/test/c.parquet', true);
    const filters = compileFilters(selection);
    assert.deepEqual(filters, { root: '', include: ['README.md', 'data/test/*'], exclude: [] });
  });

  test('a mostly selected folder is included as a whole minus its exceptions', () => {
    const selection = tree('x/1', 'x/2', 'x/3', 'x/4', 'y');
    selection.setSelected('x/', true);
    selection.setSelected('x/2', false);
    selection.setSelected('y', false);
    const filters = compileFilters(selection);
    assert.deepEqual(filters, { root: 'x/', include: [], exclude: ['2'] });
  });

  test('unlisted subfolders are covered by folder patterns, known or not', () => {
    const selection = new SelectionTree();
    selection.addListing('', [], ['data/']);
    selection.addListing('data/', [{ key: 'data/a.csv', size: 1 }], ['data/raw/', 'data/clean/', 'data/tmp/']);
    selection.setSelected('data/', true);
    selection.setSelected('data/tmp/', false);
    const filters = compileFilters(selection);
    assert.deepEqual(filters, { root: 'data/', include: [], exclude: ['tmp/*'] });
    // Keys nobody listed yet, below the unlisted folders:
    const unknownKeys = ['data/raw/2024/x.bin', 'data/clean/y', 'data/tmp/z', 'data/tmp/deep/er'];
    assert.deepEqual(importedBy(filters, ['data/a.csv', ...unknownKeys]), ['data/a.csv', 'data/raw/2024/x.bin', 'data/clean/y']);

    selection.setSelected('data/', false);
    selection.setSelected('data/raw/', true);
    assert.deepEqual(compileFilters(selection), { root: 'data/raw/', include: [], exclude: [] });
  });

  test('a folder selected before it is listed keeps compiling the same after listing', () => {
    const selection = new SelectionTree();
    selection.addListing('', [{ key: 'top.txt', size: 1 }], ['data/']);
    selection.setSelected('data/', true);
    assert.deepEqual(compileFilters(selection), { root: 'data/', include: [], exclude: [] });
    selection.addListing('data/', [{ key: 'data/a', size: 1 }, { key: 'data/b', size: 1 }], ['data/sub/']);
    assert.deepEqual(compileFilters(selection), { root: 'data/', include: [], exclude: [] });
    selection.setSelected('data/b', false);
    assert.deepEqual(compileFilters(selection), { root: 'data/', include: [], exclude: ['b'] });
  });

  test('glob characters in names are escaped', () => {
    const selection = tree('[abc]/*?.txt', '[abc]/other', 'x', 'y', 'z');
    selection.setSelected('[abc]/*?.txt', true);
    selection.setSelected('x', true);
    const filters = compileFilters(selection);
    assert.deepEqual(filters, { root: '', include: ['[[]abc]/[*][?].txt', 'x'], exclude: [] });
    assert.deepEqual(importedBy(filters, ['[abc]/*?.txt', '[abc]/other', 'x', 'a/*?.txt']), ['[abc]/*?.txt', 'x']);
  });

  test('very deep paths compile without recursion', () => {
    const deep = 'd/'.repeat(20_000);
    const selection = tree(`${deep}keep`, `${deep}drop`, 'top');
    selection.setSelected('d/', true);
    selection.setSelected('top', true);
    selection.setSelected(`${deep}drop`, false);
    assert.deepEqual(compileFilters(selection), { root: '', include: [], exclude: [`${deep}drop`] });
  });

  test('nothing selected throws EmptySelectionError', () => {
    assert.throws(
      () => compileFilters(tree('a', 'b')),
      (error) => error instanceof EmptySelectionError && error.kind === 'empty-selection',
    );
    assert.throws(() => compileFilters(new SelectionTree()), EmptySelectionError);
  });

  test('an empty-named subfolder moves the root up, so no relative key starts with /', () => {
    const keys = ['a//x', 'a/y', 'a/z'];
    const selection = tree(...keys);
    selection.setSelected('a//x', true);
    selection.setSelected('a/y', true);
    const filters = compileFilters(selection);
    assert.equal(filters.root, '');
    assert.deepEqual(importedBy(filters, keys), ['a//x', 'a/y']);
  });

  test('keys starting with / at the bucket root make a partial selection inexpressible', () => {
    const selection = tree('/x', 'x', 'y/1');
    selection.setSelected('x', true);
    assert.throws(
      () => compileFilters(selection),
      (error) => error instanceof LeadingSlashKeysError && error.kind === 'leading-slash-keys',
    );
    selection.setSelected('', true);
    assert.deepEqual(compileFilters(selection), { root: '', include: [], exclude: [] }, 'the whole source is fine');
    selection.setSelected('', false);
    selection.setSelected('y/1', true);
    assert.deepEqual(compileFilters(selection), { root: 'y/', include: [], exclude: [] }, 'so is anything below the root');
  });
});

/*
 * Optimality, checked exhaustively. Small random buckets with hostile names (glob characters,
 * spaces, empty segments, non-ASCII), folder markers that make empty folders, explored lazily so
 * that some folders are never listed, with random ticks. For each, every include set and every
 * exclude set of the vocabulary is tried (fewestExactPatterns), judged by the real matcher on the
 * listed keys and on invented keys below the never-listed folders. The compiled filters must be
 * exact on those keys, use only vocabulary patterns, and be no longer than the best set found at
 * the chosen root, nor than the best at any folder above it (a shallower root never helps).
 */
const HOSTILE_SEGMENTS = ['a', 'b', '*', '?', '[a]', '[', ']', ' ', 'a b', 'é', '😀', '\t', ''];
const hostileName = fc.constantFrom(...HOSTILE_SEGMENTS.filter((segment) => segment !== ''), 'x\ny', '[!a]');
const smallHostileKey = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.array(fc.constantFrom(...HOSTILE_SEGMENTS), { maxLength: 3 }), hostileName).map(([folders, name]) => [...folders, name].join('/')) },
  // A folder marker: the folder exists even when nothing else is in it.
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE_SEGMENTS), { minLength: 1, maxLength: 2 }).map((folders) => `${folders.join('/')}/`) },
);

/** The folders from the bucket root down to `folder`, shallowest first. */
function foldersDownTo(folder: string): string[] {
  const chain = [''];
  for (let slash = folder.indexOf('/'); slash !== -1; slash = folder.indexOf('/', slash + 1)) chain.push(folder.slice(0, slash + 1));
  return chain;
}

test('compileFilters uses the fewest patterns the vocabulary allows (exhaustive search)', () => {
  const counts = { cases: 0, checked: 0, withPatterns: 0, unlisted: 0, empty: 0, leadingSlash: 0, shallowerRoots: 0 };
  fc.assert(
    fc.property(fc.uniqueArray(smallHostileKey, { minLength: 2, maxLength: 14 }), sessionStepsArbitrary, (keys, steps) => {
      const { tree: selection, unlistedFolders } = playSession(keys.map((key) => ({ key, size: 1 })), steps);
      if (selection.stats().files + selection.stats().unlistedFolders === 0) return;
      counts.cases++;
      let filters: ImportFilters;
      try {
        filters = compileFilters(selection);
      } catch (error) {
        assert.ok(error instanceof LeadingSlashKeysError, String(error));
        counts.leadingSlash++;
        return;
      }
      const vocabulary = vocabularyBelow(selection, filters.root);
      const optimum = fewestExactPatterns(vocabulary);
      if (optimum === undefined) return;
      const context = JSON.stringify({ keys, steps, filters });
      for (const probe of vocabulary.probes) assert.equal(matchesFilters(probe.relative, filters), probe.selected, `${probe.key} in ${context}`);
      const vocabularyPatterns = new Set(vocabulary.patterns);
      for (const pattern of [...filters.include, ...filters.exclude]) assert.ok(vocabularyPatterns.has(pattern), `${pattern} in ${context}`);
      assert.equal(filters.include.length + filters.exclude.length, optimum, context);
      for (const shallower of foldersDownTo(filters.root).slice(0, -1)) {
        const elsewhere = fewestExactPatterns(vocabularyBelow(selection, shallower));
        if (elsewhere === undefined) continue;
        assert.ok(optimum <= elsewhere, `root ${JSON.stringify(shallower)} needs only ${elsewhere}: ${context}`);
        counts.shallowerRoots++;
      }
      counts.checked++;
      if (optimum > 0) counts.withPatterns++;
      if (unlistedFolders.some((folder) => folder.startsWith(filters.root))) counts.unlisted++;
      if (keys.some((key) => key.endsWith('/'))) counts.empty++;
    }),
    { numRuns: 2000 },
  );
  // Guards against a generator or a limit that silently stops producing useful cases.
  const summary = JSON.stringify(counts);
  assert.ok(counts.checked >= 0.9 * (counts.cases - counts.leadingSlash), `too many cases beyond the exhaustive limits: ${summary}`);
  assert.ok(counts.withPatterns > 400 && counts.unlisted > 600 && counts.empty > 400 && counts.shallowerRoots > 300, summary);
});
