import { abortableSleep } from '../async/abortable-sleep.js';
import { backoffDelayMs } from '../async/backoff-delay.js';
import { messageOf } from '../format/message-of.js';
import { buildImportJob } from '../job/build-import-job.js';
import { APP_LABEL_KEY, APP_LABEL_VALUE, IMPORT_ID_LABEL_KEY } from '../job/import-job-defaults.js';
import type { BuildImportJobOptions } from '../job/import-job-types.js';
import { HfApiError } from './hf-api-error.js';
import type { HfCallOptions } from './hf-call-options.js';
import type { HfJob } from './hf-job.js';
import { MAX_RETRY_AFTER_SECONDS } from './hub-fetch.js';
import { listJobs } from './list-jobs.js';
import { runJob } from './run-job.js';

/** The inputs of {@link createImportJob}: the import, and how to call the Hub. */
export interface CreateImportJobOptions extends HfCallOptions, Omit<BuildImportJobOptions, 'hfToken'> {
  /** Token the Job writes with; defaults to `accessToken`. */
  hfToken?: string;
  /** Namespace that runs (and pays for) the Job; defaults to the destination's namespace. */
  jobNamespace?: string;
  /**
   * First wait before looking for the Job and submitting again after a create that failed in a
   * way that may have started it anyway (server error, lost connection); doubles each time.
   * Default 1000 ms.
   */
  retryDelayMs?: number;
}

/** The import's Job, and whether this call started it. */
export interface CreateImportJobResult {
  job: HfJob;
  /** False when a Job with the same import id was already scheduled, running or completed. */
  created: boolean;
  importId: string;
}

/** Submissions of one import before giving up (each one after checking the last did not start it). */
export const MAX_CREATE_ATTEMPTS = 3;

// A previous attempt that failed, was canceled or was deleted does not stop a new one.
const REUSABLE_STAGES = new Set(['SCHEDULING', 'RUNNING', 'COMPLETED']);
// Failures after which the Job may or may not exist: the request may have been handled and only
// the answer lost. Anything else (403, 400, …) means the Hub refused it.
const UNCERTAIN_KINDS = new Set(['server', 'network', 'rate-limited']);

const newest = (jobs: readonly HfJob[]): HfJob | undefined =>
  jobs.reduce<HfJob | undefined>((latest, job) => (!latest || job.createdAt > latest.createdAt ? job : latest), undefined);

/**
 * Starts the Job for an import, unless one with the same `importId` already exists and has not
 * failed: submitting twice (a retried click, a reload) then returns the existing Job.
 *
 * A create that fails without a clear refusal (5xx, a dropped connection, 429) may still have
 * started the Job, its answer lost on the way back. So before submitting again (up to
 * {@link MAX_CREATE_ATTEMPTS} times, waiting `retryDelayMs`, doubling, jittered, or what Retry-After asks),
 * it looks for a Job carrying this import's `import-id` label that was not there before, and
 * returns that one if found: one import never starts two Jobs.
 *
 * @throws {JobInputError | SelectionTooLargeError} from buildImportJob; {@link HfApiError} from the
 *   Hub (after the retries; when even the check for a started Job fails, the message says to look
 *   at the Jobs page before trying again).
 * @example
 * const { job, created } = await createImportJob({ ...importOptions, importId, accessToken });
 */
export async function createImportJob(options: CreateImportJobOptions): Promise<CreateImportJobResult> {
  const spec = await buildImportJob({ ...options, hfToken: options.hfToken ?? options.accessToken });
  const namespace = options.jobNamespace ?? options.destination.namespace;
  const importId = spec.labels[IMPORT_ID_LABEL_KEY];
  const firstDelayMs = options.retryDelayMs ?? 1000;
  /** The Jobs labelled with this import's id; a read, so passing failures are simply retried. */
  const importJobs = async (): Promise<HfJob[]> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await listJobs({ ...options, namespace, labels: { [APP_LABEL_KEY]: APP_LABEL_VALUE, [IMPORT_ID_LABEL_KEY]: importId } });
      } catch (error) {
        if (!(error instanceof HfApiError) || !UNCERTAIN_KINDS.has(error.kind) || attempt >= MAX_CREATE_ATTEMPTS) throw error;
        await abortableSleep(backoffDelayMs(attempt, firstDelayMs), options.signal);
      }
    }
  };

  // Jobs of this import from before this call (a generated id has none): any other one found
  // later was started by this call.
  const earlier = new Set<string>();
  if (options.importId) {
    const jobs = await importJobs();
    const existing = newest(jobs);
    if (existing && REUSABLE_STAGES.has(existing.status.stage)) return { job: existing, created: false, importId };
    for (const job of jobs) earlier.add(job.id);
  }

  /** The Job this call started, if a lost answer hid it. */
  const findStarted = async (createError: HfApiError): Promise<HfJob | undefined> => {
    try {
      return newest((await importJobs()).filter((job) => !earlier.has(job.id)));
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw uncheckedCreate(createError, error, { namespace, importId });
    }
  };

  for (let attempt = 1; ; attempt += 1) {
    try {
      return { job: await runJob({ ...options, namespace, spec }), created: true, importId };
    } catch (error) {
      if (!(error instanceof HfApiError) || !UNCERTAIN_KINDS.has(error.kind)) throw error;
      const retryAfterSeconds = error.kind === 'rate-limited' ? error.retryAfterSeconds : undefined;
      if (retryAfterSeconds !== undefined && retryAfterSeconds > MAX_RETRY_AFTER_SECONDS) throw error;
      await abortableSleep(Math.max(backoffDelayMs(attempt, firstDelayMs), (retryAfterSeconds ?? 0) * 1000), options.signal);
      const started = await findStarted(error);
      if (started) return { job: started, created: true, importId };
      if (attempt >= MAX_CREATE_ATTEMPTS) throw error;
    }
  }
}

/** The create failed, and so did every look for whether it started the Job anyway. */
function uncheckedCreate(createError: HfApiError, checkError: unknown, { namespace, importId }: { namespace: string; importId: string }): HfApiError {
  const why = messageOf(checkError);
  return new HfApiError(
    {
      kind: createError.kind,
      message:
        `${createError.message} Whether the Job was started anyway could not be checked (${why}). ` +
        `Before starting this import again, look in the Jobs of ${namespace} on Hugging Face for one labelled import-id=${importId}, so that it does not run twice.`,
      url: createError.url,
      statusCode: createError.statusCode,
      requestId: createError.requestId,
      data: createError.data,
    },
    { cause: checkError },
  );
}
