import { HfApiError } from '@s3-to-hf/core';
import type { FollowProblem } from './import-run.js';
import { messageOf } from '@s3-to-hf/core/format';

/**
 * Why following `what` (a Job, an import group) in `namespace` stopped, for the user: an expired
 * sign-in stops the following, never the Jobs, and says how to pick them up again.
 */
export function followProblem(error: unknown, what: string, namespace: string, several = false): FollowProblem {
  if (error instanceof HfApiError && error.kind === 'unauthorized') {
    return {
      kind: 'expired',
      message: several
        ? 'Hugging Face no longer accepts this sign-in (it has probably expired), so this page stopped following the import. ' +
          'Its Jobs keep running on Hugging Face. Sign in again, then follow them again.'
        : 'Hugging Face no longer accepts this sign-in (it has probably expired), so this page stopped following the Job. ' +
          'The Job keeps running on Hugging Face. Sign in again, then follow it again.',
    };
  }
  if (error instanceof HfApiError && error.kind === 'forbidden') return { kind: 'forbidden', message: error.message };
  if (error instanceof HfApiError && error.kind === 'not-found') {
    return {
      kind: 'missing',
      message: `There is no ${what} in ${namespace} that this token can see: it may have been deleted, or it belongs to another account or organization.`,
    };
  }
  return { kind: 'other', message: messageOf(error) };
}
