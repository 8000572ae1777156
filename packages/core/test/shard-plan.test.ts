import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compileFilters } from '../src/filters/compile-filters.js';
import { EmptySelectionError, LeadingSlashKeysError } from '../src/filters/filter-errors.js';
import { SelectionTree, type S3FileEntry } from '../src/selection/selection-tree.js';
import type { ImportShard } from '../src/shard/import-shard.js';
import { planImportShards } from '../src/shard/plan-import-shards.js';
import { recommendShardCount } from '../src/shard/recommend-shard-count.js';
import { ShardPlanError } from '../src/shard/shard-plan-error.js';
import { importsKey } from './import-relative-key.js';
import { isSelectedInTree, lazySessionArbitrary, playSession, syntheticKeysBelow, type LazySession } from './selection-arbitraries.js';

const file = (key: string, size = 1): S3FileEntry => ({ key, size });

/** How many of the shards' imports copy `key`. */
const importsOf = (shards: readonly ImportShard[], key: string) => shards.filter((shard) => importsKey(shard.filters, key)).length;

/** Gives some never-listed folders a count (picked and sized by `counts`); returns the sizes given. */
function countSomeFolders(session: LazySession, counts: readonly [number, number, number][], all = false): Map<string, number> {
  const given = new Map<string, number>();
  session.unlistedFolders.forEach((folder, index) => {
    const [pick, files, bytes] = counts[index % Math.max(1, counts.length)] ?? [0, 1, 1];
    if (!all && pick % 2 === 0) return;
    session.tree.setFolderCount(folder, { files, bytes });
    given.set(folder, bytes);
  });
  return given;
}

const countsArbitrary = fc.array(fc.tuple(fc.nat(), fc.nat(50), fc.nat(20_000)), { maxLength: 8 });

describe('planImportShards on random selections', () => {
  /*
   * Random hostile buckets explored lazily (some folders never listed, some of those counted), with
   * random ticks and a random shard count. Over every key of the bucket and invented keys below the
   * never-listed folders, each selected key must be imported by exactly one shard and every other
   * key by none, judged by core's matcher with the importer's relative paths. The shards' totals
   * must add up to the selection's, and each shard's filters must be what compileFilters gives for
   * its part of the selection alone (so they are exact and as short as possible).
   */
  test('the shards together import exactly the selection, each key once', () => {
    const counts = { cases: 0, multiShard: 0, unlistedInShards: 0, leadingSlash: 0 };
    fc.assert(
      fc.property(lazySessionArbitrary({ maxKeys: 40 }), fc.integer({ min: 1, max: 7 }), countsArbitrary, (session, requested, folderCounts) => {
        const { tree, universe, unlistedFolders } = session;
        countSomeFolders(session, folderCounts);
        const stats = tree.stats();
        if (stats.files + stats.unlistedFolders === 0) return;
        let shards: ImportShard[];
        try {
          shards = planImportShards(tree, { shards: requested });
        } catch (error) {
          assert.ok(error instanceof LeadingSlashKeysError, String(error));
          assert.ok(tree.isFolder('/'), 'only keys starting with "/" make a shard inexpressible');
          counts.leadingSlash++;
          return;
        }
        const context = JSON.stringify({ steps: session.steps, requested, shards: shards.map((shard) => shard.filters) });
        assert.ok(shards.length >= 1 && shards.length <= requested, context);
        for (const key of [...universe.map((entry) => entry.key), ...syntheticKeysBelow(unlistedFolders, universe)]) {
          assert.equal(importsOf(shards, key), isSelectedInTree(tree, key) ? 1 : 0, `${JSON.stringify(key)} in ${context}`);
        }
        const sum = (field: 'files' | 'bytes' | 'unlistedFolders' | 'uncountedFolders') => shards.reduce((total, shard) => total + shard[field], 0);
        assert.deepEqual(
          { files: sum('files'), bytes: sum('bytes'), unlistedFolders: sum('unlistedFolders'), uncountedFolders: sum('uncountedFolders') },
          stats,
        );
        for (const shard of shards) assert.ok(shard.files + shard.unlistedFolders > 0, `an empty shard in ${context}`);
        // Each shard's filters are those compileFilters gives for that part of the selection alone.
        if (shards.length > 1) {
          for (const shard of shards) {
            const alone = playSession(universe, session.steps).tree;
            alone.setSelected('', false);
            for (const { key } of universe) if (alone.has(key) && importsKey(shard.filters, key)) alone.setSelected(key, true);
            for (const folder of unlistedFolders) if (importsKey(shard.filters, `${folder}zz`)) alone.setSelected(folder, true);
            assert.deepEqual(shard.filters, compileFilters(alone), context);
          }
        }
        counts.cases++;
        if (shards.length > 1) counts.multiShard++;
        if (shards.length > 1 && stats.unlistedFolders > 0) counts.unlistedInShards++;
      }),
      { numRuns: 600 },
    );
    assert.ok(counts.cases > 400 && counts.multiShard > 250 && counts.unlistedInShards > 80, JSON.stringify(counts));
  });

  /*
   * With every size known, the heaviest shard stays near the fair share: above it by at most a
   * quarter of it, or by the largest indivisible unit (a file, a never-listed folder), whichever is
   * more; so always within twice the ideal. Checked for bytes, then for files, each made the only
   * weight that matters through the thresholds.
   */
  test('shards are balanced by bytes, or by files, within a bounded factor of the ideal', () => {
    let cases = 0;
    fc.assert(
      fc.property(lazySessionArbitrary({ maxKeys: 60 }), fc.integer({ min: 2, max: 6 }), countsArbitrary, (session, requested, folderCounts) => {
        const { tree } = session;
        countSomeFolders(session, folderCounts, true);
        const stats = tree.stats();
        if (stats.files + stats.unlistedFolders === 0) return;
        const units = selectedUnits(session);
        const checks = [
          { field: 'bytes' as const, thresholds: { maxBytesPerShard: 1, maxFilesPerShard: Number.MAX_SAFE_INTEGER }, unit: (u: Unit) => u.bytes },
          { field: 'files' as const, thresholds: { maxBytesPerShard: 1e300, maxFilesPerShard: 1 }, unit: (u: Unit) => u.files },
        ];
        for (const { field, thresholds, unit } of checks) {
          let shards: ImportShard[];
          try {
            shards = planImportShards(tree, { shards: requested, ...thresholds });
          } catch (error) {
            assert.ok(error instanceof LeadingSlashKeysError, String(error));
            return;
          }
          const share = stats[field] / requested;
          const largestUnit = Math.max(0, ...units.map(unit));
          const heaviest = Math.max(...shards.map((shard) => shard[field]));
          const bound = share + Math.max(share / 4, largestUnit);
          assert.ok(heaviest <= bound + 1e-9, `${field}: heaviest ${heaviest} > ${bound} (${JSON.stringify(shards.map((shard) => shard[field]))})`);
        }
        cases++;
      }),
      { numRuns: 300 },
    );
    assert.ok(cases > 200, `only ${cases} cases`);
  });
});

interface Unit {
  bytes: number;
  files: number;
}

/** The indivisible parts of a selection: its selected listed files and selected never-listed folders. */
function selectedUnits({ tree, universe, unlistedFolders }: LazySession): Unit[] {
  const files = universe.filter((entry) => tree.has(entry.key) && tree.state(entry.key) === 'checked').map((entry) => ({ bytes: entry.size, files: 1 }));
  const folders = unlistedFolders
    .filter((folder) => tree.state(folder) === 'checked')
    .map((folder) => tree.folderCount(folder) ?? { files: 0, bytes: 0 });
  return [...files, ...folders];
}

describe('planImportShards on readable cases', () => {
  /** 4 shard folders of 10 files of 100 bytes each below data/train/, plus a README. */
  const dataset = () => {
    const keys = [file('README.md', 5)];
    for (let folder = 0; folder < 4; folder++) {
      for (let index = 0; index < 10; index++) keys.push(file(`data/train/part-${folder}/${index}.parquet`, 100));
    }
    return SelectionTree.fromKeys(keys);
  };

  test('one shard is exactly what compileFilters gives', () => {
    const tree = dataset();
    tree.setSelected('data/', true);
    tree.setSelected('data/train/part-2/3.parquet', false);
    const [shard, ...others] = planImportShards(tree, { shards: 1 });
    assert.deepEqual(others, []);
    assert.deepEqual(shard, { filters: compileFilters(tree), files: 39, bytes: 3900, unlistedFolders: 0, uncountedFolders: 0 });
  });

  test('splits between whole folders, each shard with short exact filters', () => {
    const tree = dataset();
    tree.setSelected('data/', true);
    tree.setSelected('data/train/part-2/3.parquet', false);
    const shards = planImportShards(tree, { shards: 2 });
    assert.deepEqual(
      shards.map(({ filters, files }) => ({ filters, files })),
      [
        // Two patterns either way; excluding wins ties, as it needs no include.
        { filters: { root: 'data/train/', include: [], exclude: ['part-2/*', 'part-3/*'] }, files: 20 },
        { filters: { root: 'data/train/', include: [], exclude: ['part-0/*', 'part-1/*', 'part-2/3.parquet'] }, files: 19 },
      ],
    );
  });

  test('without a shard count, the thresholds decide how many', () => {
    const tree = dataset();
    tree.setSelected('', true);
    assert.equal(planImportShards(tree).length, 1, 'small selections stay one Job');
    const byFiles = planImportShards(tree, { maxFilesPerShard: 15 });
    assert.equal(byFiles.length, 3);
    assert.ok(byFiles.every((shard) => shard.files <= 15), JSON.stringify(byFiles.map((shard) => shard.files)));
    const byBytes = planImportShards(tree, { maxBytesPerShard: 1000 });
    assert.equal(byBytes.length, 5);
    assert.ok(byBytes.every((shard) => shard.bytes <= 1000), JSON.stringify(byBytes.map((shard) => shard.bytes)));
  });

  test('cuts through a folder of files only when it must, and then exactly', () => {
    const flat = SelectionTree.fromKeys(Array.from({ length: 12 }, (_, index) => file(`flat/${String(index).padStart(2, '0')}`, 10)));
    flat.setSelected('', true);
    const shards = planImportShards(flat, { shards: 3 });
    assert.deepEqual(shards.map((shard) => shard.files), [4, 4, 4]);
    assert.deepEqual(shards[0].filters, { root: 'flat/', include: ['00', '01', '02', '03'], exclude: [] });
    for (let index = 0; index < 12; index++) assert.equal(importsOf(shards, `flat/${String(index).padStart(2, '0')}`), 1);
  });

  test('a never-listed folder is one indivisible part, sized by its count', () => {
    const tree = new SelectionTree();
    tree.addListing('', [file('small', 10)], ['huge/', 'big/']);
    tree.setSelected('', true);
    tree.setFolderCount('huge/', { files: 1000, bytes: 1e12 });
    tree.setFolderCount('big/', { files: 10, bytes: 1e9 });
    const shards = planImportShards(tree, { shards: 4 });
    assert.deepEqual(
      shards.map(({ filters, files, bytes }) => ({ filters, files, bytes })),
      [
        { filters: { root: '', include: ['small'], exclude: [] }, files: 1, bytes: 10 },
        { filters: { root: 'big/', include: [], exclude: [] }, files: 10, bytes: 1e9 },
        { filters: { root: 'huge/', include: [], exclude: [] }, files: 1000, bytes: 1e12 },
      ],
      'three parts cannot make four shards',
    );
  });

  test('reports uncounted folders, whose sizes are unknown, and spreads them by number', () => {
    const tree = new SelectionTree();
    tree.addListing('', [], ['a/', 'b/', 'c/', 'd/']);
    tree.setSelected('', true);
    const shards = planImportShards(tree, { shards: 2 });
    assert.deepEqual(
      shards.map(({ filters, files, unlistedFolders, uncountedFolders }) => ({ filters, files, unlistedFolders, uncountedFolders })),
      [
        { filters: { root: '', include: [], exclude: ['c/*', 'd/*'] }, files: 0, unlistedFolders: 2, uncountedFolders: 2 },
        { filters: { root: '', include: [], exclude: ['a/*', 'b/*'] }, files: 0, unlistedFolders: 2, uncountedFolders: 2 },
      ],
    );
  });

  test('uncounted folders weigh as much as the counted ones on average', () => {
    const tree = new SelectionTree();
    tree.addListing('', [], ['a/', 'b/', 'c/', 'd/']);
    tree.setSelected('', true);
    tree.setFolderCount('a/', { files: 100, bytes: 7000 });
    tree.setFolderCount('b/', { files: 100, bytes: 1000 });
    // c/ and d/ are taken to hold 4000 bytes each, the mean of a/ and b/: a/ b/ | c/ d/ is then
    // even (8000 | 8000), where treating them as empty would have given a/ | b/ c/ d/.
    const shards = planImportShards(tree, { shards: 2, maxBytesPerShard: 1, maxFilesPerShard: Number.MAX_SAFE_INTEGER });
    assert.deepEqual(
      shards.map(({ filters, bytes, uncountedFolders }) => ({ patterns: [...filters.include, ...filters.exclude], bytes, uncountedFolders })),
      [
        { patterns: ['c/*', 'd/*'], bytes: 8000, uncountedFolders: 0 },
        { patterns: ['a/*', 'b/*'], bytes: 0, uncountedFolders: 2 },
      ],
    );
  });

  test('very deep paths are planned without recursion', () => {
    const deep = 'd/'.repeat(20_000);
    const tree = SelectionTree.fromKeys([file(`${deep}a`, 10), file(`${deep}b`, 10), file('top', 10)]);
    tree.setSelected('', true);
    const shards = planImportShards(tree, { shards: 3 });
    assert.equal(shards.length, 3);
    for (const key of [`${deep}a`, `${deep}b`, 'top']) assert.equal(importsOf(shards, key), 1, key.slice(-5));
  });

  test('nothing selected throws EmptySelectionError', () => {
    assert.throws(() => planImportShards(dataset(), { shards: 2 }), EmptySelectionError);
  });

  test('invalid options are refused, naming the option', () => {
    const tree = dataset();
    tree.setSelected('', true);
    const refuses = (options: Parameters<typeof planImportShards>[1], field: string) =>
      assert.throws(
        () => planImportShards(tree, options),
        (error: unknown) => error instanceof ShardPlanError && error.field === field && error.kind === 'invalid-shard-option',
      );
    refuses({ shards: 0 }, 'shards');
    refuses({ shards: 2.5 }, 'shards');
    refuses({ shards: 1001 }, 'shards');
    refuses({ maxBytesPerShard: 0 }, 'maxBytesPerShard');
    refuses({ maxBytesPerShard: Number.NaN }, 'maxBytesPerShard');
    refuses({ maxFilesPerShard: 0.5 }, 'maxFilesPerShard');
  });
});

describe('recommendShardCount', () => {
  test('one Job below both thresholds, then the fewest that keep each under both', () => {
    assert.equal(recommendShardCount({ files: 0, bytes: 0 }), 1);
    assert.equal(recommendShardCount({ files: 1_000_000, bytes: 500e9 }), 1);
    assert.equal(recommendShardCount({ files: 1_000_001, bytes: 1 }), 2);
    assert.equal(recommendShardCount({ files: 10, bytes: 3e12 }), 6);
    assert.equal(recommendShardCount({ files: 100, bytes: 100 }, { maxFilesPerShard: 30 }), 4);
    assert.equal(recommendShardCount({ files: 1, bytes: 1e18 }), 1000, 'capped');
  });

  test('refuses thresholds that cannot be limits', () => {
    assert.throws(() => recommendShardCount({ files: 1, bytes: 1 }, { maxFilesPerShard: -1 }), ShardPlanError);
  });
});
