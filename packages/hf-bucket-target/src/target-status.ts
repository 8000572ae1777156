import type { BucketCheck } from './bucket-check.js';

/** How the status line looks; 'none' hides it. */
export type StatusTone = 'none' | 'neutral' | 'busy' | 'success' | 'info' | 'warning' | 'error';

/** A piece of status text; `{ code }` is a name or path, shown in monospace. */
export type StatusSegment = string | { code: string };

/** The status line under the destination fields. */
export interface TargetStatus {
  tone: StatusTone;
  headline: StatusSegment[];
  detail: StatusSegment[];
  /** The server's own words ("HTTP 403: …"), for support; shown smaller. */
  technical?: string;
  /** Whether the bucket exists, so a link to its Hub page leads somewhere. */
  linkToBucket: boolean;
}

/** What the status line is computed from. */
export interface TargetStatusInput {
  /** `namespace/name`, or undefined while the fields are invalid. */
  id: string | undefined;
  /** The folder: '' or ending with '/'; undefined while the folder field is invalid. */
  prefix: string | undefined;
  private: boolean;
  createIfMissing: boolean;
  signedIn: boolean;
  /** Why the token cannot be used at all (e.g. it expired), whatever the destination. */
  accountProblem?: { headline: string; message: string };
  /** Why nothing can be written in the chosen namespace, whatever the bucket's state. */
  blocked?: { headline: string; message: string };
  /** The check of `id`, if one was made. */
  check: BucketCheck | undefined;
}

const visibility = (isPrivate: boolean | undefined) => (isPrivate === undefined ? '' : isPrivate ? ' (private)' : ' (public)');

function whereFilesGo(prefix: string | undefined): StatusSegment[] {
  if (prefix === undefined) return [];
  return prefix ? ['Files will be added under ', { code: prefix }] : ['Files will be added at the top of the bucket.'];
}

const FAILURE_HEADLINES: Partial<Record<string, string>> = {
  unauthorized: 'Sign in again',
  network: 'Could not reach Hugging Face',
  'rate-limited': 'Too many requests',
  server: 'Hugging Face had a problem',
};

const status = (tone: StatusTone, headline: StatusSegment[], detail: StatusSegment[] = [], linkToBucket = false): TargetStatus => ({
  tone,
  headline,
  detail,
  linkToBucket,
});

/**
 * The status line for a destination: whether the bucket exists (and its visibility), will be
 * created, cannot be created, or why it could not be checked, and where the files will go.
 */
export function describeTargetStatus(input: TargetStatusInput): TargetStatus {
  const { id, check } = input;
  if (!input.signedIn) {
    return status(
      'neutral',
      ['Not signed in'],
      id ? ['Sign in with Hugging Face to check whether ', { code: id }, ' exists.'] : ['Sign in with Hugging Face to choose a namespace and check the bucket.'],
    );
  }
  if (input.accountProblem) return errorStatus(input.accountProblem.headline, input.accountProblem.message);
  if (!id) return status('none', []);
  // A refusal from the Hub itself is the most specific thing known; whoami's verdict comes next.
  if (check?.state === 'failed') return failure(check, id);
  if (input.blocked) return errorStatus(input.blocked.headline, input.blocked.message);
  switch (check?.state) {
    case undefined:
    case 'checking':
      return status('busy', ['Checking ', { code: id }, '…']);
    case 'creating':
      return status('busy', ['Creating ', { code: id }, '…']);
    case 'exists':
      return status(
        'success',
        check.created ? ['Created ', { code: id }, visibility(check.private)] : [{ code: id }, ` exists${visibility(check.private)}`],
        whereFilesGo(input.prefix),
        true,
      );
    case 'missing':
      return input.createIfMissing
        ? status('info', [{ code: id }, ` will be created${visibility(input.private)}`], ['It does not exist yet. ', ...whereFilesGo(input.prefix)])
        : status('warning', [{ code: id }, ' does not exist'], ['“Create if missing” is off: turn it on, or choose an existing bucket.']);
  }
}

// Hub error messages end with "(HTTP 403: what the server said; request id …)".
const TECHNICAL_SUFFIX = /\s*\((HTTP \d{3}\b[^]*)\)\s*$/;

/** An error line: what to do, then the server's own words on a line of their own. */
function errorStatus(headline: string, message: string): TargetStatus {
  const match = TECHNICAL_SUFFIX.exec(message);
  const advice = match ? message.slice(0, match.index) : message;
  return { ...status('error', [headline], [advice]), ...(match ? { technical: match[1] } : {}) };
}

function failure(check: Extract<BucketCheck, { state: 'failed' }>, id: string): TargetStatus {
  const namespace = id.slice(0, id.indexOf('/'));
  const headline = check.kind === 'forbidden' ? `No write access in ${namespace}` : (FAILURE_HEADLINES[check.kind ?? ''] ?? `Could not use ${id}`);
  return errorStatus(headline, check.message);
}
