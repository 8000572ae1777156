import { APP_LABEL_KEY, APP_LABEL_VALUE, IMPORT_GROUP_LABEL_KEY, IMPORT_ID_LABEL_KEY, SHARD_LABEL_KEY } from '../job/import-job-defaults.js';
import { parseShardLabel } from '../job/shard-label.js';
import type { HfCallOptions } from './hf-call-options.js';
import type { HfJob } from './hf-job.js';
import { isTerminalStage } from './job-stages.js';
import { listJobs } from './list-jobs.js';

/** One import as the user started it: a single Job, or the shards of a split import. */
export interface ImportRecord {
  /** The import group id of a sharded import, else the Job's import id (or its Job id). */
  id: string;
  /** Shards in the group (1 for a single Job). */
  shardCount: number;
  /** The latest Job of each shard, by shard index; a retried shard shows its newest attempt. */
  jobs: HfJob[];
  /** When the import's first Job was created. */
  createdAt: Date;
  /** Whether any of its Jobs is still scheduled or running. */
  active: boolean;
}

interface GroupedJob {
  job: HfJob;
  index: number;
  count: number;
}

function importKey(job: HfJob): { id: string; index: number; count: number } {
  const labels = job.labels ?? {};
  const group = labels[IMPORT_GROUP_LABEL_KEY];
  const position = parseShardLabel(labels[SHARD_LABEL_KEY]);
  if (group && position) return { id: group, ...position };
  return { id: labels[IMPORT_ID_LABEL_KEY] ?? job.id, index: 1, count: 1 };
}

const createdAt = (job: HfJob): number => new Date(job.createdAt).getTime();

/** Groups Jobs into imports, newest import first. */
export function groupImportJobs(jobs: readonly HfJob[]): ImportRecord[] {
  const groups = new Map<string, GroupedJob[]>();
  for (const job of jobs) {
    const { id, index, count } = importKey(job);
    const members = groups.get(id) ?? [];
    members.push({ job, index, count });
    groups.set(id, members);
  }
  const records: ImportRecord[] = [];
  for (const [id, members] of groups) {
    const latestPerShard = new Map<number, GroupedJob>();
    for (const member of members) {
      const current = latestPerShard.get(member.index);
      if (!current || createdAt(member.job) > createdAt(current.job)) latestPerShard.set(member.index, member);
    }
    const ordered = [...latestPerShard.values()].sort((a, b) => a.index - b.index).map(({ job }) => job);
    records.push({
      id,
      shardCount: Math.max(...members.map(({ count }) => count)),
      jobs: ordered,
      createdAt: new Date(Math.min(...members.map(({ job }) => createdAt(job)))),
      active: ordered.some((job) => !isTerminalStage(job.status.stage)),
    });
  }
  return records.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * The imports this app started in `namespace` (Jobs labelled `app=s3-to-hf-import`), grouped so a
 * sharded import is one record, newest first. The page needs nothing stored to find them again.
 *
 * @throws {HfApiError} 'forbidden' without the jobs permission, 'unauthorized' for a bad token.
 * @example
 * const running = (await listImports({ namespace: 'alice', accessToken })).filter((record) => record.active);
 */
export async function listImports(options: HfCallOptions & { namespace: string }): Promise<ImportRecord[]> {
  return groupImportJobs(await listJobs({ ...options, labels: { [APP_LABEL_KEY]: APP_LABEL_VALUE } }));
}
