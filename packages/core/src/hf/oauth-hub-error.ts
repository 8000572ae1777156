import { HubApiError } from '@huggingface/hub';
import { messageOf } from '../format/message-of.js';
import { HfApiError } from './hf-api-error.js';

/**
 * Turns what @huggingface/hub's OAuth helpers throw (HubApiError for an HTTP error, TypeError for
 * a network failure) into an {@link HfApiError} whose message says what to do. Its own messages
 * are not reused: some of them quote the redirected URL, which holds the one-time code.
 */
export function oauthHubError(error: unknown, { hubUrl, step }: { hubUrl: string; step: string }): HfApiError {
  if (error instanceof HfApiError) return error;
  const origin = new URL(hubUrl).origin;
  if (error instanceof HubApiError) {
    const status = error.statusCode;
    const data = (error.data ?? {}) as Record<string, unknown>;
    const reason = [data.error, data.error_description].filter((part) => typeof part === 'string' && part).join(': ');
    const detail = `HTTP ${status}${reason ? `: ${reason}` : ''}`;
    const kind = status >= 500 ? 'server' : status === 429 ? 'rate-limited' : status === 404 ? 'not-found' : 'unauthorized';
    const advice =
      kind === 'server' || kind === 'rate-limited'
        ? 'Try again in a minute.'
        : kind === 'not-found'
          ? `Check that ${origin} is a Hugging Face hub.`
          : 'Sign in again.';
    return new HfApiError(
      { kind, message: `Could not ${step}: ${origin} refused (${detail}). ${advice}`, url: error.url, statusCode: status, requestId: error.requestId, data: error.data },
      { cause: error },
    );
  }
  const cause = messageOf(error);
  return new HfApiError(
    { kind: 'network', message: `Could not ${step}: ${origin} could not be reached (${cause}). Check the network connection and try again.`, url: hubUrl },
    { cause: error },
  );
}
