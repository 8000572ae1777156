import { DEFAULT_HUB_URL, type HfCallOptions } from './hf-call-options.js';
import { HfApiError } from './hf-api-error.js';
import type { HubAction } from './hub-action.js';
import { hubFetch } from './hub-fetch.js';

/** Everything a Hub call needs: base URL, the error-mapping fetch and the auth header. */
export interface PreparedHubCall {
  hubUrl: string;
  fetch: typeof fetch;
  headers: Record<string, string>;
  accessToken: string;
}

/**
 * Checks the token's shape (Hub tokens start with `hf_`) before anything is sent, and prepares
 * the base URL, the {@link hubFetch} for this action and the Authorization header.
 *
 * @throws {HfApiError} kind 'unauthorized' for a missing or malformed token.
 */
export function prepareHubCall(options: HfCallOptions, action: HubAction): PreparedHubCall {
  const hubUrl = (options.hubUrl ?? DEFAULT_HUB_URL).replace(/\/+$/, '');
  if (!options.accessToken?.startsWith('hf_')) {
    throw new HfApiError({
      kind: 'unauthorized',
      message: `Could not ${action.description}: there is no valid Hugging Face access token (tokens start with "hf_"). Sign in again.`,
      url: hubUrl,
    });
  }
  return {
    hubUrl,
    fetch: hubFetch({ fetch: options.fetch, signal: options.signal, action }),
    headers: { Authorization: `Bearer ${options.accessToken}` },
    accessToken: options.accessToken,
  };
}
