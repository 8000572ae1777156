/** What went wrong, coarse enough for the UI to pick a remedy. */
export type S3ErrorKind =
  | 'bad-credentials'
  | 'expired-token'
  | 'access-denied'
  | 'no-such-bucket'
  | 'wrong-region'
  | 'cors-blocked'
  | 'unreachable'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid-input'
  | 'unknown';

/** Extra facts about an {@link S3Error}. */
export interface S3ErrorDetails {
  /** The bucket's real region, for 'wrong-region' when S3 told us. */
  region?: string;
  /** HTTP status of the failing response, when there was one. */
  status?: number;
  /** S3 error code such as 'SignatureDoesNotMatch'. */
  code?: string;
  /** The offending input, for 'invalid-input' (e.g. 'bucket', 'endpoint', 'credentials.accessKeyId'). */
  field?: string;
  /**
   * The folder whose listing failed, relative to the connection's source prefix ('' = its top),
   * so a page can show the error on that folder's row while the others stay usable.
   */
  folder?: string;
  cause?: unknown;
}

/**
 * Any failure of the S3 listing functions. `message` says what to do and never contains
 * credentials; switch on `kind` to react.
 *
 * @example
 * try { await listFolder(connection, '') }
 * catch (error) { if (error instanceof S3Error && error.kind === 'wrong-region') retryIn(error.region) }
 */
export class S3Error extends Error {
  override readonly name = 'S3Error';
  readonly kind: S3ErrorKind;
  readonly region?: string;
  readonly status?: number;
  readonly code?: string;
  readonly field?: string;
  readonly folder?: string;

  constructor(kind: S3ErrorKind, message: string, details: S3ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.region = details.region;
    this.status = details.status;
    this.code = details.code;
    this.field = details.field;
    this.folder = details.folder;
  }
}
