import type { FolderView } from '../selection/folder-node.js';
import { SubtreeTotals, type SubtreeTotalsView } from '../selection/subtree-totals.js';

/** A range of leaf positions (see `ShardPiece`): `[start, end)`. */
export interface LeafRange {
  start: number;
  end: number;
}

/**
 * The tree as if only the selected leaves whose positions fall in `range` were selected: one
 * shard's part of the selection, as a view the filter compiler can read. Nothing is copied but
 * the folders the range cuts through (at most two per level, on the paths to its two ends) and
 * light wrappers for their children; subtrees wholly inside the range are the tree's own folders,
 * and subtrees without selection too. Built iteratively, as paths can be thousands of levels deep.
 */
export function restrictToRange(root: FolderView, range: LeafRange): FolderView {
  if (classify(root, 0, range) !== 'cut') return root;
  const top = new CutFolderView(root, undefined, 0, range);
  const built = [top];
  for (let index = 0; index < built.length; index++) {
    const view = built[index];
    let position = view.start + view.fileKeys.length;
    for (const child of view.original.folders) {
      const kind = classify(child, position, range);
      if (kind === 'same') {
        view.folders.push(child);
      } else if (kind === 'outside') {
        view.folders.push(new UnselectedFolderView(child, view));
      } else {
        const cut = new CutFolderView(child, view, position, range);
        view.folders.push(cut);
        built.push(cut);
      }
      position += child.totals.leaves;
    }
  }
  // Children were built after their parents: backwards, every folder's children are summed first.
  for (let index = built.length - 1; index >= 0; index--) built[index].sumChildren();
  return top;
}

type Classification = 'same' | 'outside' | 'cut';

/** How a subtree at `start` relates to the range: unchanged, wholly left out, or cut through. */
function classify(folder: FolderView, start: number, range: LeafRange): Classification {
  if (folder.totals.selectedLeaves === 0) return 'same';
  const end = start + folder.totals.leaves;
  if (range.start <= start && end <= range.end) return 'same';
  if (end <= range.start || start >= range.end) return 'outside';
  return 'cut';
}

/**
 * One of the tree's folders as a shard sees it: its path, files and totals, but nothing selected
 * as a whole; the subclasses say which of its files and subtrees keep their selection.
 */
abstract class RestrictedFolderView implements FolderView {
  readonly totals: SubtreeTotals;
  abstract readonly listed: boolean;
  abstract readonly folders: readonly FolderView[];
  abstract readonly directSelectedFiles: number;
  abstract isFileSelected(index: number): boolean;

  constructor(
    readonly original: FolderView,
    readonly parent: FolderView | undefined,
  ) {
    this.totals = withoutSelection(original.totals);
  }

  get path(): string {
    return this.original.path;
  }
  get selected(): boolean {
    return false;
  }
  get fileKeys(): readonly string[] {
    return this.original.fileKeys;
  }
  get fileSizes(): readonly number[] {
    return this.original.fileSizes;
  }
}

/** A listed folder the range cuts through: its own files and subtrees count only inside the range. */
class CutFolderView extends RestrictedFolderView {
  readonly folders: FolderView[] = [];
  readonly directSelectedFiles: number;
  readonly #firstFile: number;
  readonly #endFile: number;
  readonly #directSelectedBytes: number;

  constructor(
    original: FolderView,
    parent: FolderView | undefined,
    /** Position of the folder's first leaf. */
    readonly start: number,
    range: LeafRange,
  ) {
    super(original, parent);
    const fileCount = original.fileKeys.length;
    this.#firstFile = Math.min(fileCount, Math.max(0, range.start - start));
    this.#endFile = Math.max(this.#firstFile, Math.min(fileCount, range.end - start));
    let files = 0;
    let bytes = 0;
    for (let index = this.#firstFile; index < this.#endFile; index++) {
      if (original.isFileSelected(index)) {
        files++;
        bytes += original.fileSizes[index];
      }
    }
    this.directSelectedFiles = files;
    this.#directSelectedBytes = bytes;
  }

  get listed(): boolean {
    return true;
  }

  isFileSelected(index: number): boolean {
    return index >= this.#firstFile && index < this.#endFile && this.original.isFileSelected(index);
  }

  /** Fills in the selected totals once every child view has its own. */
  sumChildren(): void {
    const totals = this.totals;
    totals.selectedLeaves = totals.selectedFiles = this.directSelectedFiles;
    totals.selectedBytes = this.#directSelectedBytes;
    for (const child of this.folders) {
      totals.selectedLeaves += child.totals.selectedLeaves;
      totals.selectedFiles += child.totals.selectedFiles;
      totals.selectedBytes += child.totals.selectedBytes;
      totals.selectedUnlistedFolders += child.totals.selectedUnlistedFolders;
      totals.selectedUncountedFolders += child.totals.selectedUncountedFolders;
    }
  }
}

/** A subtree with selection that belongs to other shards: here, nothing in it is selected. */
class UnselectedFolderView extends RestrictedFolderView {
  #folders: FolderView[] | undefined;

  get listed(): boolean {
    return this.original.listed;
  }
  get directSelectedFiles(): number {
    return 0;
  }
  // Built on demand: the filter compiler never opens a folder without selection.
  get folders(): readonly FolderView[] {
    this.#folders ??= this.original.folders.map((child) =>
      child.totals.selectedLeaves === 0 ? child : new UnselectedFolderView(child, this),
    );
    return this.#folders;
  }

  isFileSelected(): boolean {
    return false;
  }
}

function withoutSelection(original: SubtreeTotalsView): SubtreeTotals {
  const totals = new SubtreeTotals();
  totals.add(original, 1);
  totals.selectAll(false);
  return totals;
}
