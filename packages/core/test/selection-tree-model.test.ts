import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isFolderPath } from '../src/selection/folder-path.js';
import { SelectionTree, type CheckState, type FolderCount, type S3FileEntry } from '../src/selection/selection-tree.js';
import { listingOf, universeArbitrary } from './selection-arbitraries.js';

/**
 * The selection semantics written the slow, obvious way: flat maps, every answer recomputed by
 * scanning everything. The tree's incremental counters must always agree with it.
 */
class NaiveSelection {
  readonly listed = new Set<string>();
  readonly files = new Map<string, { size: number; selected: boolean }>();
  /** Known folders that were never listed, with their selection as a whole. */
  readonly unlisted = new Map<string, boolean>([['', false]]);
  readonly counts = new Map<string, FolderCount>();

  list(folder: string, universe: readonly S3FileEntry[]): void {
    const inherited = this.unlisted.get(folder) ?? false;
    const { files, folders } = listingOf(folder, universe);
    for (const entry of files) this.files.set(entry.key, { size: entry.size, selected: inherited });
    for (const child of folders) this.unlisted.set(child, inherited);
    this.unlisted.delete(folder);
    this.listed.add(folder);
  }

  select(path: string, selected: boolean): void {
    if (this.unlisted.has(path) || this.files.has(path)) {
      if (this.files.has(path)) this.files.get(path)!.selected = selected;
      else this.unlisted.set(path, selected);
      return;
    }
    for (const [key, entry] of this.files) if (key.startsWith(path)) entry.selected = selected;
    for (const folder of this.unlisted.keys()) if (folder.startsWith(path)) this.unlisted.set(folder, selected);
  }

  state(path: string): CheckState {
    if (this.files.has(path)) return this.files.get(path)!.selected ? 'checked' : 'unchecked';
    if (this.unlisted.has(path)) return this.unlisted.get(path) ? 'checked' : 'unchecked';
    const leaves = [
      ...[...this.files].filter(([key]) => key.startsWith(path)).map(([, entry]) => entry.selected),
      ...[...this.unlisted].filter(([folder]) => folder.startsWith(path)).map(([, selected]) => selected),
    ];
    const selected = leaves.filter(Boolean).length;
    if (selected === 0) return 'unchecked';
    return selected === leaves.length ? 'checked' : 'mixed';
  }

  stats() {
    const selectedFiles = [...this.files.values()].filter((entry) => entry.selected);
    const selectedFolders = [...this.unlisted].filter(([, selected]) => selected).map(([folder]) => folder);
    const counted = selectedFolders.flatMap((folder) => this.counts.get(folder) ?? []);
    return {
      files: selectedFiles.length + counted.reduce((sum, count) => sum + count.files, 0),
      bytes: [...selectedFiles.map((entry) => entry.size), ...counted.map((count) => count.bytes)].reduce((a, b) => a + b, 0),
      unlistedFolders: selectedFolders.length,
      uncountedFolders: selectedFolders.length - counted.length,
    };
  }

  folderCount(folder: string): FolderCount | undefined {
    const below = [...this.unlisted.keys()].filter((path) => path.startsWith(folder));
    if (!this.listed.has(folder) || below.some((path) => !this.counts.has(path))) return this.counts.get(folder);
    const files = [...this.files].filter(([key]) => key.startsWith(folder)).map(([, entry]) => entry.size);
    const counts = below.map((path) => this.counts.get(path)!);
    return {
      files: files.length + counts.reduce((sum, count) => sum + count.files, 0),
      bytes: [...files, ...counts.map((count) => count.bytes)].reduce((a, b) => a + b, 0),
    };
  }

  knownPaths(): string[] {
    return ['', ...this.listed, ...this.files.keys(), ...this.unlisted.keys()];
  }
}

type ModelStep =
  | { kind: 'list'; pick: number }
  | { kind: 'select'; pick: number; selected: boolean }
  | { kind: 'count'; pick: number; files: number; bytes: number };

const modelSteps: fc.Arbitrary<ModelStep[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('list' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('select' as const), pick: fc.nat(), selected: fc.boolean() }),
    fc.record({ kind: fc.constant('count' as const), pick: fc.nat(), files: fc.nat(50), bytes: fc.nat(10_000) }),
  ),
  { maxLength: 30 },
);

function assertSameAsModel(tree: SelectionTree, model: NaiveSelection): void {
  assert.deepEqual(tree.stats(), model.stats());
  for (const path of new Set(model.knownPaths())) {
    assert.equal(tree.state(path), model.state(path), `state of ${JSON.stringify(path)}`);
    if (isFolderPath(path)) assert.deepEqual(tree.folderCount(path), model.folderCount(path), `count of ${JSON.stringify(path)}`);
  }
  const selectedKeys = [...model.files].filter(([, entry]) => entry.selected).map(([key]) => key);
  assert.deepEqual([...tree.selectedKeys()].sort(), selectedKeys.sort());
  const selectedFolders = [...model.unlisted].filter(([, selected]) => selected).map(([folder]) => folder);
  assert.deepEqual([...tree.selectedUnlistedFolders()].sort(), selectedFolders.sort());
}

test('incremental counters agree with a naive recomputation after any lazy session', () => {
  fc.assert(
    fc.property(universeArbitrary({ maxKeys: 25 }), modelSteps, (universe, steps) => {
      const tree = new SelectionTree();
      const model = new NaiveSelection();
      tree.addListing('', listingOf('', universe).files, listingOf('', universe).folders);
      model.list('', universe);
      for (const step of steps) {
        const unlisted = [...model.unlisted.keys()];
        const known = model.knownPaths();
        if (step.kind === 'list' && unlisted.length > 0) {
          const folder = unlisted[step.pick % unlisted.length];
          const { files, folders } = listingOf(folder, universe);
          tree.addListing(folder, files, folders);
          model.list(folder, universe);
        } else if (step.kind === 'select') {
          const path = known[step.pick % known.length];
          tree.setSelected(path, step.selected);
          model.select(path, step.selected);
        } else if (step.kind === 'count') {
          const folders = known.filter(isFolderPath);
          const folder = folders[step.pick % folders.length];
          tree.setFolderCount(folder, { files: step.files, bytes: step.bytes });
          model.counts.set(folder, { files: step.files, bytes: step.bytes });
        }
        assertSameAsModel(tree, model);
      }
    }),
    { numRuns: 150 },
  );
});

test('fromKeys in any order builds the same tree as listing every folder', () => {
  fc.assert(
    fc.property(
      universeArbitrary({ maxKeys: 30 }).chain((universe) =>
        fc.tuple(fc.constant(universe), fc.shuffledSubarray(universe, { minLength: universe.length })),
      ),
      ([universe, shuffled]) => {
        const eager = SelectionTree.fromKeys(shuffled);
        const lazy = new SelectionTree();
        const pending = [''];
        for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
          const { files, folders } = listingOf(folder, universe);
          lazy.addListing(folder, files, folders);
          pending.push(...folders);
          assert.deepEqual(eager.children(folder), lazy.children(folder), `children of ${JSON.stringify(folder)}`);
        }
        assert.deepEqual(eager.folderCount(''), lazy.folderCount(''));
      },
    ),
    { numRuns: 200 },
  );
});
