import type { BucketTarget, ImportSelection } from '@s3-to-hf/core';

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
}

/** The parts of the form an error can be shown at. */
export type ImportJobField = 'selection' | 'source' | 'target' | 'token' | 'hardware' | 'timeout' | 'workers' | 'launch';
