// Public API of the import Job: from a compiled selection to the body of `POST /api/jobs/{ns}`,
// and from the Job's log lines back to progress and an outcome.
export { buildImportJob } from './build-import-job.js';
export type { BucketTarget } from './bucket-target.js';
export { describeImportCommand } from './describe-import-command.js';
export {
  DEFAULT_IMPORT_THROUGHPUT,
  DEFAULT_PER_FILE_SECONDS,
  DEFAULT_STARTUP_SECONDS,
  estimateImport,
  type EstimateImportOptions,
  type FlavorEstimate,
  type FlavorPricing,
  type ImportEstimate,
  type ImportSize,
} from './estimate-import.js';
export {
  APP_LABEL_KEY,
  APP_LABEL_VALUE,
  DEFAULT_DOCKER_IMAGE,
  DEFAULT_FLAVOR,
  DEFAULT_INSTALL_SPEC,
  DEFAULT_S3_REGION,
  DEFAULT_TIMEOUT_SECONDS,
  IMPORT_GROUP_LABEL_KEY,
  IMPORT_ID_LABEL_KEY,
  SHARD_LABEL_KEY,
} from './import-job-defaults.js';
export { importJobLabels, type ImportJobLabelOptions } from './import-job-labels.js';
export { importJobSecretNames } from './import-job-secret-names.js';
export type {
  BucketDestination,
  BuildImportJobOptions,
  ImportCommandOptions,
  ImportJobSpec,
  S3Source,
} from './import-job-types.js';
export { JobInputError, type JobInputField } from './job-input-error.js';
export { resolveImportCommand, type ResolvedImportCommand } from './resolve-import-command.js';
export type { ValidatedS3Source } from './validate-s3-source.js';
export {
  parseImportProgress,
  type ImportBatchDoneProgress,
  type ImportBatchProgress,
  type ImportCompletedProgress,
  type ImportFoundProgress,
  type ImportPlannedProgress,
  type ImportProgress,
} from './parse-import-progress.js';
export {
  resolveBucketTarget,
  type BucketTargetField,
  type BucketTargetInput,
  type ResolvedBucketTarget,
} from './resolve-bucket-target.js';
export { SelectionTooLargeError, type SelectionTooLargeReason } from './selection-too-large-error.js';
export {
  summarizeImportResult,
  type ImportOutcome,
  type ImportResultSummary,
  type JobStatusInput,
} from './summarize-import-result.js';
export { summarizeShardedImport, type ShardedImportSummary } from './summarize-sharded-import.js';
export {
  EMPTY_IMPORT_PROGRESS,
  combineImportProgress,
  importProgressFraction,
  trackImportProgress,
  type ImportProgressState,
} from './track-import-progress.js';
export { validateBucketPrefix } from './validate-bucket-prefix.js';
export { validateFolderPrefix } from './validate-folder-prefix.js';
export { validateHubName } from './validate-hub-name.js';
export type { ImportSelection, ImportSelectionMode } from './import-selection.js';
export { formatShardLabel, parseShardLabel, type ShardPosition } from './shard-label.js';
