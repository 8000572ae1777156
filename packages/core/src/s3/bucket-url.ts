import type { S3Connection } from './s3-connection.js';

/**
 * The URL of the bucket itself, addressed the way the SDK addresses it for this connection
 * (path style for custom endpoints, virtual-hosted on AWS unless the name has dots).
 *
 * @example
 * bucketUrl({ bucket: 'b', region: 'us-east-1', endpoint: 'http://127.0.0.1:7480' }) // 'http://127.0.0.1:7480/b'
 */
export function bucketUrl(connection: S3Connection): string {
  const { bucket, endpoint } = connection;
  if (endpoint) {
    const base = new URL(endpoint);
    const path = base.pathname.replace(/\/+$/, '');
    const pathStyle = connection.forcePathStyle ?? true;
    return pathStyle
      ? `${base.protocol}//${base.host}${path}/${bucket}`
      : `${base.protocol}//${bucket}.${base.host}${path}/`;
  }
  const host = `s3.${connection.region}.amazonaws.com`;
  // Dots in a virtual-hosted name would break the TLS wildcard certificate.
  return bucket.includes('.') || connection.forcePathStyle ? `https://${host}/${bucket}` : `https://${bucket}.${host}/`;
}
