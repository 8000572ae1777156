import { buildImportJob } from '../job/build-import-job.js';
import { IMPORT_ID_LABEL_KEY } from '../job/import-job-defaults.js';
import type { BuildImportJobOptions } from '../job/import-job-types.js';
import { findImportJob } from './find-import-job.js';
import type { HfCallOptions } from './hf-call-options.js';
import type { HfJob } from './hf-job.js';
import { runJob } from './run-job.js';

/** The inputs of {@link createImportJob}: the import, and how to call the Hub. */
export interface CreateImportJobOptions extends HfCallOptions, Omit<BuildImportJobOptions, 'hfToken'> {
  /** Token the Job writes with; defaults to `accessToken`. */
  hfToken?: string;
  /** Namespace that runs (and pays for) the Job; defaults to the destination's namespace. */
  jobNamespace?: string;
}

/** The import's Job, and whether this call started it. */
export interface CreateImportJobResult {
  job: HfJob;
  /** False when a Job with the same import id was already scheduled, running or completed. */
  created: boolean;
  importId: string;
}

// A previous attempt that failed, was canceled or was deleted does not stop a new one.
const REUSABLE_STAGES = new Set(['SCHEDULING', 'RUNNING', 'COMPLETED']);

/**
 * Starts the Job for an import, unless one with the same `importId` already exists and has not
 * failed: submitting twice (a retried click, a lost response) then returns the existing Job.
 *
 * @throws {JobInputError | SelectionTooLargeError} from buildImportJob; {@link HfApiError} from the Hub.
 * @example
 * const { job, created } = await createImportJob({ ...importOptions, importId, accessToken });
 */
export async function createImportJob(options: CreateImportJobOptions): Promise<CreateImportJobResult> {
  const spec = await buildImportJob({ ...options, hfToken: options.hfToken ?? options.accessToken });
  const namespace = options.jobNamespace ?? options.destination.namespace;
  const importId = spec.labels[IMPORT_ID_LABEL_KEY];
  if (options.importId) {
    const existing = await findImportJob({ ...options, namespace, importId });
    if (existing && REUSABLE_STAGES.has(existing.status.stage)) return { job: existing, created: false, importId };
  }
  return { job: await runJob({ ...options, namespace, spec }), created: true, importId };
}
