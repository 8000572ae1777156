import type { BucketTarget } from '@s3-to-hf/core/job';

/** The destination `<hf-bucket-target>` describes (core's `BucketTarget`): what `<hf-import-job>` takes as `target`. */
export type HfBucketTargetValue = BucketTarget;
