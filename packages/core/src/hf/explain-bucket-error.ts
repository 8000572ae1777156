import type { BucketNamespace } from './bucket-namespaces.js';
import { HfApiError } from './hf-api-error.js';

/** What {@link explainBucketError} knows about where the bucket was looked for or created. */
export interface BucketErrorContext {
  namespace: string;
  /** The signed-in user's namespaces (listBucketNamespaces), when known. */
  namespaces?: readonly BucketNamespace[];
}

function serverDetail(error: HfApiError): string {
  const data = typeof error.data === 'object' && error.data !== null ? (error.data as Record<string, unknown>) : {};
  const message = typeof data.error === 'string' ? data.error : '';
  return error.statusCode === undefined ? '' : ` (HTTP ${error.statusCode}${message ? `: ${message}` : ''})`;
}

/**
 * One message for a failed bucket check or creation, saying what to do. A 403 in a namespace
 * whoami already marked as not writable says why (read role in the org, read-only token, missing
 * scope), and one in a namespace that is not the user's says so; anything else keeps the
 * HfApiError's own message, which names the missing permission or says to sign in again.
 *
 * @example
 * explainBucketError(error, { namespace: 'readonly-org', namespaces });
 * // → 'You have the "read" role in "readonly-org", so you cannot create or write buckets there. … (HTTP 403: …)'
 */
export function explainBucketError(error: unknown, { namespace, namespaces }: BucketErrorContext): string {
  if (!(error instanceof Error)) return `Something went wrong: ${String(error)}`;
  if (!(error instanceof HfApiError) || error.kind !== 'forbidden' || !namespaces) return error.message;
  const known = namespaces.find((candidate) => candidate.name === namespace);
  if (known?.canWrite === false && known.reason) return `${known.reason}${serverDetail(error)}`;
  if (!known && namespaces.length > 0) {
    return `"${namespace}" is neither your namespace nor one of your organizations, so you cannot create or write buckets there. Choose one of yours: ${namespaces.map((candidate) => candidate.name).join(', ')}.${serverDetail(error)}`;
  }
  return error.message;
}
