import type { FolderView } from '../selection/folder-node.js';
import type { SubtreeTotalsView } from '../selection/subtree-totals.js';
import type { ShardLimits } from './validate-shard-options.js';

/** What a part of the selection weighs when shards are balanced. */
export interface ShardWeight {
  bytes: number;
  files: number;
}

/**
 * One number per weight, to compare and balance with: the larger fraction of a Job's byte and file
 * limits it uses. Balancing this keeps both bytes and files even, whichever is the binding one.
 */
export function loadOf(bytes: number, files: number, limits: ShardLimits): number {
  return Math.max(bytes / limits.maxBytesPerShard, files / limits.maxFilesPerShard);
}

/** The selected part of a subtree, with each uncounted never-listed folder weighing `uncounted`. */
export function selectedWeight(totals: SubtreeTotalsView, uncounted: ShardWeight): ShardWeight {
  return {
    bytes: totals.selectedBytes + totals.selectedUncountedFolders * uncounted.bytes,
    files: totals.selectedFiles + totals.selectedUncountedFolders * uncounted.files,
  };
}

/**
 * What to assume for each selected never-listed folder nobody counted, so that the planner can
 * still place it. Counted ones are the best guide (their mean); without any, the unknown part is
 * assumed to be as large as the known part, shared evenly; with nothing known at all, every
 * folder weighs one file, which spreads them by number. Shards report how many such folders they
 * hold: their sizes, and the balance, are guesses until the folders are counted.
 */
export function estimateUncountedFolder(root: FolderView): ShardWeight {
  const totals = root.totals;
  const uncounted = totals.selectedUncountedFolders;
  if (uncounted === 0) return { bytes: 0, files: 0 };
  const counted = countedUnlistedFolders(root);
  if (counted.folders > 0) return { bytes: counted.bytes / counted.folders, files: counted.files / counted.folders };
  return { bytes: totals.selectedBytes / uncounted, files: Math.max(1, totals.selectedFiles / uncounted) };
}

/** Number, files and bytes of the selected never-listed folders that have a count. */
function countedUnlistedFolders(root: FolderView): ShardWeight & { folders: number } {
  const sum = { folders: 0, files: 0, bytes: 0 };
  const pending = root.listed ? [root] : [];
  for (let folder = pending.pop(); folder; folder = pending.pop()) {
    for (const child of folder.folders) {
      if (child.totals.selectedUnlistedFolders - child.totals.selectedUncountedFolders === 0) continue;
      if (child.listed) {
        pending.push(child);
      } else {
        sum.folders++;
        sum.files += child.totals.files;
        sum.bytes += child.totals.bytes;
      }
    }
  }
  return sum;
}
