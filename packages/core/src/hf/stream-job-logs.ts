import { abortableSleep } from '../async/abortable-sleep.js';
import { backoffDelayMs } from '../async/backoff-delay.js';
import { messageOf } from '../format/message-of.js';
import { getJob } from './get-job.js';
import { HfApiError } from './hf-api-error.js';
import type { HfCallOptions } from './hf-call-options.js';
import { isTerminalStage } from './job-stages.js';
import { parseServerSentEvents } from './parse-server-sent-events.js';
import { prepareHubCall } from './prepare-hub-call.js';

/** One line a Job printed. */
export interface JobLogLine {
  line: string;
  /** ISO 8601, as the Hub sent it. */
  timestamp: string;
}

/** The inputs of {@link streamJobLogs}. */
export interface StreamJobLogsOptions extends HfCallOptions {
  namespace: string;
  jobId: string;
  /** Broken connections in a row (without a new line in between) before giving up; default 5. */
  maxRetries?: number;
  /** First wait before reconnecting; doubles each quiet round up to 30 s. Default 1000 ms. */
  retryDelayMs?: number;
}

const MAX_RETRY_DELAY_MS = 30_000;
// The Hub opens every stream with this line, even while the Job is still being scheduled.
const SYNTHETIC_START_LINE = '===== Job started';
const RETRYABLE_KINDS = new Set(['network', 'server', 'rate-limited']);

function toLogLine(data: string): JobLogLine {
  try {
    const event = JSON.parse(data) as { data?: unknown; timestamp?: unknown };
    if (typeof event.data === 'string') {
      return { line: event.data, timestamp: typeof event.timestamp === 'string' ? event.timestamp : new Date().toISOString() };
    }
  } catch {
    // Not JSON: the data is the line itself.
  }
  return { line: data, timestamp: new Date().toISOString() };
}

/** Whether a failed round should be retried: lost connections and transient Hub errors. */
function isTransient(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return false;
  // Anything but an HfApiError here is the response body failing mid-stream: a dropped connection.
  return error instanceof HfApiError ? RETRYABLE_KINDS.has(error.kind) : true;
}

function gaveUp(options: StreamJobLogsOptions, url: string, attempts: number, error: unknown): HfApiError {
  const cause = messageOf(error);
  return new HfApiError(
    {
      kind: error instanceof HfApiError ? error.kind : 'network',
      message:
        `Could not follow the logs of Job ${options.jobId}: the log stream failed ${attempts} times in a row (${cause}). ` +
        'The Job itself keeps running; check the network connection and open its logs again.',
      url,
      ...(error instanceof HfApiError ? { statusCode: error.statusCode, requestId: error.requestId, data: error.data } : {}),
    },
    { cause: error },
  );
}

/**
 * Follows a Job's log (`GET /api/jobs/{namespace}/{jobId}/logs`, Server-Sent Events) until the
 * Job has finished and its log is complete, yielding each line once and in order.
 *
 * The Hub's synthetic "===== Job started …" line is dropped. A stream can end or break before the
 * Job is done; the generator then re-checks the Job's stage and reconnects. The Hub replays the
 * log from the start on every connection, so lines already yielded are skipped by position.
 * Broken connections are retried with backoff (`maxRetries` in a row); 401/403/404 are not.
 * Abort with `signal`, or stop iterating.
 *
 * @throws {HfApiError} for a refused request or after too many broken connections.
 * @example
 * for await (const { line } of streamJobLogs({ namespace: 'alice', jobId, accessToken, signal })) {
 *   const progress = parseImportProgress(line);
 * }
 */
export async function* streamJobLogs(options: StreamJobLogsOptions): AsyncGenerator<JobLogLine, void, undefined> {
  const { namespace, jobId, signal, maxRetries = 5, retryDelayMs = 1000 } = options;
  const call = prepareHubCall(options, { description: `read the logs of Job ${jobId}`, permission: 'jobs' });
  const url = `${call.hubUrl}/api/jobs/${encodeURIComponent(namespace)}/${encodeURIComponent(jobId)}/logs`;
  let delivered = 0;
  let failuresInARow = 0;
  let quietRounds = 0;

  const jobIsFinished = async () => isTerminalStage((await getJob(options)).status.stage);

  for (;;) {
    const deliveredBefore = delivered;
    try {
      // Only the stream of an already finished Job is known to end with its last line; one that
      // ends while the Job runs is followed by another round, replaying the log to complete it.
      const finishedBeforeConnecting = await jobIsFinished();
      const response = await call.fetch(url, { headers: { ...call.headers, Accept: 'text/event-stream' } });
      let position = 0;
      if (response.body) {
        for await (const event of parseServerSentEvents(response.body)) {
          const entry = toLogLine(event.data);
          if (entry.line.startsWith(SYNTHETIC_START_LINE)) continue;
          position += 1;
          if (position <= delivered) continue;
          delivered += 1;
          yield entry;
        }
      }
      if (finishedBeforeConnecting) return;
      failuresInARow = 0;
      if (await jobIsFinished()) continue;
    } catch (error) {
      if (!isTransient(error, signal)) throw error;
      failuresInARow = delivered > deliveredBefore ? 1 : failuresInARow + 1;
      if (failuresInARow > maxRetries) throw gaveUp(options, url, failuresInARow, error);
    }
    quietRounds = delivered > deliveredBefore ? 0 : quietRounds + 1;
    await abortableSleep(backoffDelayMs(quietRounds, retryDelayMs, MAX_RETRY_DELAY_MS), signal);
  }
}
