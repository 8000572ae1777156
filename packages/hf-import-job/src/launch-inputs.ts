import {
  JobInputError,
  SelectionTooLargeError,
  ShardPlanError,
  describeImportCommand,
  resolveImportCommand,
  type CreateImportJobOptions,
  type ImportCommandOptions,
  type ImportFilters,
  type JobInputField,
  type S3Connection,
} from '@s3-to-hf/core';
import type { ImportJobField, ImportJobSelection, ImportJobTarget } from './types.js';

/** Everything the form holds when the user launches. */
export interface LaunchInputs {
  selection?: ImportJobSelection;
  connection?: S3Connection;
  target?: ImportJobTarget;
  accessToken?: string;
  jobNamespace?: string;
  flavor: string;
  /** Undefined when the typed timeout is not a positive number. */
  timeoutSeconds: number | undefined;
  /** What the user typed in the workers field ('' = the command's default). */
  workers: string;
  dryRun: boolean;
  skipExisting: boolean;
}

/** An import that passed every check, ready for createImportJob. */
export interface ResolvedLaunch {
  options: Omit<CreateImportJobOptions, 'accessToken' | 'hubUrl' | 'fetch' | 'signal' | 'importId'>;
  /** `s3://…` and `hf://buckets/…`, as the command has them. */
  sourceUri: string;
  destinationUri: string;
  /** The exact `hf buckets import …` line (no credential in it). */
  command: string;
  /** Same inputs, same fingerprint: a retry of a failed launch reuses its import id. Holds no secret. */
  fingerprint: string;
}

/** What the summary can show of the command, even while other fields still need fixing. */
export type LaunchPreview = Pick<ResolvedLaunch, 'command' | 'sourceUri' | 'destinationUri'>;

export type FieldErrors = Partial<Record<ImportJobField, string>>;

/** Which part of the form each core input error belongs to. */
const FIELD_OF_INPUT: Record<JobInputField, ImportJobField> = {
  'source.bucket': 'source',
  'source.prefix': 'source',
  'source.region': 'source',
  'source.endpoint': 'source',
  credentials: 'source',
  filters: 'selection',
  'destination.namespace': 'target',
  'destination.bucket': 'target',
  'destination.prefix': 'target',
  hfToken: 'token',
  flavor: 'hardware',
  timeoutSeconds: 'timeout',
  workers: 'workers',
  installSpec: 'launch',
  dockerImage: 'launch',
  labels: 'launch',
  importId: 'launch',
  importGroup: 'launch',
  shard: 'launch',
};

/** The form field a core error is about: input errors name theirs, a too-large selection is the selection's. */
export function fieldOfError(error: unknown): ImportJobField {
  if (error instanceof JobInputError) return FIELD_OF_INPUT[error.field] ?? 'launch';
  if (error instanceof SelectionTooLargeError) return 'selection';
  if (error instanceof ShardPlanError) return 'shards';
  return 'launch';
}

function parseWorkers(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

function selectionProblem(selection: ImportJobSelection | undefined): string | undefined {
  if (!selection) return 'Select what to import in the S3 tree first.';
  if (!selection.filters) {
    return selection.problem ?? 'Nothing is selected yet: tick files or folders in the S3 tree, or enter include patterns.';
  }
  return undefined;
}

function sourceProblem(connection: S3Connection | undefined): string | undefined {
  if (!connection) return 'Connect to an S3 bucket first.';
  const keys = connection.credentials;
  if (!connection.anonymous && (!keys?.accessKeyId || !keys.secretAccessKey)) {
    return 'Enter the S3 access key ID and secret access key, or mark the bucket as public to read it anonymously.';
  }
  return undefined;
}

function targetProblem(target: ImportJobTarget | undefined): string | undefined {
  if (!target) return 'Choose the destination bucket first.';
  if (!target.valid) return 'The destination is not complete yet: check the namespace, bucket name and folder in the destination form.';
  return undefined;
}

/** The parts of the command the inputs allow so far, for the summary (undefined parts are missing or invalid). */
export function commandOptions(inputs: LaunchInputs): ImportCommandOptions | undefined {
  const { selection, connection, target } = inputs;
  if (!selection?.filters || !connection || !target) return undefined;
  return {
    source: {
      bucket: connection.bucket,
      prefix: connection.prefix ?? '',
      region: connection.region,
      ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
      ...(connection.anonymous ? { anonymous: true } : {}),
    },
    filters: selection.filters,
    destination: { namespace: target.namespace, bucket: target.bucket, prefix: target.prefix },
    ...(inputs.dryRun ? { dryRun: true } : {}),
    ...(inputs.skipExisting ? { skipExisting: true } : {}),
    ...(parseWorkers(inputs.workers) === undefined ? {} : { workers: parseWorkers(inputs.workers) }),
  };
}

/**
 * Checks every input of a launch before any request, and returns either the import to start or
 * an error for each field that needs fixing, each saying what to do.
 */
export function resolveLaunch(inputs: LaunchInputs): { launch?: ResolvedLaunch; preview?: LaunchPreview; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const put = (field: ImportJobField, message: string | undefined) => {
    if (message && !errors[field]) errors[field] = message;
  };
  put('selection', selectionProblem(inputs.selection));
  put('source', sourceProblem(inputs.connection));
  put('target', targetProblem(inputs.target));
  if (!inputs.accessToken) put('token', 'Sign in with Hugging Face first: the Job runs in your account and writes with your token.');
  if (inputs.timeoutSeconds === undefined) put('timeout', 'Enter a timeout greater than zero, for example 30 minutes or 2 hours.');
  const workers = parseWorkers(inputs.workers);
  if (workers !== undefined && !Number.isInteger(workers)) put('workers', 'Workers must be a whole number from 1 to 64, or empty for the default (4).');

  const options = commandOptions(inputs);
  let described: LaunchPreview | undefined;
  if (options) {
    try {
      const resolved = resolveImportCommand(options);
      described = { command: describeImportCommand(options), sourceUri: resolved.sourceUri, destinationUri: resolved.destinationUri };
    } catch (error) {
      if (!(error instanceof JobInputError)) throw error;
      put(fieldOfError(error), error.message);
    }
  }
  if (Object.keys(errors).length > 0 || !options || !described || inputs.timeoutSeconds === undefined) {
    return { ...(described ? { preview: described } : {}), errors };
  }

  const { connection, target } = inputs as Required<Pick<LaunchInputs, 'connection' | 'target'>>;
  const jobNamespace = inputs.jobNamespace || target.namespace;
  const launchOptions: ResolvedLaunch['options'] = {
    ...options,
    ...(connection.anonymous ? {} : { credentials: connection.credentials }),
    flavor: inputs.flavor,
    timeoutSeconds: inputs.timeoutSeconds,
    jobNamespace,
  };
  const fingerprint = JSON.stringify([described.command, options.source, inputs.flavor, inputs.timeoutSeconds, jobNamespace]);
  return { launch: { options: launchOptions, ...described, fingerprint }, preview: described, errors };
}

/** The command one Job of a split import runs (its shard's filters instead of the whole selection's), when the inputs allow it. */
export function shardCommand(inputs: LaunchInputs, filters: ImportFilters): string | undefined {
  const options = commandOptions(inputs);
  if (!options) return undefined;
  try {
    return describeImportCommand({ ...options, filters });
  } catch (error) {
    if (error instanceof JobInputError) return undefined;
    throw error;
  }
}
