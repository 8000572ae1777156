import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compileFilters } from '../src/filters/compile-filters.js';
import { matchesFilters } from '../src/filters/matches-filters.js';
import { previewImport } from '../src/filters/preview-import.js';
import { SelectionTree } from '../src/selection/selection-tree.js';

const entries = (...keys: string[]) => keys.map((key) => ({ key, size: key.length }));

describe('previewImport', () => {
  const keys = ['README.md', 'data/a.csv', 'data/b.csv', 'data/sub/c.csv', 'data/z.txt', 'logs/x.log'];

  test('lists the selected listed files in S3 order with their bytes', () => {
    const tree = SelectionTree.fromKeys(entries(...keys));
    tree.setSelected('data/', true);
    tree.setSelected('data/b.csv', false);
    const preview = previewImport(tree, compileFilters(tree));
    assert.deepEqual(preview.files.map((entry) => entry.key), ['data/a.csv', 'data/sub/c.csv', 'data/z.txt']);
    assert.equal(preview.bytes, 'data/a.csv'.length + 'data/sub/c.csv'.length + 'data/z.txt'.length);
    assert.deepEqual(preview.neverListedFolders, []);
  });

  test('applies hand-written patterns from the source root', () => {
    const tree = SelectionTree.fromKeys(entries(...keys));
    const preview = previewImport(tree, { root: '', include: ['*.csv'], exclude: ['data/sub/*'] });
    assert.deepEqual(preview.files.map((entry) => entry.key), ['data/a.csv', 'data/b.csv']);
  });

  test('names the folders inside the root that were never listed', () => {
    const tree = new SelectionTree();
    tree.addListing('', entries('a.txt'), ['big/', 'data/']);
    tree.addListing('data/', entries('data/x'), ['data/deep/']);
    tree.setSelected('big/', true);
    tree.setSelected('a.txt', true);
    const preview = previewImport(tree, compileFilters(tree));
    assert.deepEqual(preview.files.map((entry) => entry.key), ['a.txt']);
    assert.deepEqual(preview.neverListedFolders, ['big/', 'data/deep/']);
  });

  test('matches keys the way the importer does: relative to the root, leading slashes stripped', () => {
    const tree = SelectionTree.fromKeys(entries('/abs', 'x/y'));
    assert.deepEqual(previewImport(tree, { root: '', include: ['abs'], exclude: [] }).files.map((entry) => entry.key), ['/abs']);
  });

  test('equals a plain matchesFilters pass over every key, for random selections', () => {
    const names = fc.constantFrom('a', 'b', '*', '[x]', ' s', 'é');
    const key = fc.array(names, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 25 }), fc.array(fc.nat(), { maxLength: 8 }), (rawKeys, picks) => {
        // A key cannot also be a folder of another key in S3's flat namespace as a tree sees it.
        const unique = rawKeys.filter((candidate) => !rawKeys.some((other) => other.startsWith(`${candidate}/`)));
        const tree = SelectionTree.fromKeys(entries(...unique));
        for (const pick of picks) tree.setSelected(unique[pick % unique.length], true);
        if (tree.stats().files === 0) return;
        const filters = compileFilters(tree);
        const expected = [...unique]
          .filter((k) => k.startsWith(filters.root) && matchesFilters(k.slice(filters.root.length).replace(/^\/+/, ''), filters))
          .sort();
        assert.deepEqual(previewImport(tree, filters).files.map((entry) => entry.key).sort(), expected);
        assert.deepEqual(expected, [...tree.selectedKeys()].sort());
      }),
    );
  });
});
