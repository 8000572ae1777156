// Public API of sharded imports: splitting one large selection into several import Jobs.
export { estimateShardedImport } from './estimate-sharded-import.js';
export type { ImportShard, PlanImportShardsOptions } from './import-shard.js';
export { planImportShards } from './plan-import-shards.js';
export { recommendShardCount } from './recommend-shard-count.js';
export { ShardPlanError, type ShardOptionField } from './shard-plan-error.js';
export {
  DEFAULT_MAX_BYTES_PER_SHARD,
  DEFAULT_MAX_FILES_PER_SHARD,
  MAX_SHARDS,
  type ShardThresholds,
} from './shard-thresholds.js';
