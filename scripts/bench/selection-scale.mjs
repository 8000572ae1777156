// How SelectionTree and compileFilters scale: build a tree from a full listing, tick as a user
// would, compile, at 10k, 100k and 1M keys. The baseline is the same work at a tenth of the keys:
// linear cost shows as a growth ratio of about 10 per step. The 1M figure is checked against the
// 1 s budget of the requirement. Planning 8 shards of the same selection is timed alongside.
import { compileFilters, planImportShards, SelectionTree } from '@s3-to-hf/core';
import { datasetKeys } from './dataset-keys.mjs';
import { formatCount, formatMs, formatRatio, significant } from './statistics.mjs';

const BUDGET_MS = 1000;
// Small sizes take milliseconds: they are repeated for at least this long, after a longer warm-up.
const TIMING = { warmup: 3, minMs: 300 };
const SHARDS = 8;

/**
 * What a user does on a large dataset: tick everything, untick 1% of the shard folders, and one
 * file in every 20th shard folder.
 */
function tickLikeAUser(tree, folders, entries) {
  tree.setSelected('', true);
  for (let index = 7; index < folders.length; index += 100) tree.setSelected(folders[index], false);
  for (let index = 0; index < entries.length; index += 20_000) tree.setSelected(entries[index].key, false);
}

/** The worst case for the compiler: every other file of the whole dataset unticked one by one. */
function tickEveryOtherFile(tree, entries) {
  tree.setSelected('', true);
  for (let index = 0; index < entries.length; index += 2) tree.setSelected(entries[index].key, false);
}

export default {
  async run(context) {
    const sizes = context.quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
    const realistic = [];
    const scattered = [];
    for (const size of sizes) {
      context.log(`selection-scale: ${formatCount(size)} keys`);
      const { entries, folders } = datasetKeys(size);
      const build = await context.time(() => SelectionTree.fromKeys(entries), TIMING);
      context.gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const kept = SelectionTree.fromKeys(entries);
      context.gc();
      const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      kept.setSelected('', true);

      const select = await context.time((tree) => tickLikeAUser(tree, folders, entries), { ...TIMING, prepare: () => SelectionTree.fromKeys(entries) });
      const compile = await context.time((tree) => compileFilters(tree), {
        ...TIMING,
        prepare: () => {
          const tree = SelectionTree.fromKeys(entries);
          tickLikeAUser(tree, folders, entries);
          return tree;
        },
      });
      const patterns = compile.last.include.length + compile.last.exclude.length;
      const shards = await context.time((tree) => planImportShards(tree, { shards: SHARDS }), {
        ...TIMING,
        prepare: () => {
          const tree = SelectionTree.fromKeys(entries);
          tickLikeAUser(tree, folders, entries);
          return tree;
        },
      });
      const shardPatterns = shards.last.map((shard) => shard.filters.include.length + shard.filters.exclude.length);
      realistic.push({ size, build: build.median, select: select.median, compile: compile.median, patterns, heapMiB, shards: shards.median, shardPatterns });

      const scatter = await context.time((tree) => tickEveryOtherFile(tree, entries), { ...TIMING, prepare: () => SelectionTree.fromKeys(entries) });
      const scatteredCompile = await context.time((tree) => compileFilters(tree), {
        ...TIMING,
        prepare: () => {
          const tree = SelectionTree.fromKeys(entries);
          tickEveryOtherFile(tree, entries);
          return tree;
        },
      });
      const scatteredPatterns = scatteredCompile.last.include.length + scatteredCompile.last.exclude.length;
      scattered.push({ size, build: build.median, select: scatter.median, compile: scatteredCompile.median, patterns: scatteredPatterns });
    }

    const total = (row) => row.build + row.select + row.compile;
    const growth = (rows, index) => (index === 0 ? 'baseline' : formatRatio(total(rows[index]) / total(rows[index - 1])));
    const budget = (row) => `${significant((100 * total(row)) / BUDGET_MS, 2)}%`;
    const table = (rows, caption) => ({
      caption,
      columns: ['keys', 'build', 'select', 'compile', 'total', 'growth (×10 keys)', 'of 1 s', 'patterns'],
      rows: rows.map((row, index) => [
        formatCount(row.size),
        formatMs(row.build),
        formatMs(row.select),
        formatMs(row.compile),
        formatMs(total(row)),
        growth(rows, index),
        budget(row),
        row.patterns.toLocaleString('en-US'),
      ]),
    });
    const largest = realistic.at(-1);
    const largestScattered = scattered.at(-1);
    return {
      tables: [
        table(realistic, 'A user ticks a dataset (data/<split>/shard-N/part-N.parquet, 1000 files per folder): all, minus 1% of the folders and one file in every 20th folder.'),
        table(scattered, 'Worst case for the compiler: every other file unticked one by one (about one pattern per two keys).'),
        {
          caption: `planImportShards into ${SHARDS} shards, the user's ticks above (pieces, cuts, and each shard's filters).`,
          columns: ['keys', 'time', 'growth (×10 keys)', 'patterns per shard'],
          rows: realistic.map((row, index) => [
            formatCount(row.size),
            formatMs(row.shards),
            index === 0 ? 'baseline' : formatRatio(row.shards / realistic[index - 1].shards),
            row.shardPatterns.join(' / '),
          ]),
        },
      ],
      notes: [
        `Tree memory: ${realistic.map((row) => `${formatCount(row.size)} keys ${significant(row.heapMiB)} MiB`).join(', ')} (JS heap, not counting the key strings, which the listing holds anyway).`,
        `At ${formatCount(largest.size)} keys, build + select + compile take ${formatMs(total(largest))} for the user's ticks and ${formatMs(total(largestScattered))} in the worst case, against a budget of 1 s.`,
        'Growth is the total time over the total at ten times fewer keys: 10× is linear.',
      ],
    };
  },
};
