import type { FolderView } from '../selection/folder-node.js';
import { loadOf, selectedWeight, type ShardWeight } from './shard-weight.js';
import type { ShardLimits } from './validate-shard-options.js';

/**
 * A run of the selection that goes to one shard whole. Every selectable leaf of the tree (a
 * listed file, or a never-listed folder) has a position: depth first, a folder's own files in S3
 * order, then its subfolders in S3 order, so every subtree covers one contiguous range
 * `[start, start + leaves)`. A piece is a range, with what is selected in it.
 */
export interface ShardPiece extends ShardWeight {
  start: number;
  /** Exclusive. */
  end: number;
  load: number;
  /**
   * About how many patterns a shard boundary just before this piece would add: 0 between
   * subtrees, and for a cut through one folder's files the files on its smaller side, which one
   * of the two shards must then name one by one.
   */
  cutCost: number;
}

/** Inputs of {@link planPieces}. */
export interface PiecePlanning {
  limits: ShardLimits;
  /** Weight assumed for each uncounted never-listed folder. */
  uncounted: ShardWeight;
  /** Pieces heavier than this are split where they can be. */
  grain: number;
}

/**
 * Cuts the selection into pieces no heavier than `grain`, in position order, keeping them as large
 * as that allows: a light enough subtree is one piece (one folder pattern in its shard's filters),
 * a heavier one is opened into runs of its own files and its subfolders. Only files and
 * never-listed folders are indivisible, so only they can exceed `grain`. Iterative (paths can be
 * thousands of levels deep); visits only the folders it opens, and their direct children.
 */
export function planPieces(root: FolderView, { limits, uncounted, grain }: PiecePlanning): ShardPiece[] {
  const pieces: ShardPiece[] = [];
  const folders = [root];
  const starts = [0];
  for (let folder = folders.pop(); folder; folder = folders.pop()) {
    const start = starts.pop() as number;
    const weight = selectedWeight(folder.totals, uncounted);
    const load = loadOf(weight.bytes, weight.files, limits);
    if (!folder.listed || load <= grain) {
      pieces.push({ start, end: start + folder.totals.leaves, ...weight, load, cutCost: 0 });
      continue;
    }
    addFileRuns(folder, start, { limits, uncounted, grain }, pieces);
    // Children go on the stack last first, so that they come off it in order.
    const children: FolderView[] = [];
    const childStarts: number[] = [];
    let position = start + folder.fileKeys.length;
    for (const child of folder.folders) {
      if (child.totals.selectedLeaves > 0) {
        children.push(child);
        childStarts.push(position);
      }
      position += child.totals.leaves;
    }
    for (let index = children.length - 1; index >= 0; index--) {
      folders.push(children[index]);
      starts.push(childStarts[index]);
    }
  }
  return pieces;
}

/** The selected direct files of a folder as runs of consecutive positions, each up to `grain`. */
function addFileRuns(folder: FolderView, start: number, { limits, grain }: PiecePlanning, pieces: ShardPiece[]): void {
  const selectedFiles = folder.directSelectedFiles;
  if (selectedFiles === 0) return;
  let run: ShardPiece | undefined;
  let filesBefore = 0;
  for (let index = 0; index < folder.fileKeys.length; index++) {
    if (!folder.isFileSelected(index)) continue;
    const size = folder.fileSizes[index];
    if (run) {
      const load = loadOf(run.bytes + size, run.files + 1, limits);
      if (load <= grain) {
        run.bytes += size;
        run.files++;
        run.end = start + index + 1;
        run.load = load;
        continue;
      }
      pieces.push(run);
      filesBefore += run.files;
    }
    const cutCost = Math.min(filesBefore, selectedFiles - filesBefore);
    run = { start: start + index, end: start + index + 1, bytes: size, files: 1, load: loadOf(size, 1, limits), cutCost };
  }
  if (run) pieces.push(run);
}
