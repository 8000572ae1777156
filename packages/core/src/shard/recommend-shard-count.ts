import type { SelectionStats } from '../selection/selection-tree.js';
import { MAX_SHARDS, type ShardThresholds } from './shard-thresholds.js';
import { validateShardThresholds } from './validate-shard-options.js';

/**
 * How many import Jobs a selection of this size should be split into: the fewest that keep every
 * Job under both thresholds, 1 for anything small. With uncounted folders in the selection
 * (`stats.uncountedFolders > 0`) the sizes are lower bounds, and so is the answer: count them first.
 * @throws {ShardPlanError} for an invalid threshold.
 * @example
 * recommendShardCount({ files: 2_400_000, bytes: 3e12 }) // 6: 3 TB at 500 GB per Job
 */
export function recommendShardCount(
  stats: Pick<SelectionStats, 'files' | 'bytes'>,
  thresholds: ShardThresholds = {},
): number {
  const { maxBytesPerShard, maxFilesPerShard } = validateShardThresholds(thresholds);
  const needed = Math.max(1, Math.ceil(stats.bytes / maxBytesPerShard), Math.ceil(stats.files / maxFilesPerShard));
  return Math.min(needed, MAX_SHARDS);
}
