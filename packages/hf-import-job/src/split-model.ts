import { DEFAULT_MAX_BYTES_PER_SHARD, DEFAULT_MAX_FILES_PER_SHARD, formatBytes, type ImportShard, type SelectionStats, type ShardThresholds } from '@s3-to-hf/core';
import { countFormat } from './follow-model.js';
import { messageOf } from '@s3-to-hf/core/format';
import { parseShardCount, splitOffer, type ShardPlanCache, type SplitOffer } from './split-offer.js';
import type { SplitViewModel } from './split-view.js';
import type { ImportJobSelection } from './types.js';

/** The split the form stands for: how many Jobs, their plan, and what is wrong with it. */
export interface SplitState {
  offer: SplitOffer;
  on: boolean;
  countText: string;
  /** Jobs the launch starts; undefined while the typed count is invalid. */
  count: number | undefined;
  /** The plan, when split into more than one Job. */
  shards?: ImportShard[];
  error?: string;
  planProblem?: string;
}

/** What the split depends on: the selection, the page's limits and `shards`, and what the user chose. */
export interface SplitInputs {
  selection?: ImportJobSelection;
  thresholds: ShardThresholds;
  /** The page's `shards`: the number of Jobs to offer instead of the recommendation. */
  asked?: number;
  /** The split checkbox as the user left it; undefined: on whenever a split is offered. */
  choice?: boolean;
  /** The number of Jobs as typed; undefined: `asked`, else the recommendation. */
  countText?: string;
}

/** The page's per-Job limits, those it leaves out falling back to core's defaults. */
export function shardThresholds(maxBytesPerShard: number | undefined, maxFilesPerShard: number | undefined): ShardThresholds {
  return {
    ...(maxBytesPerShard === undefined ? {} : { maxBytesPerShard }),
    ...(maxFilesPerShard === undefined ? {} : { maxFilesPerShard }),
  };
}

/** How the import splits, planned (through `plans`) when the user keeps the split on. */
export function splitState({ selection, thresholds, asked, choice, countText: typed }: SplitInputs, plans: ShardPlanCache): SplitState {
  const offer = splitOffer(selection, thresholds, asked);
  if (offer.kind !== 'available') return { offer, on: false, countText: '1', count: 1 };
  const wanted = asked !== undefined && asked > 1 ? Math.min(Math.round(asked), offer.max) : undefined;
  const countText = typed ?? String(wanted ?? offer.recommended);
  const on = choice ?? true;
  if (!on) return { offer, on, countText, count: 1 };
  const count = parseShardCount(countText, offer.max);
  if (count === undefined) {
    return { offer, on, countText, count: undefined, error: `Enter a whole number of Jobs from 1 to ${countFormat.format(offer.max)}, or untick “Split” to run one Job.` };
  }
  if (count === 1) return { offer, on, countText, count: 1 };
  try {
    const shards = plans.plan(selection?.tree as NonNullable<ImportJobSelection['tree']>, count, thresholds);
    return { offer, on, countText, count: shards.length, ...(shards.length > 1 ? { shards } : {}) };
  } catch (error) {
    return { offer, on, countText, count: undefined, planProblem: `This selection cannot be split: ${messageOf(error)}` };
  }
}

const WHY = 'Split, its parts run as Jobs side by side, each on its own machine: faster, and a Job that fails can be retried alone.';

/** What the "Split into several Jobs" section shows; undefined when no split is offered. */
export function splitModel(split: SplitState, thresholds: ShardThresholds, stats: SelectionStats | undefined, fieldError: string | undefined): SplitViewModel | undefined {
  const { offer } = split;
  if (offer.kind === 'none') return undefined;
  if (offer.kind === 'unavailable') return { unavailable: offer.message, split: false, countText: '1', max: 1, recommended: 1, shards: [] };
  const limits = { bytes: thresholds.maxBytesPerShard ?? DEFAULT_MAX_BYTES_PER_SHARD, files: thresholds.maxFilesPerShard ?? DEFAULT_MAX_FILES_PER_SHARD };
  const why =
    offer.recommended > 1 && stats
      ? `One Job should import at most ${formatBytes(limits.bytes)} or ${countFormat.format(limits.files)} files, and this selection has ` +
        `${countFormat.format(stats.files)} files · ${formatBytes(stats.bytes)}. ${WHY}`
      : WHY;
  const shards = split.shards ?? [];
  // The bars show what the planner balances: each Job's larger share of the byte or file limit.
  const load = (shard: ImportShard) => Math.max(shard.bytes / limits.bytes, shard.files / limits.files);
  const heaviest = Math.max(Number.MIN_VALUE, ...shards.map(load));
  const note = [
    'Each Job imports its own disjoint part of the tree with its own filters; together they import exactly the selection, each file once.',
    offer.uncountedFolders > 0
      ? `${countFormat.format(offer.uncountedFolders)} selected ${offer.uncountedFolders === 1 ? 'folder is' : 'folders are'} not counted yet, ` +
        'so the sizes of their Jobs are guesses: count them in the tree for an even split.'
      : '',
  ];
  const error = split.error ?? fieldError;
  return {
    why,
    split: split.on,
    countText: split.countText,
    max: offer.max,
    recommended: offer.recommended,
    ...(split.count !== undefined ? { count: split.count } : {}),
    ...(error ? { error } : {}),
    ...(split.planProblem ? { planProblem: split.planProblem } : {}),
    shards: shards.map((shard, index) => ({
      name: `Job ${index + 1}`,
      size:
        `${countFormat.format(shard.files)} ${shard.files === 1 ? 'file' : 'files'} · ${formatBytes(shard.bytes)}` +
        (shard.uncountedFolders > 0 ? ` + ${countFormat.format(shard.uncountedFolders)} uncounted ${shard.uncountedFolders === 1 ? 'folder' : 'folders'}` : ''),
      weight: load(shard) / heaviest,
    })),
    note: note.filter(Boolean).join(' '),
  };
}
