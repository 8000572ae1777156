import {
  MAX_SHARDS,
  ShardPlanError,
  planImportShards,
  recommendShardCount,
  type ImportShard,
  type SelectionTree,
  type ShardThresholds,
} from '@s3-to-hf/core';
import type { ImportJobSelection } from './types.js';

/** Whether the selection can run as several Jobs, and how many make sense. */
export type SplitOffer =
  /** Small enough for one Job, and the page did not ask for more. */
  | { kind: 'none' }
  /** Splitting was asked for or would be needed, but this selection cannot be split: why. */
  | { kind: 'unavailable'; message: string }
  | {
      kind: 'available';
      /** The fewest Jobs that keep each under the thresholds (a lower bound while folders are uncounted). */
      recommended: number;
      /** The most Jobs it can be split into: one per selected file or never-listed folder, within MAX_SHARDS. */
      max: number;
      /** Selected folders never listed nor counted: their sizes are guesses in the plan. */
      uncountedFolders: number;
    };

/**
 * What the summary offers: a split when the selection is past a threshold (core's
 * recommendShardCount) or when the page asks for `asked` > 1 Jobs; never when it asks for 1. Only a selection ticked in a
 * tree can be split, since the planner cuts the tree; patterns typed by hand cannot.
 */
export function splitOffer(selection: ImportJobSelection | undefined, thresholds: ShardThresholds, asked: number | undefined): SplitOffer {
  const wanted = asked !== undefined && asked > 1;
  // The page asked for one Job: nothing to offer, whatever the size.
  if (!selection?.filters || asked === 1) return { kind: 'none' };
  if (selection.mode === 'manual') {
    return wanted
      ? {
          kind: 'unavailable',
          message:
            'Patterns typed by hand cannot be split into several Jobs: which files they match is only known once the Job lists the bucket. ' +
            'Tick the files and folders in the tree to split the import; as it is, it runs as one Job.',
        }
      : { kind: 'none' };
  }
  if (!selection.stats || !selection.tree) {
    return wanted
      ? { kind: 'unavailable', message: 'This selection came without its tree, so it cannot be split into several Jobs; it runs as one Job.' }
      : { kind: 'none' };
  }
  let recommended: number;
  try {
    recommended = recommendShardCount(selection.stats, thresholds);
  } catch (error) {
    if (!(error instanceof ShardPlanError)) throw error;
    return { kind: 'unavailable', message: `${error.message} The page sets this limit (${error.field}); until it is fixed, the import runs as one Job.` };
  }
  const max = Math.min(MAX_SHARDS, selection.stats.files + selection.stats.unlistedFolders);
  if (max < 2) {
    return wanted ? { kind: 'unavailable', message: 'A single file cannot be split into several Jobs; it runs as one Job.' } : { kind: 'none' };
  }
  if (recommended < 2 && !wanted) return { kind: 'none' };
  return { kind: 'available', recommended: Math.min(recommended, max), max, uncountedFolders: selection.stats.uncountedFolders };
}

/** The number of Jobs typed in the split control, or undefined when it is not a whole number in 1–max. */
export function parseShardCount(text: string, max: number): number | undefined {
  const trimmed = text.trim();
  if (!/^[0-9]+$/.test(trimmed)) return undefined;
  const count = Number(trimmed);
  return count >= 1 && count <= max ? count : undefined;
}

/** planImportShards, computed again only when the tree, its ticks, the count or the thresholds change. */
export class ShardPlanCache {
  #key?: readonly unknown[];
  #result?: { shards: ImportShard[] } | { error: unknown };

  plan(tree: SelectionTree, count: number, thresholds: ShardThresholds): ImportShard[] {
    const key = [tree, tree.version, count, thresholds.maxBytesPerShard, thresholds.maxFilesPerShard];
    if (!this.#key || key.some((part, index) => part !== this.#key?.[index])) {
      this.#key = key;
      try {
        this.#result = { shards: planImportShards(tree, { ...thresholds, shards: count }) };
      } catch (error) {
        this.#result = { error };
      }
    }
    const result = this.#result as { shards: ImportShard[] } | { error: unknown };
    if ('error' in result) throw result.error;
    return result.shards;
  }
}
