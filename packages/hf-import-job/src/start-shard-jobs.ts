import { createImportJob, type CreateImportJobResult, type HfCallOptions } from '@s3-to-hf/core';
import type { ShardLaunch } from './import-run.js';

/** How starting one shard's Job went. */
export type ShardStart = { created: CreateImportJobResult } | { error: unknown };

// Few creates in flight: each is a POST (plus a label lookup when retried), and they share the
// browser's few connections to the Hub with the stage polls.
const CREATE_CONCURRENCY = 3;

/**
 * Creates the Job of every shard (each with its own import id, so that a retried launch finds
 * the ones that exist instead of starting them twice) and reports each one's fate, in order.
 * A failure does not stop the others: the page then follows those that started.
 */
export async function startShardJobs(
  launches: readonly ShardLaunch[],
  importIds: readonly string[],
  call: HfCallOptions,
  onStarted: (done: number) => void,
): Promise<ShardStart[]> {
  const starts: ShardStart[] = new Array(launches.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < launches.length) {
      const index = next++;
      try {
        starts[index] = { created: await createImportJob({ ...call, ...launches[index], importId: importIds[index] }) };
      } catch (error) {
        starts[index] = { error };
      }
      onStarted(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CREATE_CONCURRENCY, launches.length) }, worker));
  return starts;
}
