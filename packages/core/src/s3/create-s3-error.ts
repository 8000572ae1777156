import type { S3Connection } from './s3-connection.js';
import { S3Error, type S3ErrorKind } from './s3-error.js';

/** Facts gathered about a failure, turned into a message by {@link createS3Error}. */
export interface S3FailureFacts {
  connection: S3Connection;
  region?: string;
  status?: number;
  code?: string;
  /** The server's own message, for errors we have no better words for. */
  serverMessage?: string;
  /** How many requests were tried before giving up. */
  attempts?: number;
  requestTimeoutMs?: number;
  /** The folder being listed, relative to the source prefix; named in messages about it. */
  folder?: string;
  cause?: unknown;
}

type RuntimeKind = Exclude<S3ErrorKind, 'invalid-input'>;

function where(connection: S3Connection): string {
  return connection.endpoint
    ? `bucket "${connection.bucket}" at ${connection.endpoint}`
    : `bucket "${connection.bucket}" on AWS S3`;
}

function server(connection: S3Connection): string {
  return connection.endpoint ?? `AWS S3 (${connection.region})`;
}

function pageOrigin(): string {
  return typeof location === 'undefined' ? 'this page' : location.origin;
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** ' the folder "x/" in' / ' in' style phrase, or '' at the top of the source prefix. */
function ofFolder(folder: string | undefined): string {
  return folder ? ` the folder "${folder}" in` : '';
}

function afterAttempts(attempts: number | undefined): string {
  return attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
}

const messages: Record<RuntimeKind, (facts: S3FailureFacts) => string> = {
  'bad-credentials': ({ connection }) =>
    `S3 rejected the access key or secret for ${where(connection)}. ` +
    'Check that the access key ID and secret access key are correct, complete and belong together.',
  'expired-token': () =>
    'The session token of these temporary credentials has expired. ' +
    'Get a fresh access key, secret and session token, then try again.',
  'access-denied': ({ connection, folder }) =>
    connection.anonymous
      ? `Anonymous listing is not allowed on${ofFolder(folder)} ${where(connection)}. Enter credentials, or make the bucket public.`
      : folder
        ? `These credentials may not list${ofFolder(folder)} ${where(connection)}. ` +
          `Grant them s3:ListBucket on arn:aws:s3:::${connection.bucket} for the prefix "${(connection.prefix ?? '') + folder}" ` +
          '(and s3:GetObject on its objects), or leave this folder out of the import.'
        : `These credentials may not list ${where(connection)}. ` +
          `Grant them s3:ListBucket on arn:aws:s3:::${connection.bucket} (and s3:GetObject on its objects), or use other credentials.`,
  'no-such-bucket': ({ connection }) =>
    `There is no ${where(connection)}. Check the bucket name${connection.endpoint ? ' and the endpoint' : ''}.`,
  'wrong-region': ({ connection, region }) =>
    region
      ? `This bucket is in ${region}; set the region to ${region}.`
      : `Bucket "${connection.bucket}" is not in ${connection.region}. Set the region the bucket was created in.`,
  'cors-blocked': ({ connection }) =>
    `The browser blocked the answer from ${where(connection)}: the bucket has no CORS rule that lets ${pageOrigin()} read it ` +
    '(or the bucket does not exist). Add a CORS rule allowing GET and HEAD from this origin to the bucket ' +
    '(S3 console → bucket → Permissions → Cross-origin resource sharing), then try again.',
  unreachable: ({ connection }) =>
    `Could not reach ${server(connection)}. Check the endpoint address and your network connection, then try again.`,
  network: ({ connection, attempts }) =>
    `The connection to ${server(connection)} failed${afterAttempts(attempts)}. Check your network connection and try again.`,
  timeout: ({ connection, requestTimeoutMs }) =>
    `${server(connection)} did not answer within ${duration(requestTimeoutMs ?? 0)}. ` +
    'Check the endpoint and your network connection, then try again.',
  aborted: () => 'The S3 request was cancelled.',
  unknown: ({ connection, code, status, serverMessage, attempts, folder }) =>
    `S3 answered ${[code, status && `HTTP ${status}`].filter(Boolean).join(', ') || 'with an unexpected error'} ` +
    `for${ofFolder(folder)} ${where(connection)}${afterAttempts(attempts)}${serverMessage ? `: ${serverMessage}` : ''}. Try again later; ` +
    'if it keeps failing, check the bucket settings.',
};

/**
 * Builds the {@link S3Error} for a failure, with a message that says what to do. Messages use
 * the bucket, endpoint and region only, never credentials.
 */
export function createS3Error(kind: RuntimeKind, facts: S3FailureFacts): S3Error {
  return new S3Error(kind, messages[kind](facts), {
    region: facts.region,
    status: facts.status,
    code: facts.code,
    folder: facts.folder,
    cause: facts.cause,
  });
}
