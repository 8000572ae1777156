/** What went wrong with a Hugging Face API call, for deciding what to show or retry. */
export type HfApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'invalid-input';

/** The fields of an {@link HfApiError}. */
export interface HfApiErrorInit {
  kind: HfApiErrorKind;
  message: string;
  url: string;
  /** Undefined when no response arrived (kind 'network') or the call was refused before sending. */
  statusCode?: number;
  requestId?: string;
  /** The parsed error body (`{ error: … }` on the Hub), or `{ message: text }` for non-JSON bodies. */
  data?: unknown;
  /** From a 429's Retry-After header. */
  retryAfterSeconds?: number;
}

/**
 * A failed Hugging Face API call. `kind` is the discriminant; the message says what to do
 * (sign in again, which scope is missing, wait and retry…). URLs and messages never carry tokens.
 */
export class HfApiError extends Error {
  override readonly name = 'HfApiError';
  readonly kind: HfApiErrorKind;
  readonly statusCode: number | undefined;
  readonly url: string;
  readonly requestId: string | undefined;
  readonly data: unknown;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: HfApiErrorInit, options?: { cause?: unknown }) {
    super(init.message, options);
    this.kind = init.kind;
    this.statusCode = init.statusCode;
    this.url = init.url;
    this.requestId = init.requestId;
    this.data = init.data;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}
