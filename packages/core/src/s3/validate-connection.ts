import type { S3Connection } from './s3-connection.js';
import { S3Error } from './s3-error.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
// S3-compatible stores name regions freely ('auto' on R2, 'garage', zone-group names on Ceph).
const CUSTOM_REGION = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const BUCKET_CHARACTERS = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;
const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

function invalid(field: string, message: string): S3Error {
  return new S3Error('invalid-input', message, { field });
}

/** Throws an 'invalid-input' {@link S3Error} unless `bucket` follows the S3 bucket naming rules. */
export function validateBucketName(bucket: string): void {
  const problem =
    bucket.length < 3 || bucket.length > 63
      ? 'must be 3 to 63 characters long'
      : !BUCKET_CHARACTERS.test(bucket)
        ? 'may only contain lowercase letters, digits, dots and hyphens, and must start and end with a letter or digit'
        : bucket.includes('..')
          ? 'must not contain two dots in a row'
          : IP_ADDRESS.test(bucket)
            ? 'must not look like an IP address'
            : RESERVED_BUCKET_PREFIXES.some((prefix) => bucket.startsWith(prefix)) ||
                RESERVED_BUCKET_SUFFIXES.some((suffix) => bucket.endsWith(suffix))
              ? 'uses a prefix or suffix that S3 reserves'
              : undefined;
  if (problem) throw invalid('bucket', `The bucket name "${bucket}" ${problem}. Copy the name exactly as the S3 console shows it.`);
}

/**
 * Throws an 'invalid-input' {@link S3Error} unless `endpoint` is an https URL (http only for this
 * machine) without credentials, query or fragment. The messages never repeat the value: a pasted
 * URL may carry a password.
 */
export function validateEndpoint(endpoint: string): void {
  // The URL parser would silently drop spaces, tabs and line breaks; a paste accident should show.
  if (/[\s\x00-\x1f\x7f]/.test(endpoint)) {
    throw invalid('endpoint', 'The endpoint contains spaces, line breaks or control characters. Paste it again without them, like https://s3.example.com.');
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw invalid('endpoint', 'The endpoint is not a URL. Enter it like https://s3.example.com.');
  }
  if (url.username || url.password) {
    throw invalid('endpoint', 'The endpoint must not contain a user name or password. Enter the keys in the credential fields instead.');
  }
  // `search` and `hash` are empty for a bare "?" or "#", which would still end up in requests.
  if (/[?#]/.test(url.href)) {
    throw invalid('endpoint', 'The endpoint must not have a query or fragment. Enter only the server address, like https://s3.example.com.');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) {
    throw invalid('endpoint', `The endpoint must use https:// (plain http is only allowed for localhost, 127.0.0.1 and [::1]); ${url.protocol}//${url.host} does not.`);
  }
}

/** Throws an 'invalid-input' {@link S3Error} unless `region` looks like a region name. */
export function validateRegion(region: string, hasCustomEndpoint: boolean): void {
  const pattern = hasCustomEndpoint ? CUSTOM_REGION : AWS_REGION;
  if (!pattern.test(region)) {
    throw invalid('region', `"${region}" is not a valid region. Enter a region code such as us-east-1 or eu-west-3.`);
  }
}

/**
 * Throws an 'invalid-input' {@link S3Error} unless `path` is '' or a folder path ending with '/'
 * with no empty, '.' or '..' segment ('//' would be an empty segment).
 */
export function validateFolderPath(path: string, field: string): void {
  if (path === '') return;
  if (!path.endsWith('/')) {
    throw invalid(field, `The folder "${path}" must end with "/" (or be empty for the top of the bucket).`);
  }
  const segments = path.slice(0, -1).split('/');
  if (segments.some((segment) => segment === '' || segment === '..')) {
    throw invalid(field, `The folder "${path}" must not start with "/" or contain "//" or "..".`);
  }
}

/**
 * Throws an 'invalid-input' {@link S3Error} unless `folder` is '' or ends with '/'. Unlike a typed
 * prefix, a folder to list comes from S3 itself (a CommonPrefix), where empty and `..` names are
 * legal: keys like `/x`, `a//b` or `a/../b` give the folders `/`, `a//` and `a/../`.
 */
export function validateListedFolder(folder: string, field = 'folder'): void {
  if (folder !== '' && !folder.endsWith('/')) {
    throw invalid(field, `The folder "${folder}" must end with "/" (or be empty for the top of the bucket).`);
  }
}

function validateCredentials(connection: S3Connection): void {
  if (connection.anonymous) return;
  const { credentials } = connection;
  if (!credentials?.accessKeyId) {
    throw invalid('credentials.accessKeyId', 'Enter an access key ID, or choose anonymous access for a public bucket.');
  }
  if (!credentials.secretAccessKey) {
    throw invalid('credentials.secretAccessKey', 'Enter the secret access key that belongs to the access key ID.');
  }
  // Pasted keys often carry stray spaces or line breaks, which S3 would only report as a bad signature.
  if (/\s/.test(credentials.accessKeyId)) {
    throw invalid('credentials.accessKeyId', 'The access key ID contains spaces or line breaks. Paste it again without them.');
  }
  if (/\s/.test(credentials.secretAccessKey)) {
    throw invalid('credentials.secretAccessKey', 'The secret access key contains spaces or line breaks. Paste it again without them.');
  }
  if (credentials.sessionToken !== undefined && /\s/.test(credentials.sessionToken)) {
    throw invalid('credentials.sessionToken', 'The session token contains spaces or line breaks. Paste it again without them.');
  }
}

/**
 * Checks everything about a connection that can be checked without asking S3.
 *
 * @throws S3Error of kind 'invalid-input' whose `field` names the bad setting.
 * @example
 * validateConnection({ bucket: 'Bad_Name', region: 'us-east-1', anonymous: true }); // throws, field 'bucket'
 */
export function validateConnection(connection: S3Connection): void {
  validateBucketName(connection.bucket);
  if (connection.endpoint !== undefined) validateEndpoint(connection.endpoint);
  validateRegion(connection.region, connection.endpoint !== undefined);
  validateFolderPath(connection.prefix ?? '', 'prefix');
  validateCredentials(connection);
}
