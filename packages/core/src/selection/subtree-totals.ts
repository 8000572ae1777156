import type { FolderCount } from './selection-tree.js';

/** Read-only view of the aggregate counters a folder keeps for everything below it. */
export interface SubtreeTotalsView {
  /** Selectable units: listed files plus never-listed folders (each is one opaque leaf). */
  readonly leaves: number;
  readonly selectedLeaves: number;
  /** Known files: listed files plus the counts given for never-listed folders. */
  readonly files: number;
  readonly bytes: number;
  readonly selectedFiles: number;
  readonly selectedBytes: number;
  readonly unlistedFolders: number;
  readonly selectedUnlistedFolders: number;
  /** Never-listed folders without a count (their files and bytes are unknown). */
  readonly uncountedFolders: number;
  readonly selectedUncountedFolders: number;
}

/**
 * Mutable aggregate counters of one folder's subtree. Changes are applied as deltas along the
 * ancestor path, which keeps `state()`/`stats()` O(1) and selection changes O(subtree + depth).
 */
export class SubtreeTotals implements SubtreeTotalsView {
  leaves = 0;
  selectedLeaves = 0;
  files = 0;
  bytes = 0;
  selectedFiles = 0;
  selectedBytes = 0;
  unlistedFolders = 0;
  selectedUnlistedFolders = 0;
  uncountedFolders = 0;
  selectedUncountedFolders = 0;

  /** An independent snapshot, e.g. to compute a delta after a change. */
  copy(): SubtreeTotals {
    const copy = new SubtreeTotals();
    copy.add(this, 1);
    return copy;
  }

  /** Adds `other` (`sign` 1) or subtracts it (`sign` -1). */
  add(other: SubtreeTotalsView, sign: 1 | -1): void {
    this.leaves += sign * other.leaves;
    this.selectedLeaves += sign * other.selectedLeaves;
    this.files += sign * other.files;
    this.bytes += sign * other.bytes;
    this.selectedFiles += sign * other.selectedFiles;
    this.selectedBytes += sign * other.selectedBytes;
    this.unlistedFolders += sign * other.unlistedFolders;
    this.selectedUnlistedFolders += sign * other.selectedUnlistedFolders;
    this.uncountedFolders += sign * other.uncountedFolders;
    this.selectedUncountedFolders += sign * other.selectedUncountedFolders;
  }

  /** Marks the whole subtree selected or unselected. */
  selectAll(selected: boolean): void {
    this.selectedLeaves = selected ? this.leaves : 0;
    this.selectedFiles = selected ? this.files : 0;
    this.selectedBytes = selected ? this.bytes : 0;
    this.selectedUnlistedFolders = selected ? this.unlistedFolders : 0;
    this.selectedUncountedFolders = selected ? this.uncountedFolders : 0;
  }

  /** Totals of a listed folder's own files (none selected), before its subfolders are added in. */
  setDirectFiles(fileCount: number, bytes: number): void {
    this.reset();
    this.leaves = this.files = fileCount;
    this.bytes = bytes;
  }

  /** Totals of a never-listed folder, which is a single selectable leaf. */
  setUnlistedLeaf(selected: boolean, count: FolderCount | undefined): void {
    this.reset();
    this.leaves = this.unlistedFolders = 1;
    this.uncountedFolders = count ? 0 : 1;
    this.files = count?.files ?? 0;
    this.bytes = count?.bytes ?? 0;
    this.selectAll(selected);
  }

  private reset(): void {
    this.leaves = this.selectedLeaves = 0;
    this.files = this.bytes = this.selectedFiles = this.selectedBytes = 0;
    this.unlistedFolders = this.selectedUnlistedFolders = 0;
    this.uncountedFolders = this.selectedUncountedFolders = 0;
  }
}
