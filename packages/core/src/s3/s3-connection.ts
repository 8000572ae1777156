/** Credentials of an S3 user; temporary credentials also carry a session token. */
export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present with temporary (STS / SSO) credentials. */
  sessionToken?: string;
}

/**
 * Where to read: one bucket, optionally through an S3-compatible endpoint, with a source prefix
 * that every listed key is reported relative to.
 *
 * Treat a connection as immutable: the S3 client is cached per connection object, so a changed
 * setting needs a new object (e.g. `{ ...connection, region }`).
 *
 * @example
 * const connection: S3Connection = {
 *   bucket: 'my-datasets', region: 'eu-west-1', prefix: 'imagenet/',
 *   credentials: { accessKeyId, secretAccessKey },
 * };
 */
export interface S3Connection {
  bucket: string;
  region: string;
  /** S3-compatible endpoint such as `https://minio.example.com`; AWS S3 when absent. */
  endpoint?: string;
  /** Source prefix: '' or ending with '/'. Listed keys are relative to it. */
  prefix?: string;
  /** Required unless `anonymous`. */
  credentials?: S3Credentials;
  /** Send unsigned requests, for public buckets. */
  anonymous?: boolean;
  /** Address the bucket in the path (`endpoint/bucket`); default true when `endpoint` is given. */
  forcePathStyle?: boolean;
}
