import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compileFilters } from '../src/filters/compile-filters.js';
import { escapeGlob } from '../src/filters/escape-glob.js';
import { EmptySelectionError, LeadingSlashKeysError } from '../src/filters/filter-errors.js';
import type { ImportFilters } from '../src/filters/import-filters.js';
import { matchesFilters } from '../src/filters/matches-filters.js';
import { SelectionTree } from '../src/selection/selection-tree.js';
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

/** One vocabulary pattern and the leaves (bits) it matches. */
interface VocabularyItem {
  pattern: string;
  leaves: number;
}

/**
 * The pattern vocabulary below `root` (a folder pattern per folder, listed or not, and an exact
 * pattern per file) plus, per leaf, a representative key relative to the root and its selection.
 */
function vocabularyOf(selection: SelectionTree, root: string) {
  const items: VocabularyItem[] = [];
  const leaves: { rel: string; selected: boolean }[] = [];
  const addLeaf = (rel: string, selected: boolean): number => {
    leaves.push({ rel, selected });
    return 1 << (leaves.length - 1);
  };
  const visit = (folder: string): number => {
    const rel = folder.slice(root.length);
    let mask = 0;
    if (!selection.isListed(folder)) {
      mask = addLeaf(`${rel}x`, selection.state(folder) === 'checked');
    } else {
      const { files, folders } = selection.children(folder);
      for (const { key } of files) {
        const leaf = addLeaf(key.slice(root.length), selection.state(key) === 'checked');
        items.push({ pattern: escapeGlob(key.slice(root.length)), leaves: leaf });
        mask |= leaf;
      }
      for (const child of folders) mask |= visit(child);
    }
    items.push({ pattern: `${escapeGlob(rel)}*`, leaves: mask });
    return mask;
  };
  visit(root);
  return { items, leaves };
}

/**
 * The fewest patterns of the vocabulary that select exactly the selected leaves, by exhaustive
 * search: every subset of items as includes, and for each, the fewest items as excludes (found by
 * enumerating every exclude subset once up front).
 */
function bruteForceMinimum(items: readonly VocabularyItem[], leafCount: number, selectedMask: number): number {
  const all = (1 << leafCount) - 1;
  const subsets = 1 << items.length;
  const union = new Int32Array(subsets);
  const size = new Uint8Array(subsets);
  for (let subset = 1; subset < subsets; subset++) {
    const lowest = 31 - Math.clz32(subset & -subset);
    union[subset] = union[subset & (subset - 1)] | items[lowest].leaves;
    size[subset] = size[subset & (subset - 1)] + 1;
  }
  // fewestExcludes[m]: fewest items that cover the leaves m without touching a selected leaf.
  const fewestExcludes = new Array<number>(all + 1).fill(Infinity);
  for (let subset = 0; subset < subsets; subset++) {
    if ((union[subset] & selectedMask) !== 0) continue;
    for (let covered = union[subset]; ; covered = (covered - 1) & union[subset]) {
      fewestExcludes[covered] = Math.min(fewestExcludes[covered], size[subset]);
      if (covered === 0) break;
    }
  }
  let best = Infinity;
  for (let includes = 0; includes < subsets; includes++) {
    const matched = includes === 0 ? all : union[includes];
    if ((matched & selectedMask) !== selectedMask) continue;
    best = Math.min(best, size[includes] + fewestExcludes[matched & ~selectedMask & all]);
  }
  return best;
}

const smallKey = fc
  .tuple(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }), fc.constantFrom('a', 'b', 'c', 'd'))
  .map(([folders, name]) => [...folders, name].join('/'));

test('compileFilters uses the fewest patterns the vocabulary allows (exhaustive search)', () => {
  let checked = 0;
  fc.assert(
    fc.property(fc.uniqueArray(smallKey, { minLength: 1, maxLength: 8 }), sessionStepsArbitrary, (keys, steps) => {
      const { tree: selection } = playSession(keys.map((key) => ({ key, size: 1 })), steps);
      if (selection.stats().files + selection.stats().unlistedFolders === 0) return;
      const filters = compileFilters(selection);
      const { items, leaves } = vocabularyOf(selection, filters.root);
      if (items.length > 18) return; // keeps the exhaustive search at most 2^18 subsets
      const selectedMask = leaves.reduce((mask, leaf, index) => (leaf.selected ? mask | (1 << index) : mask), 0);
      for (const leaf of leaves) assert.equal(matchesFilters(leaf.rel, filters), leaf.selected, `leaf ${leaf.rel}`);
      const optimum = bruteForceMinimum(items, leaves.length, selectedMask);
      assert.equal(filters.include.length + filters.exclude.length, optimum, JSON.stringify({ filters, leaves }));
      checked++;
    }),
    { numRuns: 300 },
  );
  assert.ok(checked > 150, `only ${checked} cases were small enough to search exhaustively`);
});
