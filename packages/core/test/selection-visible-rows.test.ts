import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SelectionTree } from '../src/selection/selection-tree.js';
import { visibleRows, type TreeRow, type VisibleRowsOptions } from '../src/selection/visible-rows.js';

const file = (key: string, size = 1) => ({ key, size });

/** A tree listed everywhere, seen through the same lookup a view uses. */
function listed(...keys: string[]) {
  const tree = SelectionTree.fromKeys(keys.map((key) => file(key, key.length)));
  return (folder: string) => (tree.isListed(folder) ? tree.children(folder) : undefined);
}

const rows = (childrenOf: ReturnType<typeof listed>, options: Partial<VisibleRowsOptions> = {}) =>
  visibleRows(childrenOf, { expanded: new Set(), ...options });

/** Rows as `level path posInSet/setSize`, which is what a screen reader hears. */
const outline = (shown: TreeRow[]) => shown.map((row) => `${row.level} ${row.path} ${row.posInSet}/${row.setSize}`);

const keys = ['README.md', 'data/meta.json', 'data/train/a.csv', 'data/train/b.csv', 'data/test/c.csv', 'logs/run.log'];

describe('visibleRows', () => {
  test('shows the root level, folders before files, each in S3 order', () => {
    assert.deepEqual(outline(rows(listed(...keys))), ['1 data/ 1/3', '1 logs/ 2/3', '1 README.md 3/3']);
  });

  test('opens expanded folders only, with levels and positions among siblings', () => {
    const shown = rows(listed(...keys), { expanded: new Set(['data/', 'data/train/']) });
    assert.deepEqual(outline(shown), [
      '1 data/ 1/3',
      '2 data/test/ 1/3',
      '2 data/train/ 2/3',
      '3 data/train/a.csv 1/2',
      '3 data/train/b.csv 2/2',
      '2 data/meta.json 3/3',
      '1 logs/ 2/3',
      '1 README.md 3/3',
    ]);
    assert.deepEqual(
      shown.slice(0, 3).map(({ name, kind, expanded }) => [name, kind, expanded]),
      [['data', 'folder', true], ['test', 'folder', false], ['train', 'folder', true]],
    );
    assert.equal(shown[3].size, 'data/train/a.csv'.length);
    assert.equal(shown[0].size, undefined);
  });

  test('an expanded folder that is not listed yet has no rows and is not shown open', () => {
    const tree = new SelectionTree();
    tree.addListing('', [file('a.txt')], ['big/']);
    const shown = visibleRows((folder) => (tree.isListed(folder) ? tree.children(folder) : undefined), {
      expanded: new Set(['big/']),
    });
    assert.deepEqual(outline(shown), ['1 big/ 1/2', '1 a.txt 2/2']);
    assert.equal(shown[0].expanded, false);
  });

  test('keeps empty names visible as rows (S3 allows "a//b")', () => {
    const shown = rows(listed('a//b'), { expanded: new Set(['a/', 'a//']) });
    assert.deepEqual(shown.map((row) => [row.path, row.name]), [['a/', 'a'], ['a//', ''], ['a//b', 'b']]);
  });

  describe('with a filter', () => {
    test('shows matches with their ancestors, opened even when collapsed, case-insensitively', () => {
      const shown = rows(listed(...keys), { filter: 'B.CSV' });
      assert.deepEqual(outline(shown), ['1 data/ 1/1', '2 data/train/ 1/1', '3 data/train/b.csv 1/1']);
      assert.deepEqual(shown.map((row) => row.match), [false, false, true]);
      assert.ok(shown.slice(0, 2).every((row) => row.expanded));
    });

    test('a matching folder browses as usual below it', () => {
      const childrenOf = listed(...keys);
      assert.deepEqual(outline(rows(childrenOf, { filter: 'train' })), ['1 data/ 1/1', '2 data/train/ 1/1']);
      assert.deepEqual(outline(rows(childrenOf, { filter: 'train', expanded: new Set(['data/train/']) })), [
        '1 data/ 1/1',
        '2 data/train/ 1/1',
        '3 data/train/a.csv 1/2',
        '3 data/train/b.csv 2/2',
      ]);
    });

    test('folders the user collapsed during the filter stay collapsed', () => {
      const shown = rows(listed(...keys), { filter: '.csv', collapsed: new Set(['data/train/']) });
      assert.deepEqual(outline(shown), ['1 data/ 1/1', '2 data/test/ 1/2', '3 data/test/c.csv 1/1', '2 data/train/ 2/2']);
      assert.equal(shown[3].expanded, false);
    });

    test('searches names only, never the folders above them', () => {
      assert.deepEqual(outline(rows(listed(...keys), { filter: 'data/' })), []);
    });

    test('does not search folders that are not listed', () => {
      const tree = new SelectionTree();
      tree.addListing('', [], ['x/']);
      assert.deepEqual(visibleRows(() => undefined, { expanded: new Set(), filter: 'x' }), []);
      const shown = visibleRows((folder) => (tree.isListed(folder) ? tree.children(folder) : undefined), {
        expanded: new Set(),
        filter: 'x',
      });
      assert.deepEqual(outline(shown), ['1 x/ 1/1']);
    });
  });

  test('flattens a folder of 100,000 files', () => {
    const many = Array.from({ length: 100_000 }, (_, index) => `many/f-${String(index).padStart(6, '0')}`);
    const shown = rows(listed(...many), { expanded: new Set(['many/']) });
    assert.equal(shown.length, 100_001);
    assert.equal(shown[100_000].path, 'many/f-099999');
    assert.equal(shown[100_000].posInSet, 100_000);
    assert.equal(shown[100_000].setSize, 100_000);
  });
});
