/** `Found N files in S3`: the source listing is done. */
export interface ImportFoundProgress {
  kind: 'found';
  files: number;
}

/** `Importing N file(s) (X MB) from S3 to hf://…`: the plan, before the first batch. */
export interface ImportPlannedProgress {
  kind: 'importing';
  files: number;
  bytes: number;
  destination?: string;
}

/** `Batch i/n: downloading k files from S3` or `Batch i/n: uploading …`. */
export interface ImportBatchProgress {
  kind: 'batch';
  batch: number;
  batches: number;
  phase: 'downloading' | 'uploading';
  /** Files in the batch, when the line says. */
  files?: number;
}

/** `Batch i/n done | a/total files | size | batch X MB/s, avg Y MB/s`. */
export interface ImportBatchDoneProgress {
  kind: 'batch-done';
  batch: number;
  batches: number;
  filesDone: number;
  filesTotal: number;
  /** Bytes transferred so far (the command prints it rounded to 3 significant units). */
  bytesDone: number;
  batchBytesPerSecond: number;
  averageBytesPerSecond: number;
}

/** `Import completed: Transferred N file(s) (X), skipped S, failed F, in Ts (R MB/s)`. */
export interface ImportCompletedProgress {
  kind: 'completed';
  transferred: number;
  transferredBytes: number;
  skipped: number;
  /** Files that failed; the command still exits 0 when this is > 0. */
  failed: number;
  seconds: number;
  bytesPerSecond: number;
}

/** One progress line of `hf buckets import`, parsed. */
export type ImportProgress =
  | ImportFoundProgress
  | ImportPlannedProgress
  | ImportBatchProgress
  | ImportBatchDoneProgress
  | ImportCompletedProgress;

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };
const BINARY_UNITS: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
// The command labels MiB/s as "MB/s".
const MEBIBYTE = 2 ** 20;

/** '12.3 MB' → 12300000 (units of 1000, as the command prints them); 'KiB' etc. use 1024. */
function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?)b$/i.exec(text.trim());
  if (!match) return undefined;
  const [, number, unit, binary] = match;
  const factor = binary ? BINARY_UNITS[unit.toLowerCase()] : SIZE_UNITS[unit.toLowerCase()];
  return factor === undefined ? undefined : Math.round(Number(number) * factor);
}

const FOUND = /^Found (\d+) files? in S3$/;
const IMPORTING = /^Importing (\d+) file\(s\) \(([^)]*)\)(?: from S3 to (.+))?$/;
const BATCH = /^Batch (\d+)\/(\d+): (downloading|uploading)\b(?: (\d+) files?\b)?/;
const BATCH_DONE = /^Batch (\d+)\/(\d+) done \| (\d+)\/(\d+) files \| ([^|]+?) \| batch (\d+(?:\.\d+)?) MB\/s, avg (\d+(?:\.\d+)?) MB\/s$/;
const COMPLETED =
  /^Import completed: Transferred (\d+) file\(s\) \(([^)]*)\), skipped (\d+), failed (\d+), in (\d+(?:\.\d+)?)s \((\d+(?:\.\d+)?) MB\/s\)$/;

function parseCompleted(line: string): ImportCompletedProgress | undefined {
  const match = COMPLETED.exec(line);
  const bytes = match ? parseSize(match[2]) : undefined;
  if (!match || bytes === undefined) return undefined;
  return {
    kind: 'completed',
    transferred: Number(match[1]),
    transferredBytes: bytes,
    skipped: Number(match[3]),
    failed: Number(match[4]),
    seconds: Number(match[5]),
    bytesPerSecond: Number(match[6]) * MEBIBYTE,
  };
}

function parseBatchDone(line: string): ImportBatchDoneProgress | undefined {
  const match = BATCH_DONE.exec(line);
  const bytes = match ? parseSize(match[5]) : undefined;
  if (!match || bytes === undefined) return undefined;
  return {
    kind: 'batch-done',
    batch: Number(match[1]),
    batches: Number(match[2]),
    filesDone: Number(match[3]),
    filesTotal: Number(match[4]),
    bytesDone: bytes,
    batchBytesPerSecond: Number(match[6]) * MEBIBYTE,
    averageBytesPerSecond: Number(match[7]) * MEBIBYTE,
  };
}

function parseImporting(line: string): ImportPlannedProgress | undefined {
  const match = IMPORTING.exec(line);
  const bytes = match ? parseSize(match[2]) : undefined;
  if (!match || bytes === undefined) return undefined;
  return { kind: 'importing', files: Number(match[1]), bytes, ...(match[3] ? { destination: match[3] } : {}) };
}

/**
 * Parses one log line of `hf buckets import` into a progress event, or undefined for any other
 * line (pip output, per-file errors, the plan summary…). Sizes are in bytes; the command's
 * "MB/s" (really MiB/s) become bytes per second.
 *
 * @example
 * parseImportProgress('Batch 2/7 done | 200/650 files | 1.2 GB | batch 9.8 MB/s, avg 8.1 MB/s')
 * // → { kind: 'batch-done', batch: 2, batches: 7, filesDone: 200, filesTotal: 650, bytesDone: 1200000000, … }
 */
export function parseImportProgress(line: string): ImportProgress | undefined {
  const text = line.trim();
  const found = FOUND.exec(text);
  if (found) return { kind: 'found', files: Number(found[1]) };
  const batch = BATCH.exec(text);
  if (batch) {
    const phase = batch[3] as ImportBatchProgress['phase'];
    return { kind: 'batch', batch: Number(batch[1]), batches: Number(batch[2]), phase, ...(batch[4] ? { files: Number(batch[4]) } : {}) };
  }
  return parseImporting(text) ?? parseBatchDone(text) ?? parseCompleted(text);
}
