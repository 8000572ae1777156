// How many patterns the import needs: compileFilters' fewest mix of includes and excludes, against
// the rule "all includes or all excludes, whichever is fewer, with folder patterns" (whole folders
// as `folder/*`, single files otherwise), computed here for the same root. Counts, not times: the
// figures are exact and the same on every machine.
import { compileFilters, SelectionTree } from '@s3-to-hf/core';
import { datasetKeys, imageKeys } from './dataset-keys.mjs';
import { formatCount, formatRatio } from './statistics.mjs';

function coverage(folder) {
  const { leaves, selectedLeaves } = folder.totals;
  if (selectedLeaves === 0) return leaves === 0 ? 'empty' : 'none';
  return selectedLeaves === leaves ? 'all' : 'mixed';
}

/** Patterns with includes only: every fully selected folder as one, and every other selected file. */
function includesOnly(folder) {
  const kind = coverage(folder);
  if (kind !== 'mixed') return kind === 'all' ? 1 : 0;
  return folder.directSelectedFiles + folder.folders.reduce((sum, child) => sum + includesOnly(child), 0);
}

/** Patterns with excludes only: every fully unselected folder as one, and every other unselected file. */
function excludesOnly(folder) {
  const kind = coverage(folder);
  if (kind !== 'mixed') return kind === 'none' ? 1 : 0;
  return folder.fileKeys.length - folder.directSelectedFiles + folder.folders.reduce((sum, child) => sum + excludesOnly(child), 0);
}

function folderAt(top, path) {
  let folder = top;
  while (folder.path !== path) folder = folder.folders.find((child) => path.startsWith(child.path));
  return folder;
}

const pad = (number, digits) => String(number).padStart(digits, '0');

const scenarios = [
  {
    name: 'a dataset, 3 shard folders unticked',
    keys: () => datasetKeys(100_000).entries,
    tick(tree) {
      tree.setSelected('', true);
      for (const shard of [12, 40, 77]) tree.setSelected(`data/train/shard-${pad(shard, 5)}/`, false);
    },
  },
  {
    name: 'train minus 3 shard folders, plus 5 files of valid',
    keys: () => datasetKeys(100_000).entries,
    tick(tree) {
      tree.setSelected('data/train/', true);
      for (const shard of [12, 40, 77]) tree.setSelected(`data/train/shard-${pad(shard, 5)}/`, false);
      for (let file = 0; file < 5; file++) tree.setSelected(`data/valid/shard-00090/part-${pad(file * 7, 4)}.parquet`, true);
    },
  },
  {
    name: '20 of 1000 image classes, 2 images dropped in each',
    keys: () => imageKeys(1000, 100),
    tick(tree) {
      for (let label = 0; label < 1000; label += 50) {
        tree.setSelected(`images/class-${pad(label, 4)}/`, true);
        tree.setSelected(`images/class-${pad(label, 4)}/img-00003.jpg`, false);
        tree.setSelected(`images/class-${pad(label, 4)}/img-00042.jpg`, false);
      }
    },
  },
  {
    name: 'half the image classes, 1 image dropped in each of them',
    keys: () => imageKeys(1000, 100),
    tick(tree) {
      for (let label = 0; label < 1000; label += 2) {
        tree.setSelected(`images/class-${pad(label, 4)}/`, true);
        tree.setSelected(`images/class-${pad(label, 4)}/img-00009.jpg`, false);
      }
    },
  },
  {
    name: 'every shard folder, 1 file dropped in each',
    keys: () => datasetKeys(100_000).entries,
    tick(tree) {
      tree.setSelected('', true);
      for (let shard = 0; shard < 100; shard++) {
        const split = shard < 10 ? 'test' : shard < 90 ? 'train' : 'valid';
        tree.setSelected(`data/${split}/shard-${pad(shard, 5)}/part-0000.parquet`, false);
      }
    },
  },
];

export default {
  async run(context) {
    const rows = [];
    for (const scenario of scenarios) {
      context.log(`pattern-count: ${scenario.name}`);
      const entries = scenario.keys();
      const tree = SelectionTree.fromKeys(entries);
      scenario.tick(tree);
      const filters = compileFilters(tree);
      const ours = filters.include.length + filters.exclude.length;
      const root = folderAt(tree.rootFolder, filters.root);
      const includes = includesOnly(root);
      const excludes = excludesOnly(root);
      const rule = Math.min(includes, excludes);
      rows.push([
        scenario.name,
        formatCount(entries.length),
        `${ours} (${filters.include.length} + ${filters.exclude.length})`,
        String(includes),
        String(excludes),
        String(rule),
        ours === 0 ? (rule === 0 ? '1×' : '∞') : formatRatio(rule / ours),
      ]);
    }
    return {
      tables: [
        {
          columns: ['selection', 'keys', 'fewest (incl. + excl.)', 'all includes', 'all excludes', 'rule: fewer of the two', 'rule ÷ fewest'],
          rows,
        },
      ],
      notes: [
        'Both count patterns relative to the same root (the deepest folder holding the selection); "fewest" is compileFilters, proven optimal for its pattern kinds by the exhaustive test in packages/core/test/filters-compile.test.ts.',
        'The rule can never win: it is one of the choices the dynamic program weighs. It loses when a selection mixes "most of this folder" with "a few files of that one".',
      ],
    };
  },
};
