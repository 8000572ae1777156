import { formatDuration, isTerminalStage, type HfJob, type ImportRecord } from '@s3-to-hf/core';
import { importRouteOf, type ImportRoute } from './import-route.js';

export type ImportTone = 'active' | 'success' | 'danger' | 'neutral';

/** One line of the list of imports, ready to render. */
export interface ImportEntry {
  id: string;
  /** The namespace that runs the import's Jobs. */
  namespace: string;
  record: ImportRecord;
  active: boolean;
  /** 'Running', 'Scheduling', 'Completed', 'Failed', 'Canceled', … for the whole import. */
  stateLabel: string;
  tone: ImportTone;
  route?: ImportRoute;
  /** e.g. 'Started 3 min ago · 3 Jobs (2 done) · cpu-basic' */
  details: string;
}

const STAGE_LABELS: Record<string, string> = {
  SCHEDULING: 'Scheduling',
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
  ERROR: 'Failed',
  DELETED: 'Deleted',
};

const STAGE_TONES: Record<string, ImportTone> = { SCHEDULING: 'active', RUNNING: 'active', COMPLETED: 'success', ERROR: 'danger' };

// The stage that speaks for a sharded import: any running Job makes it running, and so on.
const PRECEDENCE = ['RUNNING', 'SCHEDULING', 'ERROR', 'CANCELED', 'DELETED', 'COMPLETED'];

function importStage(jobs: readonly HfJob[]): string {
  const stages = jobs.map((job) => job.status.stage);
  const unknownActive = stages.find((stage) => !PRECEDENCE.includes(stage) && !isTerminalStage(stage));
  return unknownActive ?? PRECEDENCE.find((stage) => stages.includes(stage)) ?? stages[0] ?? 'SCHEDULING';
}

function startedText(createdAt: Date, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - createdAt.getTime()) / 1000);
  if (seconds < 60) return 'Started just now';
  if (seconds < 7 * 24 * 3600) return `Started ${formatDuration(Math.floor(seconds / 60) * 60)} ago`;
  return `Started on ${createdAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/**
 * Turns an {@link ImportRecord} (listImports) into what its line in the list says.
 *
 * @example
 * importEntry(record, { namespace: 'alice', now: new Date() }).stateLabel // 'Running'
 */
export function importEntry(record: ImportRecord, { namespace, now }: { namespace: string; now: Date }): ImportEntry {
  const stage = importStage(record.jobs);
  const first = record.jobs[0];
  const details = [startedText(record.createdAt, now)];
  if (record.shardCount > 1) {
    const done = record.jobs.filter((job) => isTerminalStage(job.status.stage)).length;
    details.push(`${record.shardCount} Jobs${record.active ? ` (${done} done)` : ''}`);
  }
  if (first?.flavor) details.push(first.flavor);
  const route = first ? importRouteOf(first) : undefined;
  return {
    id: record.id,
    namespace: first?.owner?.name ?? namespace,
    record,
    active: record.active,
    stateLabel: STAGE_LABELS[stage] ?? stage.charAt(0) + stage.slice(1).toLowerCase(),
    tone: STAGE_TONES[stage] ?? 'neutral',
    ...(route ? { route } : {}),
    details: details.join(' · '),
  };
}
