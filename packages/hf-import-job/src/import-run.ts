import {
  EMPTY_IMPORT_PROGRESS,
  combineImportProgress,
  isTerminalStage,
  summarizeShardedImport,
  type HfJob,
  type ImportOutcome,
  type ImportProgressState,
  type ImportResultSummary,
  type ShardPosition,
} from '@s3-to-hf/core';
import type { HfImportJobEventDetail } from './events.js';
import type { ResolvedLaunch } from './launch-inputs.js';
import type { ImportJobRef } from './types.js';

/** Why following a Job stopped before its end. */
export interface FollowProblem {
  kind: 'expired' | 'forbidden' | 'missing' | 'other';
  message: string;
}

/** What starting one Job of the import takes again (Retry shard): everything but the Hub call. Holds credentials: memory only. */
export type ShardLaunch = ResolvedLaunch['options'];

/** How one Job of the run ended (or why it never started). */
export type ShardResult = ImportResultSummary & { lastError?: string };

/** One Job of an import (the only one, or one shard of a split import) and what is known about it. */
export interface JobShard {
  /** The Job followed now: a retried shard's newest one. */
  ref: ImportJobRef;
  /** Its place in a sharded import. */
  position?: ShardPosition;
  job?: HfJob;
  stage: string;
  /** The last stage an event was sent for. */
  announcedStage?: string;
  lines: string[];
  progress: ImportProgressState;
  /** Set once the Job finished and its log was read to the end, or when it never started. */
  result?: ShardResult;
  /** Following stopped (the Job itself may still run). */
  problem?: FollowProblem;
  /** The log stream gave up; the stage is still followed. */
  logProblem?: string;
  /** The last read of the Job failed for a passing reason; cleared by the next good read. */
  connectionProblem?: string;
  /** The launch could not create this shard's Job (then `result` says why), or its group lacks it. */
  notStarted?: boolean;
  /** Files and bytes the plan gave this shard (known when launched here). */
  planned?: { files: number; bytes: number };
  /** Jobs started for this shard so far (1, then one more per retry). */
  attempts: number;
  /** How to start this shard again; only when it was launched here. */
  relaunch?: ShardLaunch;
  /** The import id of a retry that failed to start, used again so that a Job it did create is found, not doubled. */
  retryImportId?: string;
  retrying?: boolean;
  retryProblem?: string;
}

/** An import: one Job, or the Jobs of a sharded import followed as one. */
export interface ImportRun {
  importId?: string;
  /** The group id of a sharded import (its Jobs' `import-group` label). */
  importGroup?: string;
  shards: JobShard[];
  /** The finished event was sent for the run as it stands (a retried shard makes it active again). */
  finishAnnounced?: boolean;
  /** What the launch knew (absent after `attach`). */
  sourceUri?: string;
  destinationUri?: string;
  bucket?: { namespace: string; name: string };
  /** A sharded import being attached to: where to look its Jobs up, and why that failed. */
  lookup?: { namespace: string; importGroup: string };
  lookupProblem?: FollowProblem;
}

/** Shown until the first read of an attached Job; never sent in an event. */
export const UNREAD_STAGE = 'CONNECTING';

export function newShard(ref: ImportJobRef, job?: HfJob, extra: Partial<JobShard> = {}): JobShard {
  return {
    ref,
    ...(job ? { job } : {}),
    ...(ref.shard ? { position: ref.shard } : {}),
    stage: job?.status.stage ?? UNREAD_STAGE,
    lines: [],
    progress: EMPTY_IMPORT_PROGRESS,
    attempts: 1,
    ...extra,
  };
}

/** What the events say about a shard's Job. */
export function eventDetail(shard: JobShard): HfImportJobEventDetail {
  return {
    jobId: shard.ref.jobId,
    namespace: shard.ref.namespace,
    stage: shard.stage,
    ...(shard.ref.importId ? { importId: shard.ref.importId } : {}),
    ...(shard.ref.importGroup ? { importGroup: shard.ref.importGroup } : {}),
    ...(shard.position ? { shard: { ...shard.position } } : {}),
  };
}

/** `Job 2 of 3`, or `Job` for an import of one Job. */
export function shardName(shard: JobShard): string {
  return shard.position ? `Job ${shard.position.index} of ${shard.position.count}` : 'Job';
}

/**
 * Whether some Job of the run has no result yet: it runs, or following it stopped before its end
 * (then it may well still run, so it counts as active until the page dismisses it).
 */
export function isRunActive(run: ImportRun | undefined): boolean {
  return Boolean(run?.shards.some((shard) => !shard.result));
}

/** Whether the Job of a shard may still be running on the Hub (so Cancel applies to it). */
export function mayBeRunning(shard: JobShard): boolean {
  return !shard.result && !shard.notStarted && !isTerminalStage(shard.stage);
}

// How far an active Job has got; a stage this code does not know counts as scheduled.
const ACTIVE_RANK: Record<string, number> = { CONNECTING: 0, SCHEDULING: 1, RUNNING: 2 };
const rank = (stage: string) => ACTIVE_RANK[stage] ?? 1;

/** The stage shown for the whole run: the most advanced active one (Running while any runs), else the first Job's. */
export function runStage(run: ImportRun): string {
  const active = run.shards.filter((shard) => !shard.notStarted && !isTerminalStage(shard.stage)).map((shard) => shard.stage);
  if (active.length > 0) return active.reduce((best, stage) => (rank(stage) > rank(best) ? stage : best));
  return run.shards.find((shard) => shard.job)?.stage ?? run.shards[0]?.stage ?? UNREAD_STAGE;
}

export function runProgress(run: ImportRun): ImportProgressState {
  return combineImportProgress(run.shards.map((shard) => shard.progress));
}

const SEVERITY: Record<ImportOutcome, number> = { completed: 0, partial: 1, canceled: 2, failed: 3 };

/**
 * The run's result once every Job has one. One Job: its own. A sharded import: core's verdict on
 * all of them (summarizeShardedImport), the last error kept when it failed outright.
 */
export function runResult(run: ImportRun): (ShardResult & { worst: JobShard }) | undefined {
  const results = run.shards.map((shard) => shard.result);
  if (results.length === 0 || results.some((result) => result === undefined)) return undefined;
  const worst = run.shards.reduce((found, shard) =>
    SEVERITY[(shard.result as ShardResult).outcome] > SEVERITY[(found.result as ShardResult).outcome] ? shard : found,
  );
  if (run.shards.length === 1) return { ...(worst.result as ShardResult), worst };
  const summary = summarizeShardedImport(results as ShardResult[]);
  const lastError = summary.outcome === 'failed' ? worst.result?.lastError : undefined;
  return { outcome: summary.outcome, reason: summary.reason, ...(summary.completion ? { completion: summary.completion } : {}), ...(lastError ? { lastError } : {}), worst };
}

/** Seconds from the first Job's creation to the end of the last one (or now). */
export function elapsedSeconds(jobs: ReadonlyArray<HfJob | undefined>, now: number): number | undefined {
  const known = jobs.filter((job): job is HfJob => Boolean(job?.createdAt));
  if (known.length === 0) return undefined;
  const start = Math.min(...known.map((job) => Date.parse(String(job.createdAt))));
  const running = known.some((job) => !job.finishedAt);
  const end = running ? now : Math.max(...known.map((job) => Date.parse(String(job.finishedAt))));
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, (end - start) / 1000) : undefined;
}
