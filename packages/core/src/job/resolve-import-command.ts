import type { ImportFilters } from '../filters/import-filters.js';
import type { ImportCommandOptions } from './import-job-types.js';
import { JobInputError } from './job-input-error.js';
import { validateBucketPrefix } from './validate-bucket-prefix.js';
import { validateFolderPrefix } from './validate-folder-prefix.js';
import { validateHubName } from './validate-hub-name.js';
import { validateS3Source, type ValidatedS3Source } from './validate-s3-source.js';

/** The validated pieces of one `hf buckets import` command line, still unquoted. */
export interface ResolvedImportCommand {
  source: ValidatedS3Source;
  /** `s3://bucket/<prefix+root>`: the deepest folder holding the whole selection. */
  sourceUri: string;
  /** `hf://buckets/ns/name/<destPrefix+root>`, so a key `root+rel` lands at `destPrefix+root+rel`. */
  destinationUri: string;
  filters: ImportFilters;
  /** `--include=…`/`--exclude=…` arguments when the filters go on the command line. */
  inlineFilterArgs: string[];
  /** `--dry-run`, `--skip-existing`, `--workers=N`, in that order, as requested. */
  optionArgs: string[];
}

const MAX_WORKERS = 64;

function validateFilters(filters: ImportFilters): string {
  if ([...filters.include, ...filters.exclude].some((pattern) => pattern.includes('\0'))) {
    throw new JobInputError('filters', 'A filter pattern contains a NUL character, which cannot be passed to the import command.');
  }
  try {
    return validateFolderPrefix(filters.root, 'filters', { addTrailingSlash: false });
  } catch (error) {
    if (!(error instanceof JobInputError) || !filters.root.endsWith('/') || filters.root.startsWith('/')) throw error;
    // The root comes from S3 keys (compileFilters), not from a form: say what the user can change.
    throw new JobInputError(
      'filters',
      `Everything selected is inside the folder "${filters.root}", whose path has an empty ("//"), "." or ".." folder name. ` +
        'The import recreates that path in the bucket, and bucket paths cannot hold such names: leave these files out of the selection.',
    );
  }
}

function optionArgs({ dryRun, skipExisting, workers }: ImportCommandOptions): string[] {
  const args: string[] = [];
  if (dryRun) args.push('--dry-run');
  if (skipExisting) args.push('--skip-existing');
  if (workers !== undefined) {
    if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
      throw new JobInputError('workers', `Workers must be a whole number from 1 to ${MAX_WORKERS}.`);
    }
    args.push(`--workers=${workers}`);
  }
  return args;
}

/**
 * Validates what the import command line depends on and resolves the source and destination
 * URIs. Options always use the `--opt=value` form, so a pattern starting with '-' stays a value.
 *
 * @throws {JobInputError} naming the offending field.
 */
export function resolveImportCommand(options: ImportCommandOptions): ResolvedImportCommand {
  const source = validateS3Source(options.source);
  const root = validateFilters(options.filters);
  const { namespace, bucket } = options.destination;
  validateHubName(namespace, 'destination.namespace');
  validateHubName(bucket, 'destination.bucket');
  // The same rules as the destination form (resolveBucketTarget): what bucket paths may contain.
  const destinationPath = (validateBucketPrefix(options.destination.prefix ?? '', 'destination.prefix') + root).replace(/\/$/, '');
  const sourcePath = source.prefix + root;
  return {
    source,
    sourceUri: sourcePath ? `s3://${source.bucket}/${sourcePath}` : `s3://${source.bucket}`,
    destinationUri: `hf://buckets/${namespace}/${bucket}${destinationPath ? `/${destinationPath}` : ''}`,
    filters: options.filters,
    inlineFilterArgs: [
      ...options.filters.include.map((pattern) => `--include=${pattern}`),
      ...options.filters.exclude.map((pattern) => `--exclude=${pattern}`),
    ],
    optionArgs: optionArgs(options),
  };
}
