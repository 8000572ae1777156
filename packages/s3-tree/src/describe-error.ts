import { messageOf } from '@s3-to-hf/core/format';
import { S3Error, type S3ErrorKind } from '@s3-to-hf/core/s3';

const TITLES: Record<S3ErrorKind, string> = {
  'bad-credentials': 'S3 rejected these credentials',
  'expired-token': 'The session token has expired',
  'access-denied': 'Access denied',
  'no-such-bucket': 'Bucket not found',
  'wrong-region': 'Wrong region',
  'cors-blocked': 'The browser may not read this bucket',
  unreachable: 'Cannot reach the S3 server',
  network: 'The connection failed',
  timeout: 'S3 did not answer in time',
  aborted: 'Cancelled',
  'invalid-input': 'Check the connection settings',
  unknown: 'S3 answered with an error',
};

/** A short headline for an error; the error's message says what to do. */
export function errorTitle(error: S3Error): string {
  return TITLES[error.kind] ?? TITLES.unknown;
}

/**
 * Any failure as an S3Error, so that events always carry one. Core functions already throw
 * S3Errors; anything else is a bug or a model refusal, reported as `unknown` with its message.
 */
export function asS3Error(error: unknown, doing: string): S3Error {
  if (error instanceof S3Error) return error;
  const reason = messageOf(error);
  return new S3Error('unknown', `${doing} failed: ${reason} Reload the tree and try again.`, { cause: error });
}
