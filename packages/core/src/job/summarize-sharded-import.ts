import type { ImportCompletedProgress } from './parse-import-progress.js';
import type { ImportOutcome, ImportResultSummary } from './summarize-import-result.js';

/** The verdict on an import split into several Jobs, once every one of them has ended. */
export interface ShardedImportSummary extends ImportResultSummary {
  /** Shard indices (from 1) by how their Job ended. */
  shards: Record<ImportOutcome, number[]>;
}

// Reasons name at most this many shards one by one; the others are counted.
const NAMED_SHARDS = 3;

/** `Job 2`, `Jobs 2 and 5`, `Jobs 2, 5 and 7`, `Jobs 2, 5, 7 and 4 others`, each `of <count>`. */
function jobList(indices: readonly number[], count: number): string {
  const shown = indices.length > NAMED_SHARDS + 1 ? indices.slice(0, NAMED_SHARDS) : [...indices];
  const others = indices.length - shown.length;
  const names = others > 0 ? [...shown.map(String), `${others} others`] : shown.map(String);
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${indices.length === 1 ? 'Job' : 'Jobs'} ${joined} of ${count}`;
}

/** The summary lines of the Jobs that printed one, added up (the duration is the longest Job's). */
function addCompletions(completions: readonly ImportCompletedProgress[]): ImportCompletedProgress | undefined {
  if (completions.length === 0) return undefined;
  const sum = (field: 'transferred' | 'transferredBytes' | 'skipped' | 'failed' | 'bytesPerSecond') =>
    completions.reduce((total, completion) => total + completion[field], 0);
  return {
    kind: 'completed',
    transferred: sum('transferred'),
    transferredBytes: sum('transferredBytes'),
    skipped: sum('skipped'),
    failed: sum('failed'),
    seconds: Math.max(...completions.map((completion) => completion.seconds)),
    bytesPerSecond: sum('bytesPerSecond'),
  };
}

function combinedOutcome(shards: Record<ImportOutcome, number[]>, count: number): ImportOutcome {
  if (shards.completed.length === count) return 'completed';
  if (shards.failed.length === 0 && shards.partial.length === 0) return 'canceled';
  if (shards.completed.length === 0 && shards.partial.length === 0) return 'failed';
  return 'partial';
}

/**
 * Turns the verdicts of the Jobs of a sharded import (`results[i]` is shard i + 1's, from
 * summarizeImportResult) into one for the whole import:
 * - 'completed' when every Job completed;
 * - 'canceled' when some were canceled and none failed or lost files (the others completed);
 * - 'failed' when no Job imported anything it was meant to (all failed, or failed and canceled);
 * - 'partial' otherwise: some Jobs did their part, others failed or lost files.
 * The reason names the Jobs that did not complete and why (the first few in full), so the
 * user knows which ones to run again. `completion` adds up the summary lines that were printed.
 *
 * @throws {RangeError} without any result.
 * @example
 * summarizeShardedImport([completed, failed, completed]).reason
 * // → 'Job 2 of 3 failed; the other 2 completed. Job 2: The Job failed: … Run Job 2 again: …'
 */
export function summarizeShardedImport(results: readonly ImportResultSummary[]): ShardedImportSummary {
  const count = results.length;
  if (count === 0) throw new RangeError('A sharded import has at least one Job to summarize.');
  const shards: Record<ImportOutcome, number[]> = { completed: [], partial: [], failed: [], canceled: [] };
  results.forEach((result, index) => shards[result.outcome].push(index + 1));
  const completion = addCompletions(results.flatMap((result) => (result.completion ? [result.completion] : [])));
  const withCompletion = completion ? { completion } : {};
  const outcome = combinedOutcome(shards, count);

  if (outcome === 'completed') {
    const done = completion
      ? `: transferred ${completion.transferred} file(s) and skipped ${completion.skipped}, the longest Job in ${completion.seconds}s.`
      : ' successfully (a dry run only prints its plan).';
    return { outcome, reason: `All ${count} Jobs finished${done}`, shards, ...withCompletion };
  }

  const clauses: string[] = [];
  if (shards.failed.length > 0) clauses.push(`${jobList(shards.failed, count)} failed`);
  if (shards.partial.length > 0) clauses.push(`${jobList(shards.partial, count)} could not import every file`);
  if (shards.canceled.length > 0) clauses.push(`${jobList(shards.canceled, count)} ${shards.canceled.length === 1 ? 'was' : 'were'} canceled`);
  const others = shards.completed.length;
  if (others > 0) clauses.push(`the other ${others === 1 ? 'one' : others} completed`);
  const troubled = [...shards.failed, ...shards.partial, ...shards.canceled].sort((a, b) => a - b);
  const details = troubled.slice(0, NAMED_SHARDS).map((index) => `Job ${index}: ${results[index - 1].reason}`);
  if (troubled.length > NAMED_SHARDS) details.push(`The logs of the other ${troubled.length - NAMED_SHARDS} say why they did not complete.`);
  const next =
    outcome === 'canceled'
      ? 'Files transferred before that stay in the bucket; run the canceled Jobs again to finish the import.'
      : `Run ${troubled.length === 1 ? 'that Job' : 'those Jobs'} again to finish the import: the files of the completed Jobs are already in the bucket.`;
  return { outcome, reason: `${clauses.join('; ')}. ${details.join(' ')} ${next}`, shards, ...withCompletion };
}
