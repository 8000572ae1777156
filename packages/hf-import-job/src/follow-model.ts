import { formatBytes, formatDuration, hubBucketUrl, importProgressFraction, isTerminalStage, type ImportOutcome, type ImportProgressState } from '@s3-to-hf/core';
import type { FollowViewModel } from './follow-view.js';
import {
  elapsedSeconds,
  mayBeRunning,
  runProgress,
  runResult,
  runStage,
  shardName,
  type ImportRun,
  type JobShard,
  type ShardResult,
} from './import-run.js';
import type { ShardRowModel } from './shards-view.js';
import { stageTone, type Tone } from './tone.js';

export const STAGE_LABELS: Record<string, string> = {
  CONNECTING: 'Connecting',
  SCHEDULING: 'Scheduling',
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
  ERROR: 'Error',
  DELETED: 'Deleted',
};

export const OUTCOME_VIEW = {
  completed: { title: 'Import completed', tone: 'success', short: 'Completed' },
  partial: { title: 'Import partly completed', tone: 'warning', short: 'Partly completed' },
  failed: { title: 'Import failed', tone: 'danger', short: 'Failed' },
  canceled: { title: 'Import canceled', tone: 'neutral', short: 'Canceled' },
} as const satisfies Record<ImportOutcome, { title: string; tone: Tone; short: string }>;

export const countFormat = new Intl.NumberFormat('en-US');

/** What the follow view needs besides the run: the element's settings and log panel state. */
export interface FollowContext {
  hubUrl: string;
  now: number;
  /** The Job whose log is shown, from 1 (sharded imports). */
  logShard: number;
  /** Lines received but not yet in `shard.lines`. */
  pendingLines(shard: JobShard): readonly string[];
  maxLogLines: number;
  followsTail: boolean;
  logCopyStatus?: string;
  canceling: boolean;
  cancelProblem?: string;
  launchNotice?: string;
}

/** The Job's page on the Hub. */
export function jobUrl(hubUrl: string, shard: JobShard): string {
  const owner = shard.job?.owner?.name ?? shard.ref.namespace;
  return `${hubUrl.replace(/\/+$/, '')}/jobs/${encodeURIComponent(owner)}/${encodeURIComponent(shard.ref.jobId)}`;
}

/** The progress of one Job, or of all of them, in a line. */
export function progressDetail(progress: ImportProgressState, stage: string): string {
  if (progress.filesTotal === undefined) {
    if (progress.filesFound !== undefined) return `Found ${countFormat.format(progress.filesFound)} files in S3, planning…`;
    return stage === 'SCHEDULING' ? 'Waiting for hardware…' : stage === 'CONNECTING' ? 'Reading the Job…' : 'Installing and listing the source…';
  }
  const parts = [`${countFormat.format(progress.filesDone)} of ${countFormat.format(progress.filesTotal)} files`];
  parts.push(`${formatBytes(progress.bytesDone)}${progress.bytesTotal ? ` of ${formatBytes(progress.bytesTotal)}` : ''}`);
  if (progress.bytesPerSecond && !progress.completion) parts.push(`${formatBytes(progress.bytesPerSecond)}/s`);
  if (progress.batch !== undefined && progress.batches !== undefined && !progress.completion) parts.push(`batch ${progress.batch} of ${progress.batches}`);
  if (progress.failedFiles > 0) parts.push(`${countFormat.format(progress.failedFiles)} failed`);
  return parts.join(' · ');
}

function resultStats(run: ImportRun, result: ShardResult, elapsed: number | undefined): Array<[string, string]> {
  const stats: Array<[string, string]> = [];
  const completion = result.completion;
  if (completion) {
    stats.push(['Transferred', `${countFormat.format(completion.transferred)} (${formatBytes(completion.transferredBytes)})`]);
    stats.push(['Skipped', countFormat.format(completion.skipped)]);
    stats.push(['Failed', countFormat.format(completion.failed)]);
  }
  if (run.importGroup) {
    const byOutcome = new Map<ImportOutcome, number>();
    for (const shard of run.shards) {
      const outcome = (shard.result as ShardResult).outcome;
      byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
    }
    const order: ImportOutcome[] = ['completed', 'partial', 'failed', 'canceled'];
    stats.push(['Jobs', order.filter((outcome) => byOutcome.has(outcome)).map((outcome) => `${byOutcome.get(outcome)} ${OUTCOME_VIEW[outcome].short.toLowerCase()}`).join(', ')]);
  }
  if (elapsed !== undefined) stats.push(['Duration', formatDuration(elapsed)]);
  return stats;
}

function shardDetail(shard: JobShard): string {
  if (shard.notStarted) return 'not started';
  const progress = shard.progress;
  if (progress.filesTotal === undefined && shard.planned && !shard.result) {
    return `${countFormat.format(shard.planned.files)} files · ${formatBytes(shard.planned.bytes)}; ${progressDetail(progress, shard.stage).toLowerCase()}`;
  }
  if (shard.result && progress.filesTotal === undefined) return 'no files transferred';
  return progressDetail(progress, shard.stage);
}

function shardRow(shard: JobShard, index: number, context: FollowContext): ShardRowModel {
  const result = shard.result;
  const troubled = result && result.outcome !== 'completed';
  const fraction = importProgressFraction(shard.progress);
  return {
    index,
    name: shardName(shard),
    stageLabel: shard.notStarted ? 'Not started' : result ? OUTCOME_VIEW[result.outcome].short : (STAGE_LABELS[shard.stage] ?? shard.stage),
    tone: shard.notStarted ? 'danger' : result ? OUTCOME_VIEW[result.outcome].tone : stageTone(shard.stage),
    active: !result && !shard.problem && !isTerminalStage(shard.stage),
    detail: shardDetail(shard),
    ...(fraction === undefined || shard.notStarted ? {} : { fraction }),
    ...(shard.notStarted ? {} : { jobId: shard.ref.jobId, jobUrl: jobUrl(context.hubUrl, shard) }),
    ...(shard.attempts > 1 ? { attemptNote: `attempt ${shard.attempts}` } : {}),
    ...(shard.notStarted && result ? { problem: result.reason } : result?.lastError ? { problem: result.lastError } : {}),
    canRetry: Boolean(troubled && shard.relaunch),
    retrying: Boolean(shard.retrying),
    ...(shard.retryProblem ? { retryProblem: shard.retryProblem } : {}),
    ...(troubled && !shard.relaunch
      ? { retryHint: 'Started before this page was opened, so it cannot be retried from here: set up the same selection again with “Skip existing files”.' }
      : {}),
    logShown: context.logShard === index,
  };
}

function groupSummary(run: ImportRun): string {
  const running = run.shards.filter((shard) => !shard.result && !shard.notStarted).length;
  const ended = run.shards.length - running;
  return [running > 0 ? `${running} active` : '', ended > 0 ? `${ended} ended` : ''].filter(Boolean).join(' · ');
}

/** The follow view of a run: one Job, or every Job of a sharded import with one combined progress. */
export function followModel(run: ImportRun, context: FollowContext): FollowViewModel {
  const grouped = Boolean(run.importGroup);
  const first = run.shards[0];
  const stage = runStage(run);
  const progress = runProgress(run);
  const result = runResult(run);
  const problem = run.shards.find((shard) => shard.problem)?.problem;
  const active = !result && !problem && (grouped ? run.shards.some((shard) => !shard.result) : !isTerminalStage(stage));
  const elapsed = elapsedSeconds(
    run.shards.map((shard) => shard.job),
    context.now,
  );
  const fraction = importProgressFraction(progress);
  const outcomeView = result ? OUTCOME_VIEW[result.outcome] : undefined;
  const logIndex = grouped ? Math.min(Math.max(1, context.logShard), run.shards.length) : 1;
  const logShard = run.shards[logIndex - 1];
  const cancelCount = run.shards.filter(mayBeRunning).length;
  const detail = result && progress.filesTotal === undefined ? 'No files were transferred' : progressDetail(progress, stage);
  return {
    stageLabel: STAGE_LABELS[stage] ?? stage,
    tone: outcomeView ? outcomeView.tone : stageTone(stage),
    active,
    ...(elapsed === undefined ? {} : { elapsed: formatDuration(elapsed) }),
    ...(grouped
      ? { group: { id: run.importGroup as string, summary: groupSummary(run), rows: run.shards.map((shard, index) => shardRow(shard, index + 1, context)) } }
      : first
        ? { job: { id: first.ref.jobId, url: jobUrl(context.hubUrl, first) } }
        : {}),
    ...(run.shards.find((shard) => shard.job)?.job?.flavor ? { flavor: run.shards.find((shard) => shard.job)?.job?.flavor } : {}),
    ...(run.sourceUri ? { sourceUri: run.sourceUri } : {}),
    ...(run.destinationUri ? { destinationUri: run.destinationUri } : {}),
    progress: {
      // A finished import that never planned anything transferred nothing: an empty bar, not a busy one.
      ...(fraction === undefined ? (result ? { fraction: 0 } : {}) : { fraction }),
      detail: grouped && !result ? `${run.shards.filter((shard) => shard.result).length} of ${run.shards.length} Jobs ended · ${detail}` : detail,
      ...(result ? { finish: result.outcome } : {}),
    },
    ...(problem ? { problem } : run.lookupProblem ? { problem: run.lookupProblem } : {}),
    ...(run.shards.find((shard) => shard.connectionProblem) ? { connectionProblem: run.shards.find((shard) => shard.connectionProblem)?.connectionProblem } : {}),
    canCancel: !result && cancelCount > 0,
    cancelCount,
    canceling: context.canceling,
    ...(context.cancelProblem ? { cancelProblem: context.cancelProblem } : {}),
    ...(context.launchNotice ? { notice: context.launchNotice } : {}),
    ...(result && outcomeView
      ? {
          result: {
            outcome: result.outcome,
            title: outcomeView.title,
            tone: outcomeView.tone,
            reason: result.reason,
            ...(result.lastError ? { lastError: result.lastError } : {}),
            stats: resultStats(run, result, elapsed),
            ...(run.bucket && result.outcome !== 'failed' ? { bucketUrl: hubBucketUrl({ hubUrl: context.hubUrl, ...run.bucket }) } : {}),
          },
        }
      : {}),
    log: {
      lines: logShard ? [...logShard.lines, ...context.pendingLines(logShard)] : [],
      maxLines: Math.max(1, context.maxLogLines),
      followsTail: context.followsTail,
      emptyText: logShard?.notStarted
        ? 'This Job was never started.'
        : logShard && !logShard.result && !logShard.problem
          ? 'Waiting for the first log line…'
          : run.shards.length === 0
            ? 'No Job yet.'
            : 'The Job printed nothing.',
      ...(context.logCopyStatus ? { copyStatus: context.logCopyStatus } : {}),
      ...(logShard?.logProblem ? { problem: logShard.logProblem } : {}),
      ...(grouped ? { shard: { index: logIndex, count: run.shards.length } } : {}),
    },
  };
}
