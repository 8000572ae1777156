/**
 * When one import Job is too much. Past either limit a selection is worth splitting: a single Job
 * would run for hours on one CPU flavor (500 GB at cpu-basic's ~8 MiB/s is ~17 h), and the
 * importer lists, plans and filters every file in one process.
 */
export interface ShardThresholds {
  /** Most bytes one Job should import; default {@link DEFAULT_MAX_BYTES_PER_SHARD}. */
  maxBytesPerShard?: number;
  /** Most files one Job should import; default {@link DEFAULT_MAX_FILES_PER_SHARD}. */
  maxFilesPerShard?: number;
}

/** 500 GB (decimal, as sizes are shown). */
export const DEFAULT_MAX_BYTES_PER_SHARD = 500e9;

export const DEFAULT_MAX_FILES_PER_SHARD = 1_000_000;

/** Upper bound on shards, whatever the selection: each one is a Job to follow. */
export const MAX_SHARDS = 1000;
