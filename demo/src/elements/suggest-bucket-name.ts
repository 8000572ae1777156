/**
 * A destination bucket name derived from the S3 bucket's, valid under the Hub's name rules
 * (1–96 of [A-Za-z0-9._-], no '--' or '..', no leading or trailing '.' or '-').
 *
 * @example
 * suggestBucketName('my.data--2024') // 'my.data-2024'
 */
export function suggestBucketName(s3Bucket: string): string {
  const name = s3Bucket
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .slice(0, 96)
    .replace(/^[.-]+|[.-]+$/g, '');
  return name || 'imported-data';
}
