import { JobInputError, type JobInputField } from './job-input-error.js';

/**
 * Checks a folder prefix ('' or `a/b/`): no leading '/', no empty (`//`), `.` or `..` segment,
 * no NUL. With `addTrailingSlash`, 'a/b' is accepted and returned as 'a/b/'; without it a
 * non-empty prefix must already end with '/', because `hf buckets import` reads whole folders.
 *
 * @returns the prefix, '' or ending with '/'.
 * @throws {JobInputError} naming `field`.
 * @example
 * validateFolderPrefix('exports/2024', 'destination.prefix', { addTrailingSlash: true }) // → 'exports/2024/'
 */
export function validateFolderPrefix(
  value: string,
  field: JobInputField,
  { addTrailingSlash }: { addTrailingSlash: boolean },
): string {
  if (value === '') return '';
  if (value.includes('\0')) throw new JobInputError(field, 'The folder contains a NUL character; remove it.');
  if (value.startsWith('/')) throw new JobInputError(field, `The folder "${value}" must not start with '/'; write it relative to the bucket, e.g. "data/".`);
  let prefix = value;
  if (!prefix.endsWith('/')) {
    if (!addTrailingSlash) {
      throw new JobInputError(field, `The folder "${value}" must end with '/': the import copies whole folders, not key prefixes.`);
    }
    prefix += '/';
  }
  const segments = prefix.slice(0, -1).split('/');
  if (segments.includes('')) throw new JobInputError(field, `The folder "${value}" contains "//"; remove the empty folder name.`);
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw new JobInputError(field, `The folder "${value}" contains a "." or ".." folder, which does not mean "here" or "up" in a bucket; remove it.`);
  }
  return prefix;
}
