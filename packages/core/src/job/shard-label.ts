/** Where a Job stands in a sharded import: shard `index` (from 1) of `count`. */
export interface ShardPosition {
  index: number;
  count: number;
}

const SHARD_LABEL = /^([1-9][0-9]*)-of-([1-9][0-9]*)$/;

/** `{ index: 2, count: 4 }` → `'2-of-4'`, the value of the `shard` Job label. */
export function formatShardLabel({ index, count }: ShardPosition): string {
  if (!Number.isInteger(index) || !Number.isInteger(count) || index < 1 || index > count) {
    throw new RangeError(`A shard position needs 1 ≤ index ≤ count (whole numbers), got ${index} of ${count}`);
  }
  return `${index}-of-${count}`;
}

/** The position a `shard` label names, or undefined when the value is not `<index>-of-<count>`. */
export function parseShardLabel(value: string | undefined): ShardPosition | undefined {
  const match = value === undefined ? null : SHARD_LABEL.exec(value);
  if (!match) return undefined;
  const position = { index: Number(match[1]), count: Number(match[2]) };
  return position.index <= position.count ? position : undefined;
}
