import { compileFolderFilters } from '../filters/compile-filters.js';
import { EmptySelectionError } from '../filters/filter-errors.js';
import type { FolderView } from '../selection/folder-node.js';
import type { SelectionTree } from '../selection/selection-tree.js';
import { chooseCuts } from './choose-cuts.js';
import type { ImportShard, PlanImportShardsOptions } from './import-shard.js';
import { planPieces, type ShardPiece } from './plan-pieces.js';
import { recommendShardCount } from './recommend-shard-count.js';
import { restrictToRange, type LeafRange } from './restricted-folder-view.js';
import { estimateUncountedFolder, loadOf, selectedWeight } from './shard-weight.js';
import { MAX_SHARDS } from './shard-thresholds.js';
import { validateShardCount, validateShardThresholds, type ShardLimits } from './validate-shard-options.js';

// Pieces are cut to at most 1/8 of a shard's fair share: fine enough for a cut near every ideal
// point (choose-cuts.ts keeps the heaviest shard within a quarter of the fair share above it, or
// one indivisible piece), coarse enough that subtrees stay whole, and filters short, elsewhere.
const PIECES_PER_SHARD = 8;

/**
 * Splits a selection into shards, one import Job each, that together import exactly the
 * selection, every file once. Each shard is a run of whole subtrees (split further only when one
 * is too heavy: a folder's files, then its subfolders), balanced by bytes and files, and gets its
 * own exact filters. Selected never-listed folders are never split; without a count their size is
 * a guess (see `uncountedFolders`), so count them first for an even split. A cut through one
 * folder's files makes one of the two shards name its side's files one by one, so a huge flat
 * folder split many ways can give a shard more patterns than a Job carries (buildImportJob then
 * throws SelectionTooLargeError): fewer shards avoid that.
 *
 * @throws {EmptySelectionError} when nothing is selected.
 * @throws {ShardPlanError} for an invalid option (its `field` names it).
 * @throws {LeadingSlashKeysError} when a shard cannot be expressed because keys start with `/`.
 * @example
 * const shards = planImportShards(tree, { shards: 4 });
 * for (const shard of shards) await createImportJob({ ...options, filters: shard.filters });
 */
export function planImportShards(tree: SelectionTree, options: PlanImportShardsOptions = {}): ImportShard[] {
  const limits = validateShardThresholds(options);
  const chosen = options.shards === undefined ? undefined : validateShardCount(options.shards);
  const root = tree.rootFolder;
  if (root.totals.selectedLeaves === 0) throw new EmptySelectionError();
  let count = chosen ?? recommendShardCount(tree.stats(), limits);
  if (count === 1) return [shardOf(root)];

  const uncounted = estimateUncountedFolder(root);
  const whole = selectedWeight(root.totals, uncounted);
  let plan: { pieces: ShardPiece[]; starts: number[] };
  for (;;) {
    const grain = loadOf(whole.bytes, whole.files, limits) / (count * PIECES_PER_SHARD);
    const pieces = planPieces(root, { limits, uncounted, grain });
    // A count derived from the thresholds promises Jobs under them: cuts must keep every shard
    // within (a load of 1), and when they cannot, one more shard is tried.
    const starts = chooseCuts(pieces, count, chosen === undefined ? 1 : Infinity);
    plan = { pieces, starts };
    if (chosen !== undefined || count >= Math.min(MAX_SHARDS, pieces.length) || withinLimits(pieces, starts, limits)) break;
    count++;
  }
  const { pieces, starts } = plan;
  // Cuts fall where a group's first piece starts; the unselected leaves between two pieces may go
  // either way, so the ranges together cover every position.
  const ranges: LeafRange[] = starts.map((first, group) => ({
    start: group === 0 ? 0 : pieces[first].start,
    end: group + 1 < starts.length ? pieces[starts[group + 1]].start : root.totals.leaves,
  }));
  return ranges.map((range) => shardOf(restrictToRange(root, range)));
}

/** Whether every shard is under the limits, or is a single piece that cannot be split. */
function withinLimits(pieces: readonly ShardPiece[], starts: readonly number[], limits: ShardLimits): boolean {
  return starts.every((first, group) => {
    const end = group + 1 < starts.length ? starts[group + 1] : pieces.length;
    let bytes = 0;
    let files = 0;
    for (let index = first; index < end; index++) {
      bytes += pieces[index].bytes;
      files += pieces[index].files;
    }
    return end - first === 1 || loadOf(bytes, files, limits) <= 1;
  });
}

function shardOf(view: FolderView): ImportShard {
  const { selectedFiles, selectedBytes, selectedUnlistedFolders, selectedUncountedFolders } = view.totals;
  return {
    filters: compileFolderFilters(view),
    files: selectedFiles,
    bytes: selectedBytes,
    unlistedFolders: selectedUnlistedFolders,
    uncountedFolders: selectedUncountedFolders,
  };
}
