import { isTerminalStage } from '@s3-to-hf/core';
import type { HfImportJobEventDetail, HfImportJobFinishedDetail } from '@s3-to-hf/hf-import-job';

/** What the page last heard about a Job from `hf-import-job-*` events (`outcome` once finished). */
export type JobUpdate = HfImportJobEventDetail & Partial<Pick<HfImportJobFinishedDetail, 'outcome' | 'reason'>>;

/**
 * Folds an event into what is known: a `-status` event after `-finished` (same Job) must not
 * drop the outcome.
 */
export function nextJobUpdate(previous: JobUpdate | undefined, detail: JobUpdate): JobUpdate {
  if (previous?.jobId === detail.jobId && previous.outcome && !detail.outcome) {
    return { ...detail, outcome: previous.outcome, ...(previous.reason ? { reason: previous.reason } : {}) };
  }
  return detail;
}

/** Whether the Job is still going (not finished, not in a terminal stage). */
export const isJobGoing = (job: JobUpdate | undefined): boolean => job !== undefined && !job.outcome && !isTerminalStage(job.stage);
