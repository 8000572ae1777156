import { estimateImport, withRecommendation, type EstimateImportOptions, type FlavorEstimate, type ImportEstimate, type ImportSize } from '../job/estimate-import.js';

/**
 * Estimates an import split into several Jobs that run side by side, one per shard, each on its
 * own machine of the same flavor: the duration is the slowest Job's (every Job pays the start-up),
 * the cost is the sum of the Jobs' costs (each billed on its own), and a flavor fits the timeout
 * when every Job does. The recommendation follows estimateImport's rule on those figures.
 *
 * @example
 * const shards = planImportShards(tree, { shards: 4 });
 * const { recommended } = estimateShardedImport(shards, { hardware, timeoutSeconds: 4 * 3600 });
 */
export function estimateShardedImport(shards: readonly ImportSize[], options: EstimateImportOptions): ImportEstimate {
  if (shards.length === 0) return { flavors: [] };
  const perShard = shards.map((shard) => estimateImport({ bytes: shard.bytes, files: shard.files }, options).flavors);
  const flavors = perShard[0].map(({ flavor }): FlavorEstimate => {
    const estimates = perShard.map((flavorsOfShard) => flavorsOfShard.find((entry) => entry.flavor === flavor) as FlavorEstimate);
    const costs = estimates.map((estimate) => estimate.costUSD);
    const priced = costs.every((cost) => cost !== undefined);
    return {
      flavor,
      seconds: Math.max(...estimates.map((estimate) => estimate.seconds)),
      ...(priced ? { costUSD: (costs as number[]).reduce((total, cost) => total + cost, 0) } : {}),
      withinTimeout: estimates.every((estimate) => estimate.withinTimeout),
    };
  });
  return withRecommendation(flavors);
}
