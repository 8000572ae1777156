import type { BucketTarget, ImportSelection, ShardPosition } from '@s3-to-hf/core';

/** What `<s3-tree>` reports as its `selection`: core's `ImportSelection`. */
export type ImportJobSelection = ImportSelection;

/** What `<hf-bucket-target>` reports as its `value`: core's `BucketTarget`. */
export type ImportJobTarget = BucketTarget;

/** A Job the element follows, enough to find it again (e.g. after a reload). */
export interface ImportJobRef {
  namespace: string;
  jobId: string;
  /** The `import-id` label, when the Job has one. */
  importId?: string;
  /** The `import-group` label of a Job of a sharded import. */
  importGroup?: string;
  /** Its `shard` label: which Job of the group it is. */
  shard?: ShardPosition;
}

/** A sharded import to follow again: its Jobs carry `import-group=<importGroup>`. */
export interface ImportGroupRef {
  namespace: string;
  importGroup: string;
}

/** The parts of the form an error can be shown at. */
export type ImportJobField = 'selection' | 'source' | 'target' | 'token' | 'hardware' | 'timeout' | 'workers' | 'shards' | 'launch';
