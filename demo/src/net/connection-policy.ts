/** Where the page may send requests right now. */
export interface ConnectionPolicyInput {
  /** The page's own origin (its files). */
  pageOrigin: string;
  hubUrl: string;
  /**
   * The S3 side once the user entered it: their endpoint, or AWS S3 when `endpoint` is undefined.
   * Undefined before that: no S3 request is allowed.
   */
  s3?: { endpoint?: string };
}

// AWS S3 hosts: s3.amazonaws.com, s3.<region>.amazonaws.com, <bucket>.s3.<region>.amazonaws.com,
// dual-stack and FIPS variants. Regions change when the SDK follows a bucket's real region.
const AWS_S3_HOST = /^(?:[a-z0-9.-]+\.)?s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/;

/**
 * Whether `url` is one of the places the page talks to: itself, the hub, and the S3 endpoint the
 * user entered (any AWS S3 host over https when they entered none).
 *
 * @example
 * isAllowedConnection(new URL('https://evil.example/x'), { pageOrigin, hubUrl }) // false
 */
export function isAllowedConnection(url: URL, { pageOrigin, hubUrl, s3 }: ConnectionPolicyInput): boolean {
  if (url.origin === pageOrigin || url.origin === new URL(hubUrl).origin) return true;
  if (!s3) return false;
  if (s3.endpoint !== undefined) return url.origin === new URL(s3.endpoint).origin;
  return url.protocol === 'https:' && AWS_S3_HOST.test(url.hostname);
}
