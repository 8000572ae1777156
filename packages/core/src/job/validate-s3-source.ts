import { DEFAULT_S3_REGION } from './import-job-defaults.js';
import type { S3Source } from './import-job-types.js';
import { JobInputError } from './job-input-error.js';
import { validateFolderPrefix } from './validate-folder-prefix.js';

/** An {@link S3Source} after validation, with defaults filled in. */
export interface ValidatedS3Source {
  bucket: string;
  prefix: string;
  region: string;
  endpoint?: string;
  anonymous: boolean;
}

const BUCKET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/;
const REGION = /^[A-Za-z0-9_-]{1,64}$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function validateEndpoint(endpoint: string): string {
  // The URL parser would silently drop spaces, tabs and line breaks; a paste accident should show.
  if (/[\s\x00-\x1f\x7f]/.test(endpoint)) {
    throw new JobInputError('source.endpoint', 'The endpoint contains spaces, line breaks or control characters; paste it again without them.');
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new JobInputError('source.endpoint', 'The endpoint is not a URL; write it like https://s3.example.com.');
  }
  // Never echo the value here: a URL with user:password@ would put a credential in the message.
  if (url.username || url.password) {
    throw new JobInputError('source.endpoint', 'The endpoint must not contain a user name or password; enter the keys in the credential fields.');
  }
  const isLoopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
    throw new JobInputError('source.endpoint', 'The endpoint must use https:// (plain http:// is only allowed for localhost, 127.0.0.1 and [::1]).');
  }
  // `search` and `hash` are empty for a bare "?" or "#", which would still reach botocore.
  if (/[?#]/.test(url.href)) {
    throw new JobInputError('source.endpoint', 'The endpoint must not have a query string or fragment; enter just the server URL.');
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Validates the S3 side of an import: bucket name, folder prefix ('' or ending with '/'), region
 * and endpoint (https only, except http on loopback for local test servers).
 *
 * @throws {JobInputError} naming the offending `source.*` field.
 */
export function validateS3Source(source: S3Source): ValidatedS3Source {
  if (!BUCKET_NAME.test(source.bucket)) {
    throw new JobInputError(
      'source.bucket',
      `"${source.bucket}" is not an S3 bucket name: use 3–255 letters, digits, '.', '_' or '-', starting and ending with a letter or digit.`,
    );
  }
  const region = source.region ?? DEFAULT_S3_REGION;
  if (!REGION.test(region)) {
    throw new JobInputError('source.region', `"${region}" is not a region name; write it like "eu-west-1".`);
  }
  return {
    bucket: source.bucket,
    prefix: validateFolderPrefix(source.prefix ?? '', 'source.prefix', { addTrailingSlash: false }),
    region,
    ...(source.endpoint ? { endpoint: validateEndpoint(source.endpoint) } : {}),
    anonymous: source.anonymous ?? false,
  };
}
