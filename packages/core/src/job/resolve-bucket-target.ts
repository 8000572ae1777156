import { JobInputError } from './job-input-error.js';
import { validateBucketPrefix } from './validate-bucket-prefix.js';
import { validateHubName } from './validate-hub-name.js';

/** What a destination form holds: a namespace choice, a bucket field and a folder field. */
export interface BucketTargetInput {
  /** The chosen namespace; ignored when `bucket` is written `namespace/bucket`. */
  namespace: string;
  /** `bucket` or `namespace/bucket`, as typed. */
  bucket: string;
  /** Folder in the bucket, as typed ('' = the top). */
  prefix: string;
}

/** The fields of {@link BucketTargetInput}, for showing a problem next to its control. */
export type BucketTargetField = keyof BucketTargetInput;

/** A destination read from the form, with what is wrong at each field (nothing: usable). */
export interface ResolvedBucketTarget {
  namespace: string;
  /** The bucket name alone. */
  bucket: string;
  /** '' or ending with '/' when valid; as typed otherwise. */
  prefix: string;
  /** True when the bucket field was written `namespace/bucket`. */
  namespaceInBucketField: boolean;
  /** One sentence per field that cannot be used, saying what to do. */
  problems: Partial<Record<BucketTargetField, string>>;
}

function problemOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof JobInputError) return error.message;
    throw error;
  }
}

/**
 * Reads a destination as the Hub will: splits `namespace/bucket`, checks both names with
 * {@link validateHubName} and the folder with {@link validateBucketPrefix}, and collects every
 * field's problem at once so a form can mark them all before sending anything. Surrounding
 * spaces around names are dropped (names cannot contain spaces); the folder is kept as typed.
 *
 * @example
 * resolveBucketTarget({ namespace: 'alice', bucket: 'acme/imports', prefix: '2024' });
 * // → { namespace: 'acme', bucket: 'imports', prefix: '2024/', namespaceInBucketField: true, problems: {} }
 */
export function resolveBucketTarget(input: BucketTargetInput): ResolvedBucketTarget {
  const typed = input.bucket.trim();
  const slash = typed.indexOf('/');
  const namespaceInBucketField = slash !== -1;
  const namespace = namespaceInBucketField ? typed.slice(0, slash) : input.namespace.trim();
  const bucket = namespaceInBucketField ? typed.slice(slash + 1) : typed;
  const problems: ResolvedBucketTarget['problems'] = {};

  if (namespaceInBucketField) {
    if (bucket.includes('/')) {
      problems.bucket = `"${typed}" has more than one '/': type bucket or namespace/bucket, and put folders in the folder field.`;
    } else if (namespace === '') {
      problems.bucket = `Write the namespace before the '/' ("namespace/${bucket}"), or type the bucket name alone.`;
    } else {
      problems.bucket = problemOf(() => validateHubName(namespace, 'destination.namespace')) ?? problemOf(() => validateHubName(bucket, 'destination.bucket'));
    }
  } else {
    problems.bucket = problemOf(() => validateHubName(bucket, 'destination.bucket'));
    problems.namespace =
      namespace === ''
        ? 'Choose a namespace, or type namespace/bucket in the bucket field.'
        : problemOf(() => validateHubName(namespace, 'destination.namespace'));
  }

  let prefix = input.prefix;
  try {
    prefix = validateBucketPrefix(input.prefix, 'destination.prefix');
  } catch (error) {
    if (!(error instanceof JobInputError)) throw error;
    problems.prefix = error.message;
  }

  for (const field of Object.keys(problems) as BucketTargetField[]) {
    if (problems[field] === undefined) delete problems[field];
  }
  return { namespace, bucket, prefix, namespaceInBucketField, problems };
}
