import { APP_LABEL_KEY, IMPORT_GROUP_LABEL_KEY, IMPORT_ID_LABEL_KEY, SHARD_LABEL_KEY } from './import-job-defaults.js';
import { JobInputError } from './job-input-error.js';
import { formatShardLabel, type ShardPosition } from './shard-label.js';

const LABEL_KEY = /^[A-Za-z0-9._-]{1,100}$/;
const LABEL_VALUE = /^[A-Za-z0-9._-]{0,100}$/;
const RESERVED_KEYS = new Set([APP_LABEL_KEY, IMPORT_ID_LABEL_KEY, IMPORT_GROUP_LABEL_KEY, SHARD_LABEL_KEY]);

/**
 * Checks extra Job labels against the Hub's syntax (keys 1–100, values 0–100 characters of
 * `[A-Za-z0-9._-]`) and refuses the keys this app sets itself.
 *
 * @throws {JobInputError} with field 'labels'.
 */
export function validateJobLabels(labels: Record<string, string>): void {
  for (const [key, value] of Object.entries(labels)) {
    if (!LABEL_KEY.test(key)) {
      throw new JobInputError('labels', `The label name "${key}" must be 1–100 letters, digits, '.', '_' or '-'.`);
    }
    if (RESERVED_KEYS.has(key)) {
      throw new JobInputError('labels', `The label "${key}" is set by the importer itself; choose another name.`);
    }
    if (typeof value !== 'string' || !LABEL_VALUE.test(value)) {
      throw new JobInputError('labels', `The value of label "${key}" must be at most 100 letters, digits, '.', '_' or '-'.`);
    }
  }
}

/**
 * Checks an import id, which becomes the value of the `import-id` label.
 *
 * @throws {JobInputError} with field 'importId'.
 */
export function validateImportId(importId: string): void {
  if (!importId || !LABEL_VALUE.test(importId)) {
    throw new JobInputError('importId', `The import id "${importId}" must be 1–100 letters, digits, '.', '_' or '-' (it is stored as a Job label).`);
  }
}

/**
 * Checks the group id of a sharded import, the value of the `import-group` label.
 *
 * @throws {JobInputError} with field 'importGroup'.
 */
export function validateImportGroup(importGroup: string | undefined): void {
  if (importGroup === undefined) {
    throw new JobInputError('importGroup', 'A Job with a shard position also needs the import group id its shards share (importGroup).');
  }
  if (!importGroup || !LABEL_VALUE.test(importGroup)) {
    throw new JobInputError('importGroup', `The import group id "${importGroup}" must be 1–100 letters, digits, '.', '_' or '-' (it is stored as a Job label).`);
  }
}

/**
 * Checks a shard position and returns its `shard` label value.
 *
 * @throws {JobInputError} with field 'shard'.
 */
export function validateShardPosition(shard: ShardPosition | undefined): string {
  if (shard === undefined) {
    throw new JobInputError('shard', 'A Job of an import group also needs its shard position, e.g. { index: 1, count: 3 }.');
  }
  try {
    return formatShardLabel(shard);
  } catch {
    throw new JobInputError('shard', `A shard position needs whole numbers with 1 ≤ index ≤ count, got ${String(shard.index)} of ${String(shard.count)}.`);
  }
}
