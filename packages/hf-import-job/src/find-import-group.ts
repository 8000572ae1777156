import {
  APP_LABEL_KEY,
  APP_LABEL_VALUE,
  IMPORT_GROUP_LABEL_KEY,
  SHARD_LABEL_KEY,
  groupImportJobs,
  listJobs,
  parseShardLabel,
  type HfCallOptions,
  type HfJob,
  type ImportRecord,
} from '@s3-to-hf/core';

/** A sharded import found again: its size and the newest Job of each shard (index from 1). */
export interface FoundImportGroup {
  count: number;
  jobs: Map<number, HfJob>;
}

/** The shards of a record from listImports (or of Jobs listed by their group label), by index. */
export function groupOfRecord(record: Pick<ImportRecord, 'shardCount' | 'jobs'>): FoundImportGroup {
  const jobs = new Map<number, HfJob>();
  for (const job of record.jobs) {
    const position = parseShardLabel(job.labels?.[SHARD_LABEL_KEY]);
    if (position) jobs.set(position.index, job);
  }
  return { count: record.shardCount, jobs };
}

/**
 * The Jobs of a sharded import, looked up by their `import-group` label.
 * @returns undefined when no Job in `namespace` carries it.
 */
export async function findImportGroup(options: HfCallOptions & { namespace: string; importGroup: string }): Promise<FoundImportGroup | undefined> {
  const jobs = await listJobs({ ...options, labels: { [APP_LABEL_KEY]: APP_LABEL_VALUE, [IMPORT_GROUP_LABEL_KEY]: options.importGroup } });
  const record = groupImportJobs(jobs).find((entry) => entry.id === options.importGroup);
  return record ? groupOfRecord(record) : undefined;
}
