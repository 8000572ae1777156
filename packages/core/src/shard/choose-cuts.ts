import type { ShardPiece } from './plan-pieces.js';

// A cut may move this far (as a fraction of a shard's fair share) from its ideal place to land
// between two subtrees instead of inside a folder's files.
const CUT_SLACK = 1 / 8;

/**
 * Where to cut the pieces (kept in order) into `count` shards of about equal load. Shard k ends
 * near k/count of the total; within CUT_SLACK of a fair share around that point the cut goes
 * where it costs the fewest patterns (between subtrees rather than through a folder's files),
 * then as close to the ideal as possible. With no boundary that near, the nearest one is taken.
 * Each shard gets at least one piece, so fewer shards come out only when there are fewer pieces.
 *
 * Without `maxLoad`, the heaviest shard stays within `share + max(2·CUT_SLACK·share, heaviest
 * piece)`, where share is total/count: every cut is within max(CUT_SLACK·share, heaviest piece / 2)
 * of its ideal. With it, cuts are also kept where every shard can stay under it, when they can.
 * @returns the index of the first piece of each shard, starting with 0.
 */
export function chooseCuts(pieces: readonly ShardPiece[], count: number, maxLoad = Infinity): number[] {
  if (pieces.length <= count) return pieces.map((_, index) => index);
  // before[i]: load of the pieces before piece i, so before[pieces.length] is the total.
  const before = new Float64Array(pieces.length + 1);
  for (let index = 0; index < pieces.length; index++) before[index + 1] = before[index] + pieces[index].load;
  const total = before[pieces.length];
  const share = total / count;
  const slack = share * CUT_SLACK;
  const starts = [0];
  for (let shard = 1; shard < count; shard++) {
    const previous = starts[starts.length - 1];
    // A cut is the index of the piece that starts the next shard; leave one piece per shard to come.
    const allowed = {
      first: previous + 1,
      last: pieces.length - (count - shard),
      // Loads that keep this shard, and all those still to come, under maxLoad.
      lowest: total - (count - shard) * maxLoad,
      highest: before[previous] + maxLoad,
    };
    const ideal = shard * share;
    starts.push(
      cheapestCut(pieces, before, ideal, { ...allowed, lowest: Math.max(allowed.lowest, ideal - slack), highest: Math.min(allowed.highest, ideal + slack) }) ??
        nearestCut(before, ideal, allowed) ??
        nearestCut(before, ideal, { ...allowed, lowest: -Infinity, highest: Infinity }) ??
        allowed.first,
    );
  }
  return starts;
}

/** Indices `first..last` whose load before them lies in `[lowest, highest]`. */
interface CutRange {
  first: number;
  last: number;
  lowest: number;
  highest: number;
}

/** The cut in range with the lowest cost, then closest to the ideal; undefined when there is none. */
function cheapestCut(pieces: readonly ShardPiece[], before: Float64Array, ideal: number, range: CutRange): number | undefined {
  let best: number | undefined;
  for (let cut = Math.max(range.first, firstIndexAtLeast(before, range.lowest)); cut <= range.last && before[cut] <= range.highest; cut++) {
    if (best === undefined || pieces[cut].cutCost < pieces[best].cutCost) best = cut;
    else if (pieces[cut].cutCost === pieces[best].cutCost && Math.abs(before[cut] - ideal) < Math.abs(before[best] - ideal)) best = cut;
  }
  return best;
}

/** The cut in range closest to the ideal; undefined when there is none. */
function nearestCut(before: Float64Array, ideal: number, range: CutRange): number | undefined {
  const first = Math.max(range.first, firstIndexAtLeast(before, range.lowest));
  const last = Math.min(range.last, firstIndexAbove(before, range.highest) - 1);
  if (first > last) return undefined;
  const above = Math.min(last, Math.max(first, firstIndexAtLeast(before, ideal)));
  const below = Math.max(first, above - 1);
  return Math.abs(before[below] - ideal) <= Math.abs(before[above] - ideal) ? below : above;
}

/** Smallest index whose value is at least `value` (values are sorted), or the length. */
function firstIndexAtLeast(values: Float64Array, value: number): number {
  return firstIndexWhere(values, (candidate) => candidate >= value);
}

/** Smallest index whose value is above `value` (values are sorted), or the length. */
function firstIndexAbove(values: Float64Array, value: number): number {
  return firstIndexWhere(values, (candidate) => candidate > value);
}

/** Binary search for the first index where a condition that stays true once true holds. */
function firstIndexWhere(values: Float64Array, holds: (value: number) => boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holds(values[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}
