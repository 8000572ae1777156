import { parseImportProgress, type ImportCompletedProgress } from './parse-import-progress.js';

/** Where an import stands, folded from its log lines by {@link trackImportProgress}. */
export interface ImportProgressState {
  /** Files the S3 listing found under the source folder (before filtering). */
  filesFound?: number;
  /** Files and bytes the import plans to transfer (from `Importing N file(s) (X)`). */
  filesTotal?: number;
  bytesTotal?: number;
  /** Files processed so far (transferred or failed) and bytes transferred, as of the last finished batch. */
  filesDone: number;
  bytesDone: number;
  /** `Failed to import …` lines seen so far. */
  failedFiles: number;
  /** The batch being worked on, of how many. */
  batch?: number;
  batches?: number;
  phase?: 'downloading' | 'uploading';
  /** Average throughput so far, in bytes per second. */
  bytesPerSecond?: number;
  /** The `Import completed: …` line, raw (for summarizeImportResult) and parsed. */
  completedLine?: string;
  completion?: ImportCompletedProgress;
  /** The last fatal `Error: …` line, which says why a failed Job failed. */
  lastError?: string;
}

/** The state before any line was read. */
export const EMPTY_IMPORT_PROGRESS: ImportProgressState = Object.freeze({ filesDone: 0, bytesDone: 0, failedFiles: 0 });

const FAILED_FILE = /^Failed to import /;
const FATAL_ERROR = /^Error: /;

/**
 * Folds one log line of an import Job into its progress: the plan, finished batches, per-file
 * failures, the final summary and the last fatal error. Lines that say nothing about progress
 * return the same state object, so callers can skip re-rendering.
 *
 * @example
 * let progress = EMPTY_IMPORT_PROGRESS;
 * for await (const { line } of streamJobLogs(options)) progress = trackImportProgress(progress, line);
 * importProgressFraction(progress) // → 0.42
 */
export function trackImportProgress(state: ImportProgressState, line: string): ImportProgressState {
  const text = line.trim();
  if (FAILED_FILE.test(text)) return { ...state, failedFiles: state.failedFiles + 1 };
  if (FATAL_ERROR.test(text)) return { ...state, lastError: text };
  const event = parseImportProgress(text);
  switch (event?.kind) {
    case 'found':
      return { ...state, filesFound: event.files };
    case 'importing':
      return { ...state, filesTotal: event.files, bytesTotal: event.bytes };
    case 'batch':
      return { ...state, batch: event.batch, batches: event.batches, phase: event.phase };
    case 'batch-done':
      return {
        ...state,
        batch: event.batch,
        batches: event.batches,
        filesDone: event.filesDone,
        filesTotal: event.filesTotal,
        bytesDone: event.bytesDone,
        bytesPerSecond: event.averageBytesPerSecond,
      };
    case 'completed':
      return {
        ...state,
        filesDone: event.transferred + event.failed,
        filesTotal: state.filesTotal ?? event.transferred + event.failed,
        bytesDone: event.transferredBytes,
        bytesPerSecond: event.bytesPerSecond,
        completedLine: text,
        completion: event,
        phase: undefined,
      };
    default:
      return state;
  }
}

/**
 * The share of planned files processed, from 0 to 1, or undefined while the plan is unknown.
 * Files, not bytes: the command prints the planned size rounded to 0.1 MB, which is 0 for small
 * imports, while file counts are exact.
 */
export function importProgressFraction(state: ImportProgressState): number | undefined {
  if (state.completion) return 1;
  if (state.filesTotal === undefined) return undefined;
  if (state.filesTotal === 0) return 1;
  return Math.min(1, state.filesDone / state.filesTotal);
}

function sumDefined(values: Array<number | undefined>): number | undefined {
  return values.every((value) => value !== undefined) ? values.reduce<number>((total, value) => total + (value ?? 0), 0) : undefined;
}

/**
 * The progress of an import split across several Jobs (shards), as one: counts and throughputs
 * add up; totals are known once every shard knows its own; it is complete when every shard is.
 */
export function combineImportProgress(states: readonly ImportProgressState[]): ImportProgressState {
  if (states.length === 1) return states[0];
  const completions = states.map((state) => state.completion);
  const lastError = states.map((state) => state.lastError).filter((error) => error !== undefined).at(-1);
  const combined: ImportProgressState = {
    filesDone: states.reduce((total, state) => total + state.filesDone, 0),
    bytesDone: states.reduce((total, state) => total + state.bytesDone, 0),
    failedFiles: states.reduce((total, state) => total + state.failedFiles, 0),
  };
  const filesFound = sumDefined(states.map((state) => state.filesFound));
  const filesTotal = sumDefined(states.map((state) => state.filesTotal));
  const bytesTotal = sumDefined(states.map((state) => state.bytesTotal));
  const bytesPerSecond = sumDefined(states.map((state) => (state.completion ? 0 : state.bytesPerSecond)));
  if (filesFound !== undefined) combined.filesFound = filesFound;
  if (filesTotal !== undefined) combined.filesTotal = filesTotal;
  if (bytesTotal !== undefined) combined.bytesTotal = bytesTotal;
  if (bytesPerSecond !== undefined && bytesPerSecond > 0) combined.bytesPerSecond = bytesPerSecond;
  if (lastError !== undefined) combined.lastError = lastError;
  if (states.length > 0 && completions.every((completion) => completion !== undefined)) {
    const all = completions as ImportCompletedProgress[];
    combined.completion = {
      kind: 'completed',
      transferred: all.reduce((total, completion) => total + completion.transferred, 0),
      transferredBytes: all.reduce((total, completion) => total + completion.transferredBytes, 0),
      skipped: all.reduce((total, completion) => total + completion.skipped, 0),
      failed: all.reduce((total, completion) => total + completion.failed, 0),
      seconds: Math.max(...all.map((completion) => completion.seconds)),
      bytesPerSecond: all.reduce((total, completion) => total + completion.bytesPerSecond, 0),
    };
  }
  return combined;
}
