import { compareCodePoints } from './compare-code-points.js';
import type { FolderCount } from './selection-tree.js';
import { SubtreeTotals, type SubtreeTotalsView } from './subtree-totals.js';

/**
 * Read-only access to one folder of a {@link SelectionTree}, for code that must walk millions of
 * keys without allocating an object per key (the filter compiler). Child folders and files are in
 * S3 order (UTF-8 byte order). Do not mutate anything reachable from it.
 */
export interface FolderView {
  /** Path relative to the source prefix, ending with `/`; `''` for the root. */
  readonly path: string;
  readonly parent: FolderView | undefined;
  /** Whether the folder's contents are known. A never-listed folder is one opaque leaf. */
  readonly listed: boolean;
  /** Selection of a never-listed folder as a whole (meaningless once listed). */
  readonly selected: boolean;
  readonly folders: readonly FolderView[];
  readonly fileKeys: readonly string[];
  /** Sizes in bytes, in the order of `fileKeys`. */
  readonly fileSizes: readonly number[];
  /** Number of this folder's own files (not in subfolders) that are selected. */
  readonly directSelectedFiles: number;
  readonly totals: SubtreeTotalsView;
  /** Whether the file at `index` of `fileKeys` is selected. */
  isFileSelected(index: number): boolean;
}

const NO_FLAGS = new Uint8Array(0);
const FROM_SURROGATES = /[\uD800-\uFFFF]/;

/**
 * One folder of the selection tree. Files are stored as parallel arrays (keys, sizes, one byte of
 * selection each) rather than objects, because a tree may hold a million keys and selecting a
 * folder then becomes a `fill` of its flags.
 */
export class FolderNode implements FolderView {
  listed = false;
  selected = false;
  /** Recursive totals reported by {@link SelectionTree.setFolderCount}. */
  count: FolderCount | undefined = undefined;
  folders: FolderNode[] = [];
  fileKeys: string[] = [];
  fileSizes: number[] = [];
  /** 1 for each selected file, in the order of `fileKeys`. */
  fileSelected: Uint8Array = NO_FLAGS;
  /** Bytes of this folder's own files (not in subfolders). */
  directBytes = 0;
  directSelectedFiles = 0;
  readonly totals = new SubtreeTotals();

  constructor(
    readonly path: string,
    readonly parent: FolderNode | undefined,
  ) {}

  isFileSelected(index: number): boolean {
    return this.fileSelected[index] === 1;
  }

  /** Index of a file key in this folder, or -1 (binary search: files are kept in S3 order). */
  indexOfFile(key: string): number {
    const keys = this.fileKeys;
    let low = 0;
    let high = keys.length - 1;
    // Without units from U+D800 up in `key`, JavaScript's own comparison agrees with code point
    // order at the first difference (see compareCodePoints), and is much faster.
    if (!FROM_SURROGATES.test(key)) {
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const candidate = keys[middle];
        if (candidate === key) return middle;
        if (candidate < key) low = middle + 1;
        else high = middle - 1;
      }
      return -1;
    }
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = compareCodePoints(keys[middle], key, this.path.length);
      if (order === 0) return middle;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** Adds `delta` to the totals of this folder and of every ancestor. */
  propagate(delta: SubtreeTotalsView): void {
    for (let node: FolderNode | undefined = this; node; node = node.parent) node.totals.add(delta, 1);
  }

  /** Carries the change of this folder's totals since the snapshot `before` up to every ancestor. */
  propagateChangeSince(before: SubtreeTotalsView): void {
    const delta = this.totals.copy();
    delta.add(before, -1);
    this.parent?.propagate(delta);
  }
}
