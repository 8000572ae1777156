import type { ImportFilters, SelectionStats } from '@s3-to-hf/core';

/**
 * What `<s3-tree>` reports as its `selection` (structurally the same as its `S3TreeSelection`,
 * declared here so this package does not depend on the tree's).
 */
export interface ImportJobSelection {
  mode: 'tree' | 'manual';
  /** Undefined in manual mode, where sizes are unknown. */
  stats?: SelectionStats;
  /** Undefined while nothing valid is selected; `problem` says why. */
  filters?: ImportFilters;
  problem?: string;
}

/**
 * What `<hf-bucket-target>` reports as its `value` (structurally the same as its
 * `HfBucketTargetValue`).
 */
export interface ImportJobTarget {
  namespace: string;
  bucket: string;
  prefix: string;
  private: boolean;
  createIfMissing: boolean;
  /** Undefined while unknown (not checked yet). */
  exists: boolean | undefined;
  valid: boolean;
}

/** A Job the element follows, enough to find it again (e.g. after a reload). */
export interface ImportJobRef {
  namespace: string;
  jobId: string;
  /** The `import-id` label, when the Job has one. */
  importId?: string;
}

/** The parts of the form an error can be shown at. */
export type ImportJobField = 'selection' | 'source' | 'target' | 'token' | 'hardware' | 'timeout' | 'workers' | 'launch';
