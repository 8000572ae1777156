import {
  EMPTY_IMPORT_PROGRESS,
  combineImportProgress,
  isTerminalStage,
  type HfJob,
  type ImportOutcome,
  type ImportProgressState,
  type ImportResultSummary,
} from '@s3-to-hf/core';
import type { ImportJobRef } from './types.js';

/** Why following a Job stopped before its end. */
export interface FollowProblem {
  kind: 'expired' | 'forbidden' | 'missing' | 'other';
  message: string;
}

/**
 * One Job of an import and what is known about it. An import has one Job today; a sharded import
 * will have several, followed together.
 */
export interface JobShard {
  ref: ImportJobRef;
  job?: HfJob;
  stage: string;
  /** The last stage an event was sent for. */
  announcedStage?: string;
  lines: string[];
  progress: ImportProgressState;
  /** Set once the Job finished and its log was read to the end. */
  result?: ImportResultSummary & { lastError?: string };
  /** Following stopped (the Job itself may still run). */
  problem?: FollowProblem;
  /** The log stream gave up; the stage is still followed. */
  logProblem?: string;
  /** The last read of the Job failed for a passing reason; cleared by the next good read. */
  connectionProblem?: string;
}

/** An import: its id and its Jobs. */
export interface ImportRun {
  importId?: string;
  shards: JobShard[];
}

/** Shown until the first read of an attached Job; never sent in an event. */
export const UNREAD_STAGE = 'CONNECTING';

export function newShard(ref: ImportJobRef, job?: HfJob): JobShard {
  return { ref, ...(job ? { job } : {}), stage: job?.status.stage ?? UNREAD_STAGE, lines: [], progress: EMPTY_IMPORT_PROGRESS };
}

/**
 * Whether some Job of the run has no result yet: it runs, or following it stopped before its end
 * (then it may well still run, so it counts as active until the page dismisses it).
 */
export function isRunActive(run: ImportRun | undefined): boolean {
  return Boolean(run?.shards.some((shard) => !shard.result));
}

/** The stage shown for the whole run: the least advanced active one, else the first shard's. */
export function runStage(run: ImportRun): string {
  return run.shards.find((shard) => !isTerminalStage(shard.stage))?.stage ?? run.shards[0]?.stage ?? 'SCHEDULING';
}

export function runProgress(run: ImportRun): ImportProgressState {
  return combineImportProgress(run.shards.map((shard) => shard.progress));
}

const SEVERITY: Record<ImportOutcome, number> = { completed: 0, partial: 1, canceled: 2, failed: 3 };

/** The run's result once every Job has one: the most severe outcome, with its reason. */
export function runResult(run: ImportRun): JobShard['result'] | undefined {
  const results = run.shards.map((shard) => shard.result);
  if (results.length === 0 || results.some((result) => result === undefined)) return undefined;
  return (results as NonNullable<JobShard['result']>[]).reduce((worst, result) => (SEVERITY[result.outcome] > SEVERITY[worst.outcome] ? result : worst));
}

/** Seconds since the Job was created, up to its end. */
export function elapsedSeconds(job: HfJob | undefined, now: number): number | undefined {
  if (!job?.createdAt) return undefined;
  const start = Date.parse(String(job.createdAt));
  const end = job.finishedAt ? Date.parse(String(job.finishedAt)) : now;
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, (end - start) / 1000) : undefined;
}
