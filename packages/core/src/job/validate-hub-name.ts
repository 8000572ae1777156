import { JobInputError, type JobInputField } from './job-input-error.js';

const NAME_CHARACTERS = /^[A-Za-z0-9._-]+$/;
const MAX_NAME_LENGTH = 96;

/**
 * Checks a Hugging Face namespace or bucket name with the Hub's client-side repo-id rules:
 * 1–96 characters of `[A-Za-z0-9._-]`, no `--` or `..`, not starting or ending with `.` or `-`.
 * The Hub stays the authority; this catches typos before a Job is submitted.
 *
 * @throws {JobInputError} naming `field`.
 * @example
 * validateHubName('my-datasets', 'destination.bucket'); // ok
 * validateHubName('-oops', 'destination.bucket');       // throws
 */
export function validateHubName(value: string, field: JobInputField): void {
  const what = field === 'destination.namespace' ? 'namespace' : 'bucket name';
  if (!value) throw new JobInputError(field, `Enter a ${what}.`);
  if (value.length > MAX_NAME_LENGTH) {
    throw new JobInputError(field, `The ${what} is ${value.length} characters long; the Hub allows at most ${MAX_NAME_LENGTH}.`);
  }
  if (!NAME_CHARACTERS.test(value)) {
    throw new JobInputError(field, `The ${what} "${value}" may only contain letters, digits, '.', '_' and '-'.`);
  }
  if (value.includes('--') || value.includes('..')) {
    throw new JobInputError(field, `The ${what} "${value}" must not contain "--" or "..".`);
  }
  if (/^[.-]|[.-]$/.test(value)) {
    throw new JobInputError(field, `The ${what} "${value}" must start and end with a letter, a digit or '_'.`);
  }
}
