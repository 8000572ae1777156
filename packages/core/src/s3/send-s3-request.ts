import type { S3Client } from '@aws-sdk/client-s3';
import { abortableSleep } from '../async/abortable-sleep.js';
import { classifyS3Failure, isFetchFailure, isRetryableFailure, redactedCause } from './classify-s3-failure.js';
import { createS3Error } from './create-s3-error.js';
import { diagnoseFetchFailure } from './diagnose-fetch-failure.js';
import { getS3Client } from './get-s3-client.js';
import { loadS3Sdk, type S3Sdk } from './load-s3-sdk.js';
import { retryDelayMs } from './retry-delay.js';
import type { S3Connection } from './s3-connection.js';
import { validateRequestOptions } from './validate-options.js';

/** Options every S3 call accepts. */
export interface S3RequestOptions {
  /** Cancels the call; it then fails with kind 'aborted'. */
  signal?: AbortSignal;
  /** Tries per request, the first included, for throttling, server errors and dropped connections. Default 4. */
  maxAttempts?: number;
  /** Time-out of each try; a server that does not answer in time fails with kind 'timeout'. Default 30 s. */
  requestTimeoutMs?: number;
  /** The fetch used to diagnose browser network failures (see diagnoseFetchFailure). */
  fetch?: typeof fetch;
}

/** What an operation gets to build and send its SDK command. */
export interface S3OperationContext {
  client: S3Client;
  sdk: S3Sdk;
  /** Pass to `client.send(command, { abortSignal })`: it fires on cancel and on time-out. */
  abortSignal: AbortSignal;
}

const DEFAULT_MAX_ATTEMPTS = 4;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Runs one S3 request with a time-out per try, bounded retries (backoff with jitter) for
 * failures that may pass, and every error turned into an S3Error (naming `folder`, the folder
 * being listed relative to the source prefix, when given).
 *
 * @example
 * const page = await sendS3Request(connection, ({ client, sdk, abortSignal }) =>
 *   client.send(new sdk.ListObjectsV2Command({ Bucket: connection.bucket }), { abortSignal }));
 */
export async function sendS3Request<T>(
  connection: S3Connection,
  operation: (context: S3OperationContext) => Promise<T>,
  options: S3RequestOptions = {},
  { folder }: { folder?: string } = {},
): Promise<T> {
  const { signal, maxAttempts = DEFAULT_MAX_ATTEMPTS, requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS } = options;
  validateRequestOptions(maxAttempts, requestTimeoutMs);
  const aborted = () => createS3Error('aborted', { connection });
  if (signal?.aborted) throw aborted();
  const [client, sdk] = await Promise.all([getS3Client(connection), loadS3Sdk()]);

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw aborted();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), requestTimeoutMs);
    const abortSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    try {
      return await operation({ client, sdk, abortSignal });
    } catch (error) {
      if (signal?.aborted) throw aborted();
      if (timeout.signal.aborted) throw createS3Error('timeout', { connection, requestTimeoutMs, folder, cause: redactedCause(error) });
      if (attempt < maxAttempts && isRetryableFailure(error)) {
        await abortableSleep(retryDelayMs(attempt), signal).catch(() => {
          throw aborted();
        });
        continue;
      }
      if (isFetchFailure(error)) {
        throw await diagnoseFetchFailure(connection, { fetch: options.fetch, signal, timeoutMs: requestTimeoutMs });
      }
      throw classifyS3Failure(error, connection, attempt, folder);
    } finally {
      clearTimeout(timer);
    }
  }
}
