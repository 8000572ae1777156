import { formatBytes } from '@s3-to-hf/core';
import type { S3TreeSelection } from '@s3-to-hf/s3-tree';
import type { JobUpdate } from './job-update.js';

/** The short status in the header of "Choose what to copy", from `s3-tree-selection-change`. */
export function selectionStatus(selection: S3TreeSelection | undefined): string | undefined {
  if (!selection?.filters) return undefined;
  if (selection.mode === 'manual' || !selection.stats) return 'Patterns set';
  const { files, bytes, uncountedFolders } = selection.stats;
  const folders = `${uncountedFolders} folder${uncountedFolders === 1 ? '' : 's'}`;
  if (files === 0 && uncountedFolders > 0) return `${folders} selected`;
  const counted = `${files.toLocaleString('en-US')} file${files === 1 ? '' : 's'} · ${formatBytes(bytes)}`;
  return uncountedFolders > 0 ? `${counted} + ${folders}` : counted;
}

const STAGE_STATUS: Record<string, string> = {
  SCHEDULING: 'Import starting',
  RUNNING: 'Import running',
  CANCELED: 'Import cancelled',
  ERROR: 'Import failed',
  DELETED: 'Job deleted',
};

const OUTCOME_STATUS: Record<string, string> = {
  completed: 'Import finished',
  partial: 'Finished, some files failed',
  failed: 'Import failed',
  canceled: 'Import cancelled',
};

/** The short status in the header of "Destination and import", from the `hf-import-job-*` events. */
export function jobStatus(job: JobUpdate | undefined): string | undefined {
  if (!job) return undefined;
  if (job.outcome) return OUTCOME_STATUS[job.outcome] ?? `Import ${job.outcome}`;
  if (job.stage === 'COMPLETED') return 'Import finished';
  return STAGE_STATUS[job.stage] ?? `Import ${job.stage.toLowerCase()}`;
}
