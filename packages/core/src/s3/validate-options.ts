import { S3Error } from './s3-error.js';

/** S3's largest ListObjectsV2 page. */
export const MAX_PAGE_SIZE = 1000;

function requireWholeNumber(field: string, value: number, min: number, max = Infinity): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new S3Error('invalid-input', `${field} must be a whole number ${range}.`, { field });
  }
}

/** Throws an 'invalid-input' {@link S3Error} unless `pageSize` is a valid ListObjectsV2 `MaxKeys`. */
export function validatePageSize(pageSize: number): void {
  requireWholeNumber('pageSize', pageSize, 1, MAX_PAGE_SIZE);
}

/** Throws an 'invalid-input' {@link S3Error} unless `concurrency` is a whole number ≥ 1. */
export function validateConcurrency(concurrency: number): void {
  requireWholeNumber('concurrency', concurrency, 1);
}

/** Throws an 'invalid-input' {@link S3Error} unless the retry and time-out settings make sense. */
export function validateRequestOptions(maxAttempts: number, requestTimeoutMs: number): void {
  requireWholeNumber('maxAttempts', maxAttempts, 1);
  if (!(requestTimeoutMs > 0)) {
    throw new S3Error('invalid-input', 'requestTimeoutMs must be a positive number of milliseconds.', {
      field: 'requestTimeoutMs',
    });
  }
}
