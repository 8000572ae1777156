import { ShardPlanError } from './shard-plan-error.js';
import {
  DEFAULT_MAX_BYTES_PER_SHARD,
  DEFAULT_MAX_FILES_PER_SHARD,
  MAX_SHARDS,
  type ShardThresholds,
} from './shard-thresholds.js';

/** Thresholds with their defaults filled in. */
export interface ShardLimits {
  maxBytesPerShard: number;
  maxFilesPerShard: number;
}

/** Checks the thresholds and fills in the defaults. @throws {ShardPlanError} */
export function validateShardThresholds(thresholds: ShardThresholds): ShardLimits {
  const { maxBytesPerShard = DEFAULT_MAX_BYTES_PER_SHARD, maxFilesPerShard = DEFAULT_MAX_FILES_PER_SHARD } = thresholds;
  if (!(Number.isFinite(maxBytesPerShard) && maxBytesPerShard > 0)) {
    throw new ShardPlanError('maxBytesPerShard', `The byte limit per Job must be a positive number of bytes, got ${String(maxBytesPerShard)}.`);
  }
  if (!(Number.isSafeInteger(maxFilesPerShard) && maxFilesPerShard > 0)) {
    throw new ShardPlanError('maxFilesPerShard', `The file limit per Job must be a whole number of at least 1, got ${String(maxFilesPerShard)}.`);
  }
  return { maxBytesPerShard, maxFilesPerShard };
}

/** Checks a shard count chosen by the user. @throws {ShardPlanError} */
export function validateShardCount(shards: number): number {
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS) {
    throw new ShardPlanError('shards', `The number of Jobs must be a whole number from 1 to ${MAX_SHARDS}, got ${String(shards)}.`);
  }
  return shards;
}
