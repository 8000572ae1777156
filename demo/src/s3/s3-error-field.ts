import type { S3FormField } from './s3-form.js';
import { formFieldOf } from './s3-form.js';

/** What `<s3-tree>` reports in `s3-tree-error` (core's S3Error, structurally). */
export interface S3ErrorLike {
  kind: string;
  message: string;
  field?: string;
  region?: string;
}

/**
 * The form field where a listing failure belongs, so the user fixes it where they typed it:
 * wrong secret → secret, missing bucket → bucket, … Undefined for problems that are not about one
 * field (CORS, which gets its own panel; cancelled listings).
 */
export function formFieldForS3Error(error: S3ErrorLike, { hasEndpoint, hasSessionToken }: { hasEndpoint: boolean; hasSessionToken: boolean }): S3FormField | undefined {
  switch (error.kind) {
    case 'invalid-input':
      return formFieldOf(error.field);
    case 'bad-credentials':
      return 'secretAccessKey';
    case 'expired-token':
      return hasSessionToken ? 'sessionToken' : 'accessKeyId';
    case 'access-denied':
      return 'accessKeyId';
    case 'no-such-bucket':
      return 'bucket';
    case 'wrong-region':
      return 'region';
    case 'unreachable':
    case 'network':
    case 'timeout':
      return hasEndpoint ? 'endpoint' : 'bucket';
    default:
      return undefined;
  }
}
