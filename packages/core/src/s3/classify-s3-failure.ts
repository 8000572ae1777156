import { createS3Error } from './create-s3-error.js';
import type { S3Connection } from './s3-connection.js';
import type { S3Error } from './s3-error.js';

/** The fields the AWS SDK puts on the errors it throws (all optional: network errors have few). */
interface SdkFailure {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  Region?: string;
  Endpoint?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string; attempts?: number };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
}

const BAD_CREDENTIALS = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'InvalidSecurity']);
const EXPIRED_TOKEN = new Set(['ExpiredToken', 'TokenRefreshRequired']);
const ACCESS_DENIED = new Set(['AccessDenied', 'AllAccessDisabled', 'AccountProblem']);
const REDIRECTS = new Set(['PermanentRedirect', 'TemporaryRedirect', 'Redirect']);
const THROTTLED = new Set(['SlowDown', 'InternalError', 'ServiceUnavailable', 'RequestTimeout', 'Throttling', 'ThrottlingException']);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// 'eu-west-1' out of endpoints like 'b.s3.eu-west-1.amazonaws.com' or 's3-eu-west-1.amazonaws.com'.
const REGION_IN_ENDPOINT = /(?:^|\.)s3[.-](?:dualstack\.)?([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com/;
const REGION_IN_MESSAGE = /expecting '([a-z0-9-]+)'/;

function asSdkFailure(error: unknown): SdkFailure {
  return typeof error === 'object' && error !== null ? (error as SdkFailure) : {};
}

/** HTTP status of the response behind an SDK error, or undefined when no response arrived. */
export function httpStatusOf(error: unknown): number | undefined {
  const failure = asSdkFailure(error);
  return failure.$metadata?.httpStatusCode ?? failure.$response?.statusCode;
}

function errorCodeOf(failure: SdkFailure): string | undefined {
  return failure.Code ?? (failure.name && failure.name !== 'Error' ? failure.name : undefined);
}

/** The bucket's real region as S3 reported it: header first, then the XML error body. */
export function bucketRegionOf(error: unknown): string | undefined {
  const failure = asSdkFailure(error);
  return (
    failure.$response?.headers?.['x-amz-bucket-region'] ??
    failure.Region ??
    failure.Endpoint?.match(REGION_IN_ENDPOINT)?.[1] ??
    failure.message?.match(REGION_IN_MESSAGE)?.[1]
  );
}

/**
 * True for a browser `fetch` that failed without any response (`TypeError: Failed to fetch`):
 * CORS refusals and unreachable servers look the same, so only a probe can tell them apart.
 */
export function isFetchFailure(error: unknown): boolean {
  return asSdkFailure(error).name === 'TypeError' && httpStatusOf(error) === undefined;
}

/**
 * True when trying the same request again may succeed: throttling, server errors, dropped
 * connections, and success answers that could not be read (cut or garbled bodies).
 */
export function isRetryableFailure(error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status === undefined || status < 300) return true;
  const code = errorCodeOf(asSdkFailure(error));
  return status >= 500 || status === 429 || (code !== undefined && THROTTLED.has(code));
}

/**
 * The SDK error as an S3Error's `cause`: its name, message, codes, status and request ids only.
 * The SDK copies every field of S3's error body onto the error, and AWS answers a bad signature
 * with the access key id, the string it signed and the signature it got; it also keeps the raw
 * response, whose request carries the Authorization and session-token headers. None of that may
 * reach a log through `console.error(error)`.
 */
export function redactedCause(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const failure = asSdkFailure(error);
  const summary = new Error(error.message);
  summary.name = error.name;
  const { httpStatusCode, requestId, extendedRequestId, attempts } = failure.$metadata ?? {};
  Object.assign(summary, {
    ...(failure.code === undefined ? {} : { code: failure.code }),
    ...(failure.Code === undefined ? {} : { Code: failure.Code }),
    ...(failure.$metadata ? { $metadata: { httpStatusCode, requestId, extendedRequestId, attempts } } : {}),
  });
  // The frames are the SDK's own; the first line repeats the (safe) message.
  summary.stack = error.stack;
  return summary;
}

/**
 * Turns an error thrown by the AWS SDK into an {@link S3Error}. Browser fetch failures come out as
 * 'network' here; use diagnoseFetchFailure to tell CORS from unreachable servers.
 */
export function classifyS3Failure(error: unknown, connection: S3Connection, attempts: number, folder?: string): S3Error {
  const failure = asSdkFailure(error);
  const status = httpStatusOf(error);
  const code = errorCodeOf(failure);
  const facts = { connection, status, code, attempts, folder, cause: redactedCause(error) };
  if (status === undefined) {
    const unreachable = failure.code !== undefined && UNREACHABLE_CODES.has(failure.code);
    return createS3Error(unreachable ? 'unreachable' : 'network', { ...facts, code: failure.code });
  }
  const region = bucketRegionOf(error);
  if (code === 'AuthorizationHeaderMalformed') {
    return region ? createS3Error('wrong-region', { ...facts, region }) : createS3Error('bad-credentials', facts);
  }
  if (code && BAD_CREDENTIALS.has(code)) return createS3Error('bad-credentials', facts);
  if (code && EXPIRED_TOKEN.has(code)) return createS3Error('expired-token', facts);
  if ((code && REDIRECTS.has(code)) || status === 301 || status === 307) {
    return createS3Error('wrong-region', { ...facts, region });
  }
  if ((code && ACCESS_DENIED.has(code)) || status === 403) return createS3Error('access-denied', facts);
  if (code === 'NoSuchBucket' || status === 404) return createS3Error('no-such-bucket', facts);
  // The SDK says 'UnknownError' when the body had no message; that helps nobody.
  const serverMessage = failure.message === 'UnknownError' ? undefined : failure.message?.slice(0, 300);
  return createS3Error('unknown', { ...facts, serverMessage });
}
