import { abortableSleep } from '../async/abortable-sleep.js';
import { getJob } from './get-job.js';
import { HfApiError } from './hf-api-error.js';
import type { HfCallOptions } from './hf-call-options.js';
import type { HfJob } from './hf-job.js';
import { isTerminalStage } from './job-stages.js';
import { streamJobLogs, type JobLogLine } from './stream-job-logs.js';

/** The inputs of {@link followJob}. */
export interface FollowJobOptions extends HfCallOptions {
  namespace: string;
  jobId: string;
  /** How often the Job's stage is re-read while its log streams. Default 5000 ms. */
  pollIntervalMs?: number;
  /** Lines an earlier follow of the same Job already delivered; they are not delivered again. */
  skipLines?: number;
  /** First wait before the log stream reconnects (see streamJobLogs). Default 1000 ms. */
  retryDelayMs?: number;
  /** Broken log connections in a row, without a new line, before the log gives up (see streamJobLogs). Default 5. */
  maxRetries?: number;
  /** Every read of the Job (the stage may or may not have changed). */
  onJob?: (job: HfJob) => void;
  /** Every log line, once and in order. */
  onLine?: (entry: JobLogLine) => void;
  /** The log stream gave up after its retries; the stage is still followed to the end. */
  onLogError?: (error: HfApiError) => void;
  /** A read of the Job failed for a passing reason (network, server, rate limit); it is retried. */
  onPollError?: (error: HfApiError) => void;
}

const PASSING_KINDS = new Set(['network', 'server', 'rate-limited']);

/** Lost connections and Hub hiccups pass; a refused token, a missing permission or Job do not. */
function isPassing(error: unknown): error is HfApiError {
  return error instanceof HfApiError && PASSING_KINDS.has(error.kind);
}

/** A token that stops working mid-way (it expired) stops the following, not the Job: say so. */
function tokenRefusedWhileFollowing(error: HfApiError, jobId: string): HfApiError {
  return new HfApiError(
    {
      kind: 'unauthorized',
      message:
        `Stopped following Job ${jobId}: Hugging Face no longer accepts the access token (it expired or was revoked). ` +
        `The Job keeps running on Hugging Face; sign in again to follow it from where it was.`,
      url: error.url,
      statusCode: error.statusCode,
      requestId: error.requestId,
      data: error.data,
    },
    { cause: error },
  );
}

/**
 * Follows a Job to its end: streams its log (each line once, across reconnections) while
 * re-reading its stage every `pollIntervalMs`, and resolves with the finished Job once it is in a
 * terminal stage and its log has been read to the end (or the log stream gave up, see
 * `onLogError`). Abort with `signal`.
 *
 * @throws {HfApiError} 'unauthorized' (an expired or revoked token; the message says that the Job
 *   keeps running and to sign in again, then follow again with `skipLines`), 'forbidden',
 *   'not-found'; the signal's reason when aborted.
 * @example
 * const job = await followJob({ namespace: 'alice', jobId, accessToken, signal,
 *   onLine: ({ line }) => lines.push(line), onJob: (job) => showStage(job.status.stage) });
 */
export async function followJob(options: FollowJobOptions): Promise<HfJob> {
  const { pollIntervalMs = 5000, skipLines = 0, onJob, onLine, onLogError, onPollError } = options;
  const outer = options.signal;
  if (outer?.aborted) throw outer.reason;
  // One signal for both loops, so that a fatal error in one stops the other.
  const controller = new AbortController();
  const stop = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', stop, { once: true });
  const call = { ...options, signal: controller.signal };

  const readLog = async (): Promise<void> => {
    let position = 0;
    try {
      for await (const entry of streamJobLogs(call)) {
        position += 1;
        if (position > skipLines) onLine?.(entry);
      }
    } catch (error) {
      if (controller.signal.aborted || !isPassing(error)) throw error;
      onLogError?.(error);
    }
  };

  const log = readLog();
  let logEnded = false;
  const logSettled = log.then(
    () => (logEnded = true),
    () => (logEnded = true),
  );

  const followStage = async (): Promise<HfJob> => {
    let wokenByLogEnd = false;
    for (;;) {
      try {
        const job = await getJob(call);
        onJob?.(job);
        if (isTerminalStage(job.status.stage)) {
          await log;
          return job;
        }
      } catch (error) {
        if (controller.signal.aborted || !isPassing(error)) throw error;
        onPollError?.(error);
      }
      // The log ends when the Job does: look again at once instead of waiting a full interval.
      const sleep = abortableSleep(pollIntervalMs, controller.signal);
      // When the log end wins the race, the sleep may still reject on a later abort.
      sleep.catch(() => undefined);
      if (!wokenByLogEnd) {
        await Promise.race([sleep, logSettled]);
        wokenByLogEnd = logEnded;
      } else {
        await sleep;
      }
    }
  };

  try {
    const [job] = await Promise.all([followStage(), log]);
    return job;
  } catch (error) {
    controller.abort(error);
    throw error instanceof HfApiError && error.kind === 'unauthorized' ? tokenRefusedWhileFollowing(error, options.jobId) : error;
  } finally {
    outer?.removeEventListener('abort', stop);
  }
}
