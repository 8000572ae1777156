import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { LeadingSlashKeysError } from '../src/filters/filter-errors.js';
import { planImportShards } from '../src/shard/plan-import-shards.js';
import { PythonOracle } from './filters-python-oracle.js';
import { isSelectedInTree, lazySessionArbitrary, syntheticKeysBelow } from './selection-arbitraries.js';

let python: PythonOracle;
before(() => {
  python = PythonOracle.start();
});
after(() => python.close());

/*
 * The shard planner's filters judged by Python itself: for random hostile buckets explored lazily
 * and random ticks, each shard's filters go to the importer's own filter logic with the real
 * fnmatch, over every key of the bucket and invented keys below never-listed folders. Together the
 * shards must copy exactly the keys the tree shows as selected, and no key twice.
 */
test('Python imports every selected key through exactly one shard, and nothing else', async () => {
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(lazySessionArbitrary({ maxKeys: 30 }), fc.integer({ min: 2, max: 5 }), async ({ tree, universe, unlistedFolders }, requested) => {
      if (tree.stats().files + tree.stats().unlistedFolders === 0) return;
      let shards;
      try {
        shards = planImportShards(tree, { shards: requested });
      } catch (error) {
        assert.ok(error instanceof LeadingSlashKeysError, String(error));
        return;
      }
      const keys = [...universe.map((entry) => entry.key), ...syntheticKeysBelow(unlistedFolders, universe)];
      const imported: string[] = [];
      for (const shard of shards) imported.push(...(await python.importedKeys({ ...shard.filters, keys })).byArguments);
      const expected = keys.filter((key) => isSelectedInTree(tree, key));
      assert.deepEqual(imported.sort(), expected.sort(), JSON.stringify(shards.map((shard) => shard.filters)));
      cases++;
    }),
    { numRuns: 300 },
  );
  assert.ok(cases > 200, `only ${cases} cases reached Python`);
});
