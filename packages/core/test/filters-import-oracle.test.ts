import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { compileFilters } from '../src/filters/compile-filters.js';
import { FilterFileError, LeadingSlashKeysError } from '../src/filters/filter-errors.js';
import { parseFilterFile } from '../src/filters/parse-filter-file.js';
import { renderFilterFile } from '../src/filters/render-filter-file.js';
import { PythonOracle } from './filters-python-oracle.js';
import { isSelectedInTree, lazySessionArbitrary, syntheticKeysBelow } from './selection-arbitraries.js';

let python: PythonOracle;
let scratch: string;

before(async () => {
  python = PythonOracle.start();
  scratch = await mkdtemp(join(tmpdir(), 's3hf-filters-'));
});

after(async () => {
  await python.close();
  await rm(scratch, { recursive: true, force: true });
});

/*
 * Random hostile buckets, explored lazily (some folders never listed), with random ticks. The
 * compiled filters are handed to Python, which runs the importer's own filter logic with the real
 * fnmatch over every key of the bucket plus invented keys below the never-listed folders; it must
 * copy exactly the keys the tree shows as selected. The same filters rendered as a --filter-from
 * file, read back by Python's open()/strip() parsing, must copy the same keys.
 */
test('Python imports exactly the selection, with arguments and with a filter file', async () => {
  let fileCases = 0;
  let checkedCases = 0;
  let casesWithPatterns = 0;
  let caseNumber = 0;
  await fc.assert(
    fc.asyncProperty(lazySessionArbitrary({ maxKeys: 30 }), async ({ tree, universe, unlistedFolders }) => {
      if (tree.stats().files + tree.stats().unlistedFolders === 0) return;
      let filters;
      try {
        filters = compileFilters(tree);
      } catch (error) {
        // Only keys that start with "/" at the bucket root may make a selection inexpressible.
        assert.ok(error instanceof LeadingSlashKeysError, String(error));
        assert.equal(tree.isFolder('/'), true);
        return;
      }
      const keys = [...universe.map((entry) => entry.key), ...syntheticKeysBelow(unlistedFolders, universe)];
      const expected = keys.filter((key) => isSelectedInTree(tree, key));

      let filterFile: string | undefined;
      let fileText: string | undefined;
      try {
        fileText = renderFilterFile(filters);
        filterFile = join(scratch, `case-${caseNumber++}.txt`);
        await writeFile(filterFile, fileText, 'utf8');
      } catch (error) {
        assert.ok(error instanceof FilterFileError, String(error));
        assert.match(error.pattern, /[\r\n]/);
      }

      const answer = await python.importedKeys({ ...filters, keys, filterFile });
      assert.deepEqual(answer.byArguments.sort(), [...expected].sort(), JSON.stringify({ filters, expected }));
      if (fileText !== undefined) {
        assert.deepEqual(answer.rules, parseFilterFile(fileText), 'parseFilterFile reads the file like Python');
        assert.deepEqual(answer.byFilterFile?.sort(), [...expected].sort(), JSON.stringify({ fileText, expected }));
        fileCases++;
      }
      checkedCases++;
      if (filters.include.length + filters.exclude.length > 0) casesWithPatterns++;
    }),
    { numRuns: 500 },
  );
  // Guard against a generator that silently stops producing useful cases.
  assert.ok(checkedCases > 300, `only ${checkedCases} cases reached Python`);
  assert.ok(casesWithPatterns > 150, `only ${casesWithPatterns} cases needed patterns`);
  assert.ok(fileCases > 150, `only ${fileCases} cases could be written as a filter file`);
});
