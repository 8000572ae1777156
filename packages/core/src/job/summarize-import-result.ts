import { isTerminalStage } from '../hf/job-stages.js';
import { parseImportProgress, type ImportCompletedProgress } from './parse-import-progress.js';

/** How an import ended, as a user sees it. */
export type ImportOutcome = 'completed' | 'partial' | 'failed' | 'canceled';

/** The verdict on a finished import Job. */
export interface ImportResultSummary {
  outcome: ImportOutcome;
  /** One or two sentences for the user: what happened and what to do next. */
  reason: string;
  /** The parsed `Import completed: …` line, when the Job printed one. */
  completion?: ImportCompletedProgress;
}

/** A Job's stage, or its whole status with the Hub's message. */
export type JobStatusInput = string | { stage: string; message?: string | null };

const RETRY_HINT = 'Run the import again with "skip existing" to copy only what is missing.';

function completedSummary(completion: ImportCompletedProgress | undefined): ImportResultSummary {
  if (!completion) {
    return {
      outcome: 'completed',
      reason: 'The Job finished successfully without an import summary line (a dry run only prints its plan).',
    };
  }
  const { transferred, skipped, failed, seconds } = completion;
  if (failed > 0) {
    return {
      outcome: 'partial',
      completion,
      reason:
        `${failed} of ${transferred + failed} file(s) failed to import; the others were transferred. ` +
        `The Job log names each failed file ("Failed to import …"). ${RETRY_HINT}`,
    };
  }
  return { outcome: 'completed', completion, reason: `Transferred ${transferred} file(s) and skipped ${skipped} in ${seconds}s.` };
}

function failedReason(message: string | null | undefined): string {
  if (message && /timed? ?out/i.test(message)) {
    return `The Job failed: ${message}. Raise the timeout or pick a faster flavor. ${RETRY_HINT}`;
  }
  return `The Job failed${message ? `: ${message}` : ''}. The last lines of its log give the cause.`;
}

/**
 * Turns a finished Job's stage (or status) and its `Import completed: …` line into an outcome:
 * 'completed', 'partial' (the Job succeeded but `failed F` > 0 — the command exits 0 even then),
 * 'failed' (ERROR) or 'canceled' (CANCELED or DELETED), with a reason to show.
 *
 * @throws {RangeError} when the stage is not terminal yet.
 * @example
 * summarizeImportResult('COMPLETED', 'Import completed: Transferred 9 file(s) (1.2 MB), skipped 0, failed 1, in 3.0s (0.4 MB/s)')
 * // → { outcome: 'partial', reason: '1 of 10 file(s) failed to import; …', completion: { … } }
 */
export function summarizeImportResult(status: JobStatusInput, lastCompletedLine?: string): ImportResultSummary {
  const { stage, message } = typeof status === 'string' ? { stage: status, message: undefined } : status;
  if (!isTerminalStage(stage)) throw new RangeError(`The Job is still ${stage}; summarize it once it has finished.`);
  const parsed = lastCompletedLine === undefined ? undefined : parseImportProgress(lastCompletedLine);
  const completion = parsed?.kind === 'completed' ? parsed : undefined;
  const withCompletion = completion ? { completion } : {};
  switch (stage) {
    case 'COMPLETED':
      return completedSummary(completion);
    case 'CANCELED':
      return {
        outcome: 'canceled',
        reason: `The Job was canceled. Files transferred before that stay in the bucket. ${RETRY_HINT}`,
        ...withCompletion,
      };
    case 'DELETED':
      return { outcome: 'canceled', reason: `The Job was deleted before it finished. ${RETRY_HINT}`, ...withCompletion };
    default:
      return { outcome: 'failed', reason: failedReason(message), ...withCompletion };
  }
}
