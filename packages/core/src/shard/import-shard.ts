import type { ImportFilters } from '../filters/import-filters.js';
import type { ShardThresholds } from './shard-thresholds.js';

/** One Job's part of a sharded import. */
export interface ImportShard {
  /** Exact filters for this part alone, as `compileFilters` gives them for a whole selection. */
  filters: ImportFilters;
  /** Known files: listed selected files plus the counts of counted never-listed folders. */
  files: number;
  bytes: number;
  /** Selected never-listed folders in this shard (each goes to one shard whole). */
  unlistedFolders: number;
  /** Those of them without a count: their files and bytes are missing from `files`/`bytes`. */
  uncountedFolders: number;
}

/** Options of `planImportShards`. */
export interface PlanImportShardsOptions extends ShardThresholds {
  /**
   * How many Jobs to split into, 1–1000. Default: `recommendShardCount` of the selection with the
   * same thresholds. Fewer come back when the selection has fewer indivisible parts.
   */
  shards?: number;
}
