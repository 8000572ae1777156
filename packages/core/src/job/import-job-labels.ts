import { APP_LABEL_KEY, APP_LABEL_VALUE, IMPORT_ID_LABEL_KEY } from './import-job-defaults.js';
import { validateImportId, validateJobLabels } from './validate-job-labels.js';

/**
 * The labels of an import Job: the caller's extra labels, `app=s3-to-hf-import`, and
 * `import-id=<id>` (a random UUID when no id is given) to find the Job again before submitting
 * the same import twice.
 *
 * @throws {JobInputError} for bad label syntax (field 'labels') or a bad id (field 'importId').
 */
export function importJobLabels({ labels = {}, importId }: { labels?: Record<string, string>; importId?: string }): Record<string, string> {
  validateJobLabels(labels);
  const id = importId ?? crypto.randomUUID();
  validateImportId(id);
  return { ...labels, [APP_LABEL_KEY]: APP_LABEL_VALUE, [IMPORT_ID_LABEL_KEY]: id };
}
