import { formatBytes, formatDuration, type ImportEstimate } from '@s3-to-hf/core';
import { countFormat } from './follow-model.js';
import { formatUsd } from './format-usd.js';
import type { HardwareChoice } from './hardware-choices.js';
import type { ImportJobSelection, ImportJobTarget } from './types.js';

/** The badges next to the destination: whether the bucket is created, its visibility. */
export function destinationBadges(target: ImportJobTarget): string[] {
  const badges: string[] = [];
  if (target.exists === false) badges.push(target.createIfMissing ? 'New bucket, created first' : 'Bucket does not exist');
  else if (target.exists === undefined && target.createIfMissing) badges.push('Created if missing');
  badges.push(target.private ? 'Private' : 'Public');
  return badges;
}

/** What is selected, in words: files and size, in how many Jobs, or why the size is unknown. */
export function selectionText(selection: ImportJobSelection | undefined, jobCount: number): { selectionText: string; selectionKnown: boolean } {
  if (!selection?.filters) return { selectionText: selection?.problem ?? 'Nothing selected yet', selectionKnown: false };
  if (selection.mode === 'manual' || !selection.stats) {
    const patterns = selection.filters.include.length + selection.filters.exclude.length;
    return {
      selectionText: `Manual patterns (${countFormat.format(patterns)}): file count and size unknown until the Job lists the bucket`,
      selectionKnown: true,
    };
  }
  const { files, bytes, uncountedFolders } = selection.stats;
  const jobs = jobCount > 1 ? `, split into ${jobCount} Jobs` : '';
  const counted = `${countFormat.format(files)} ${files === 1 ? 'file' : 'files'} · ${formatBytes(bytes)}`;
  if (uncountedFolders === 0) return { selectionText: `${counted}${jobs}`, selectionKnown: true };
  const folders = `${countFormat.format(uncountedFolders)} selected ${uncountedFolders === 1 ? 'folder' : 'folders'}`;
  return { selectionText: `${files > 0 ? `${counted} plus ` : ''}${folders}: size unknown until counted${jobs}`, selectionKnown: true };
}

/** The note under the hardware table: what the estimates assume, or why there is none. */
export function estimateNote(
  selection: ImportJobSelection | undefined,
  hardwareKnown: boolean,
  estimate: ImportEstimate | undefined,
  jobCount: number,
): string | undefined {
  if (!hardwareKnown) return undefined;
  if (!selection?.filters) return 'Estimates appear once something is selected.';
  if (!estimate) {
    return selection.mode === 'manual'
      ? 'No estimate for manual patterns: their size is unknown until the Job lists the bucket.'
      : 'No estimate yet: count the selected folders in the tree to know the size.';
  }
  const typical = 'Estimates assume typical S3 and Hub throughput plus about a minute of start-up; real speed depends on the source.';
  return jobCount > 1
    ? `For ${jobCount} Jobs side by side, each on its own machine of this hardware: the duration is the slowest Job's, the cost is all of them together. ${typical}`
    : typical;
}

/** The line next to the launch button, e.g. 'Runs on CPU Basic · stops after 30 min · about 2 min · < $0.01'. */
export function launchNote(chosen: HardwareChoice, timeout: number | undefined, jobCount: number): string {
  const parts = [jobCount > 1 ? `${jobCount} Jobs on ${chosen.label}` : `Runs on ${chosen.label}`];
  if (timeout !== undefined) parts.push(`${jobCount > 1 ? 'each stops' : 'stops'} after ${formatDuration(timeout)}`);
  if (chosen.estimate) {
    parts.push(`about ${formatDuration(chosen.estimate.seconds)}`);
    if (chosen.estimate.costUSD !== undefined) parts.push(formatUsd(chosen.estimate.costUSD));
  }
  return parts.join(' · ');
}
