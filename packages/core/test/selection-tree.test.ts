import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SelectionTree } from '../src/selection/selection-tree.js';
import { SelectionTreeError } from '../src/selection/selection-tree-error.js';

const file = (key: string, size = 1) => ({ key, size });

/** Asserts that `run` throws a SelectionTreeError of `kind` whose message names `path`. */
function assertTreeError(run: () => unknown, kind: SelectionTreeError['kind'], path: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof SelectionTreeError, `expected a SelectionTreeError, got ${String(error)}`);
    assert.equal(error.kind, kind);
    assert.ok(error.message.includes(JSON.stringify(path)), `message should name ${path}: ${error.message}`);
    return true;
  });
}

describe('SelectionTree.fromKeys', () => {
  const tree = SelectionTree.fromKeys([
    file('data/train/b.parquet', 20),
    file('README.md', 5),
    file('data/train/a.parquet', 10),
    file('data/empty/'), // folder marker of an otherwise empty folder
    file('data/meta.json', 3),
  ]);

  test('lists every folder, with children in S3 order whatever the input order', () => {
    assert.deepEqual(tree.children(''), { folders: ['data/'], files: [file('README.md', 5)] });
    assert.deepEqual(tree.children('data/'), { folders: ['data/empty/', 'data/train/'], files: [file('data/meta.json', 3)] });
    assert.deepEqual(tree.children('data/train/').files.map((entry) => entry.key), ['data/train/a.parquet', 'data/train/b.parquet']);
    assert.equal(tree.isListed('data/train/'), true);
  });

  test('treats keys ending with / as folders, not files', () => {
    assert.equal(tree.isFolder('data/empty/'), true);
    assert.deepEqual(tree.children('data/empty/'), { folders: [], files: [] });
    assert.deepEqual(tree.folderCount(''), { files: 4, bytes: 38 });
  });

  test('orders children by UTF-8 bytes, not UTF-16 units', () => {
    // U+FFFD is one UTF-16 unit above the surrogates of U+1F600 but below it in UTF-8.
    const unicode = SelectionTree.fromKeys([file('\u{1F600}'), file('\uFFFD'), file('z')]);
    assert.deepEqual(unicode.children('').files.map((entry) => entry.key), ['z', '\uFFFD', '\u{1F600}']);
    assert.equal(unicode.has('\u{1F600}'), true);
  });

  test('rejects duplicate keys, sorted or not', () => {
    assertTreeError(() => SelectionTree.fromKeys([file('a'), file('a')]), 'duplicate-key', 'a');
    assertTreeError(() => SelectionTree.fromKeys([file('b'), file('a'), file('b')]), 'duplicate-key', 'b');
  });

  test('rejects entries that cannot come from S3', () => {
    assertTreeError(() => SelectionTree.fromKeys([file('')]), 'invalid-entry', '');
    assertTreeError(() => SelectionTree.fromKeys([file('x', -1)]), 'invalid-entry', 'x');
    assertTreeError(() => SelectionTree.fromKeys([file('x', 1.5)]), 'invalid-entry', 'x');
  });

  test('handles very deep paths without recursion', () => {
    const deepKey = `${'d/'.repeat(20_000)}leaf`;
    const deep = SelectionTree.fromKeys([file(deepKey, 7), file('top')]);
    deep.setSelected('d/', true);
    assert.equal(deep.state(deepKey), 'checked');
    assert.equal(deep.state(''), 'mixed');
    assert.deepEqual(deep.stats(), { files: 1, bytes: 7, unlistedFolders: 0, uncountedFolders: 0 });
  });
});

describe('SelectionTree selection states', () => {
  const build = () =>
    SelectionTree.fromKeys([file('a/x', 1), file('a/y', 2), file('a/b/z', 4), file('c', 8), file('empty/')]);

  test('selecting a folder cascades down and resolves ancestors', () => {
    const tree = build();
    tree.setSelected('a/b/', true);
    assert.equal(tree.state('a/b/z'), 'checked');
    assert.equal(tree.state('a/b/'), 'checked');
    assert.equal(tree.state('a/'), 'mixed');
    assert.equal(tree.state(''), 'mixed');
    assert.equal(tree.state('a/x'), 'unchecked');
    tree.setSelected('a/x', true);
    tree.setSelected('a/y', true);
    assert.equal(tree.state('a/'), 'checked');
    tree.setSelected('c', true);
    assert.equal(tree.state(''), 'checked', 'an empty folder does not keep its parent from being checked');
    assert.equal(tree.state('empty/'), 'unchecked');
  });

  test('unselecting a folder clears everything below it', () => {
    const tree = build();
    tree.setSelected('', true);
    tree.setSelected('a/', false);
    assert.deepEqual([...tree.selectedKeys()], ['c']);
    assert.equal(tree.state('a/b/'), 'unchecked');
    assert.equal(tree.state(''), 'mixed');
  });

  test('stats follow every change', () => {
    const tree = build();
    assert.deepEqual(tree.stats(), { files: 0, bytes: 0, unlistedFolders: 0, uncountedFolders: 0 });
    tree.setSelected('a/', true);
    assert.deepEqual(tree.stats(), { files: 3, bytes: 7, unlistedFolders: 0, uncountedFolders: 0 });
    tree.setSelected('a/y', false);
    tree.setSelected('a/y', false); // unchanged: counted once
    assert.deepEqual(tree.stats(), { files: 2, bytes: 5, unlistedFolders: 0, uncountedFolders: 0 });
  });

  test('version changes with every change', () => {
    const tree = build();
    const versions = [tree.version];
    tree.setSelected('a/x', true);
    versions.push(tree.version);
    tree.setFolderCount('a/', { files: 3, bytes: 7 });
    versions.push(tree.version);
    assert.equal(new Set(versions).size, 3);
  });

  test('unknown paths are rejected with the path in the message', () => {
    const tree = build();
    assertTreeError(() => tree.setSelected('a/nope', true), 'unknown-path', 'a/nope');
    assertTreeError(() => tree.state('zzz/'), 'unknown-path', 'zzz/');
    assertTreeError(() => tree.children('a/x/'), 'unknown-path', 'a/x/');
    assert.equal(tree.has('a/nope'), false);
    assert.equal(tree.has('a/x'), true);
    assert.equal(tree.isFolder('a/x'), false);
  });
});

describe('SelectionTree lazy listing', () => {
  const start = () => {
    const tree = new SelectionTree();
    tree.addListing('', [file('README.md', 5), file('/', 0)], ['data/', 'logs/']);
    return tree;
  };

  test('a new tree has an unlisted root that can be selected as a whole', () => {
    const tree = new SelectionTree();
    assert.equal(tree.isListed(''), false);
    tree.setSelected('', true);
    assert.equal(tree.state(''), 'checked');
    assert.deepEqual(tree.stats(), { files: 0, bytes: 0, unlistedFolders: 1, uncountedFolders: 1 });
    assert.deepEqual([...tree.selectedUnlistedFolders()], ['']);
  });

  test('a folder that was never listed is selectable as a whole and counted when counts arrive', () => {
    const tree = start();
    tree.setSelected('data/', true);
    assert.equal(tree.state('data/'), 'checked');
    assert.equal(tree.state(''), 'mixed');
    assert.deepEqual(tree.stats(), { files: 0, bytes: 0, unlistedFolders: 1, uncountedFolders: 1 });
    tree.setFolderCount('data/', { files: 100, bytes: 5000 });
    assert.deepEqual(tree.stats(), { files: 100, bytes: 5000, unlistedFolders: 1, uncountedFolders: 0 });
    assert.deepEqual(tree.folderCount('data/'), { files: 100, bytes: 5000 });
    assert.equal(tree.folderCount(''), undefined, 'logs/ and / are not counted, so the root total is unknown');
    tree.setFolderCount('logs/', { files: 1, bytes: 1 });
    assert.equal(tree.folderCount(''), undefined);
    tree.setFolderCount('/', { files: 0, bytes: 0 });
    assert.deepEqual(tree.folderCount(''), { files: 102, bytes: 5006 });
    assert.deepEqual([...tree.selectedUnlistedFolders()], ['data/']);
  });

  test('children of a folder listed later inherit its selection', () => {
    const tree = start();
    tree.setSelected('data/', true);
    tree.addListing('data/', [file('data/b.csv', 2), file('data/a.csv', 1), file('data/', 0)], ['data/raw/']);
    assert.equal(tree.isListed('data/'), true);
    assert.deepEqual(tree.children('data/'), { folders: ['data/raw/'], files: [file('data/a.csv', 1), file('data/b.csv', 2)] });
    assert.equal(tree.state('data/a.csv'), 'checked');
    assert.equal(tree.state('data/raw/'), 'checked');
    assert.equal(tree.state('data/'), 'checked');
    assert.deepEqual(tree.stats(), { files: 2, bytes: 3, unlistedFolders: 1, uncountedFolders: 1 });
    tree.addListing('logs/', [file('logs/1.txt', 9)], []);
    assert.equal(tree.state('logs/1.txt'), 'unchecked');
  });

  test('a folder count set before listing remains the folder total while subfolders are uncounted', () => {
    const tree = start();
    tree.setFolderCount('data/', { files: 10, bytes: 90 });
    tree.addListing('data/', [file('data/a.csv', 1)], ['data/raw/']);
    assert.deepEqual(tree.folderCount('data/'), { files: 10, bytes: 90 });
    tree.setFolderCount('data/raw/', { files: 9, bytes: 89 });
    assert.deepEqual(tree.folderCount('data/'), { files: 10, bytes: 90 });
    tree.setFolderCount('data/raw/', { files: 4, bytes: 4 });
    assert.deepEqual(tree.folderCount('data/'), { files: 5, bytes: 5 }, 'a complete listing wins over the old count');
  });

  test('an empty listed folder is unchecked even when it was selected before listing', () => {
    const tree = start();
    tree.setSelected('logs/', true);
    tree.addListing('logs/', [], []);
    assert.equal(tree.state('logs/'), 'unchecked');
    assert.deepEqual(tree.stats(), { files: 0, bytes: 0, unlistedFolders: 0, uncountedFolders: 0 });
  });

  test('listings are validated', () => {
    const tree = start();
    assertTreeError(() => tree.addListing('data/raw/', [], []), 'unknown-path', 'data/raw/');
    assertTreeError(() => tree.addListing('', [], []), 'already-listed', '');
    assertTreeError(() => tree.addListing('data/', [file('logs/x')], []), 'invalid-entry', 'logs/x');
    assertTreeError(() => tree.addListing('data/', [file('data/raw/x')], []), 'invalid-entry', 'data/raw/x');
    assertTreeError(() => tree.addListing('data/', [], ['data/raw']), 'invalid-entry', 'data/raw');
    assertTreeError(() => tree.addListing('data/', [], ['data/a/b/']), 'invalid-entry', 'data/a/b/');
    assertTreeError(() => tree.addListing('data/', [file('data/x'), file('data/x')], []), 'duplicate-key', 'data/x');
    assertTreeError(() => tree.setFolderCount('data/', { files: -1, bytes: 0 }), 'invalid-count', 'data/');
    assertTreeError(() => tree.children('data/'), 'not-listed', 'data/');
    assert.equal(tree.isListed('data/'), false, 'a rejected listing leaves the folder unlisted');
  });

  test('empty folder names are real folders', () => {
    const tree = start();
    assert.equal(tree.isFolder('/'), true, 'the marker key "/" stands for the folder with an empty name');
    tree.addListing('/', [file('/x', 3)], ['//']);
    assert.deepEqual(tree.children('/'), { folders: ['//'], files: [file('/x', 3)] });
  });
});
