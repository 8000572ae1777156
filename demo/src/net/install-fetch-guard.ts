import { isAllowedConnection, type ConnectionPolicyInput } from './connection-policy.js';
import { guardFetch } from './fetch-guard.js';

/** Widens or narrows what the page's guarded fetch lets through, as the user connects S3. */
export interface ConnectionPolicyControl {
  /** Allow the S3 endpoint the user entered (undefined: AWS S3). */
  allowS3(endpoint: string | undefined): void;
  /** Back to the hub only (after sign-out or while the form is edited). */
  forbidS3(): void;
}

/**
 * Replaces `window.fetch` (used by core, @huggingface/hub and the AWS SDK alike) with one that
 * only reaches this page, the hub and the S3 endpoint in use.
 */
export function installFetchGuard(target: Window, { hubUrl }: { hubUrl: string }): ConnectionPolicyControl {
  const policy: ConnectionPolicyInput = { pageOrigin: target.location.origin, hubUrl };
  target.fetch = guardFetch(target.fetch.bind(target), (url) => isAllowedConnection(url, policy), target.location.href);
  return {
    allowS3(endpoint) {
      policy.s3 = { endpoint };
    },
    forbidS3() {
      policy.s3 = undefined;
    },
  };
}
