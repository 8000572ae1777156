import { HfApiError, type HfApiErrorKind } from './hf-api-error.js';
import { PERMISSION_HINTS, type HubAction } from './hub-action.js';
import { parseRetryAfter } from './parse-retry-after.js';

const MAX_SERVER_MESSAGE_LENGTH = 300;

function kindOf(status: number): HfApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  return status >= 500 ? 'server' : 'invalid-input';
}

async function readErrorBody(response: Response): Promise<{ data: unknown; serverMessage: string }> {
  const text = await response.text().catch(() => '');
  try {
    const data: unknown = JSON.parse(text);
    const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const message = [fields.error, fields.message].find((value) => typeof value === 'string');
    return { data, serverMessage: typeof message === 'string' ? message : '' };
  } catch {
    return { data: { message: text }, serverMessage: text.slice(0, MAX_SERVER_MESSAGE_LENGTH) };
  }
}

function advice(kind: HfApiErrorKind, action: HubAction, retryAfterSeconds: number | undefined): string {
  switch (kind) {
    case 'unauthorized':
      return 'Hugging Face did not accept the access token (it may have expired or been revoked). Sign in again.';
    case 'forbidden':
      return action.permission
        ? `The token is not allowed to do this. It needs ${PERMISSION_HINTS[action.permission]}; sign in again and grant it, or use a token that has it.`
        : 'The token is not allowed to do this; sign in again with the needed permissions.';
    case 'not-found':
      return 'It does not exist, or this token cannot see it. Check the namespace and name.';
    case 'conflict':
      return 'It already exists.';
    case 'rate-limited':
      return `Hugging Face is rate-limiting requests. Wait ${retryAfterSeconds === undefined ? 'a minute' : `${Math.ceil(retryAfterSeconds)} s`} and try again.`;
    case 'server':
      return 'Hugging Face had a server error. Try again in a few minutes; if it persists, check https://status.huggingface.co.';
    default:
      return 'Hugging Face rejected the request.';
  }
}

/**
 * Turns a non-OK Hub response into an {@link HfApiError} whose message says what failed, why
 * (the server's own message), and what to do.
 */
export async function hfApiErrorFromResponse(response: Response, action: HubAction): Promise<HfApiError> {
  const kind = kindOf(response.status);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const { data, serverMessage } = await readErrorBody(response);
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  const detail = serverMessage ? `HTTP ${response.status}: ${serverMessage}` : `HTTP ${response.status}`;
  return new HfApiError({
    kind,
    message: `Could not ${action.description}. ${advice(kind, action, retryAfterSeconds)} (${detail}${requestId ? `; request id ${requestId}` : ''})`,
    statusCode: response.status,
    url: response.url,
    requestId,
    data,
    retryAfterSeconds,
  });
}
