import { abortableSleep } from '../async/abortable-sleep.js';
import { backoffDelayMs } from '../async/backoff-delay.js';
import { messageOf } from '../format/message-of.js';
import { hfApiErrorFromResponse } from './hf-api-error-from-response.js';
import { HfApiError } from './hf-api-error.js';
import type { HubAction } from './hub-action.js';

/** The inputs of {@link hubFetch}. */
export interface HubFetchOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  action: HubAction;
}

/** How many times a rate-limited GET is retried before giving up. */
export const MAX_RATE_LIMIT_RETRIES = 3;
/** A Retry-After longer than this is not waited for; the caller gets the 'rate-limited' error. */
export const MAX_RETRY_AFTER_SECONDS = 60;

// Retrying is only safe where repeating the request cannot do anything twice.
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD']);

function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function isAbort(error: unknown, signal: AbortSignal | null | undefined): boolean {
  return Boolean(signal?.aborted) || (error instanceof Error && error.name === 'AbortError');
}

function networkError(url: string, error: unknown, action: HubAction): HfApiError {
  const cause = messageOf(error);
  return new HfApiError(
    {
      kind: 'network',
      message: `Could not ${action.description}: ${new URL(url).origin} could not be reached (${cause}). Check the network connection and try again.`,
      url,
    },
    { cause: error },
  );
}

/**
 * A fetch for Hub calls that: passes `signal` along; retries 429 answers to GET/HEAD up to
 * {@link MAX_RATE_LIMIT_RETRIES} times, waiting what Retry-After asks (or 1 s, 2 s, 4 s, jittered
 * down to half); and
 * throws an {@link HfApiError} for network failures and every non-OK response, so callers (and
 * the @huggingface/hub functions it is handed to) only ever see successful responses.
 */
export function hubFetch({ fetch: baseFetch = globalThis.fetch, signal, action }: HubFetchOptions): typeof fetch {
  return async (input, init = {}) => {
    const url = requestUrl(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const requestSignal = init.signal ?? signal;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await baseFetch(input, { ...init, signal: requestSignal });
      } catch (error) {
        if (isAbort(error, requestSignal)) throw error;
        throw networkError(url, error, action);
      }
      if (response.ok) return response;
      const error = await hfApiErrorFromResponse(response, action);
      const waitSeconds = error.retryAfterSeconds ?? backoffDelayMs(attempt + 1, 1000) / 1000;
      const mayRetry =
        error.kind === 'rate-limited' &&
        IDEMPOTENT_METHODS.has(method) &&
        attempt < MAX_RATE_LIMIT_RETRIES &&
        waitSeconds <= MAX_RETRY_AFTER_SECONDS;
      if (!mayRetry) throw error;
      await abortableSleep(waitSeconds * 1000, requestSignal ?? undefined);
    }
  };
}
