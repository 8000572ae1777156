import { APP_LABEL_KEY, APP_LABEL_VALUE, IMPORT_GROUP_LABEL_KEY, IMPORT_ID_LABEL_KEY, SHARD_LABEL_KEY } from './import-job-defaults.js';
import type { ShardPosition } from './shard-label.js';
import { validateImportGroup, validateImportId, validateJobLabels, validateShardPosition } from './validate-job-labels.js';

/** The inputs of {@link importJobLabels}. */
export interface ImportJobLabelOptions {
  labels?: Record<string, string>;
  importId?: string;
  /** A sharded import's group id (with `shard`). */
  importGroup?: string;
  shard?: ShardPosition;
}

/**
 * The labels of an import Job: the caller's extra labels, `app=s3-to-hf-import`, and
 * `import-id=<id>` (a random UUID when no id is given) to find the Job again before submitting
 * the same import twice. A Job of a sharded import also gets `import-group=<group id>` and
 * `shard=<index>-of-<count>`, so that its import is found again as one (see groupImportJobs).
 *
 * @throws {JobInputError} for bad label syntax (field 'labels'), a bad id (field 'importId'), a
 *   bad group id (field 'importGroup') or shard position (field 'shard'), or only one of the two.
 */
export function importJobLabels({ labels = {}, importId, importGroup, shard }: ImportJobLabelOptions): Record<string, string> {
  validateJobLabels(labels);
  const id = importId ?? crypto.randomUUID();
  validateImportId(id);
  const grouped: Record<string, string> = {};
  if (importGroup !== undefined || shard !== undefined) {
    validateImportGroup(importGroup);
    grouped[IMPORT_GROUP_LABEL_KEY] = importGroup as string;
    grouped[SHARD_LABEL_KEY] = validateShardPosition(shard);
  }
  return { ...labels, [APP_LABEL_KEY]: APP_LABEL_VALUE, [IMPORT_ID_LABEL_KEY]: id, ...grouped };
}
