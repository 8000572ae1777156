import { APP_LABEL_KEY, IMPORT_ID_LABEL_KEY } from './import-job-defaults.js';
import { JobInputError } from './job-input-error.js';

const LABEL_KEY = /^[A-Za-z0-9._-]{1,100}$/;
const LABEL_VALUE = /^[A-Za-z0-9._-]{0,100}$/;
const RESERVED_KEYS = new Set([APP_LABEL_KEY, IMPORT_ID_LABEL_KEY]);

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
