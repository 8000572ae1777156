import { JobInputError, type JobInputField } from './job-input-error.js';
import { validateFolderPrefix } from './validate-folder-prefix.js';

/**
 * Checks a folder inside a Hugging Face Storage Bucket ('' = the top). On top of
 * {@link validateFolderPrefix} (no leading '/', no `//`, no `.` or `..` folder, no NUL), it
 * refuses what bucket keys may not contain: a backslash, and a folder name ending in `..`
 * (the key would contain `../`). A missing trailing '/' is added.
 *
 * @returns the prefix, '' or ending with '/'.
 * @throws {JobInputError} naming `field`.
 * @example
 * validateBucketPrefix('exports/2024', 'destination.prefix'); // → 'exports/2024/'
 * validateBucketPrefix('a\\b', 'destination.prefix');         // throws
 */
export function validateBucketPrefix(value: string, field: JobInputField = 'destination.prefix'): string {
  // The NUL check comes first so that its message is not hidden behind a later rule.
  if (value.includes('\0')) throw new JobInputError(field, 'The folder contains a NUL character; remove it.');
  if (value.includes('\\')) {
    throw new JobInputError(field, `The folder "${value}" contains a backslash, which bucket paths do not allow; separate folders with '/'.`);
  }
  const prefix = validateFolderPrefix(value, field, { addTrailingSlash: true });
  if (prefix.includes('../')) {
    throw new JobInputError(field, `The folder "${value}" has a folder name ending in "..", which bucket paths do not allow; rename it.`);
  }
  return prefix;
}
