// Fuzzing the whole way from a selection to the command that runs: random hostile buckets, lazy
// tree sessions and form values go through compileFilters → buildImportJob → the Job's real bash
// script, with a stub `hf` that records its argv. The recorded arguments must say exactly the
// intended source, destination and options, and select exactly the ticked keys (checked key by key
// with the importer's own rules). A smaller number of cases run for real: the random keys are
// seeded into a scratch bucket of the Ceph RGW, listed with listFolder, imported by a Job on the hub
// emulator, and the bucket it wrote must hold exactly the ticked files.
//
// Reproduce a failure with FUZZ_SEED=<the printed seed>.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildImportJob,
  compileFilters,
  createBucket,
  createImportJob,
  EmptySelectionError,
  followJob,
  JobInputError,
  LeadingSlashKeysError,
  listFolder,
  SelectionTooLargeError,
  summarizeImportResult,
  type BuildImportJobOptions,
  type ImportFilters,
  type S3Connection,
  type S3FileEntry,
  type SelectionTree,
} from '@s3-to-hf/core';
import { isSelectedInTree, syntheticKeysBelow } from '../../packages/core/test/selection-arbitraries.js';
import { createSeededBucket } from '../../packages/core/test/s3-seeded-bucket.js';
import { bucketKeysArbitrary, KEY_UNITS, listingOf, MAX_KEY_BYTES, playSession, sessionStepsArbitrary, type SessionStep } from './support/hostile-keys.js';
import { importRelativeKey, importsKey, parseImportArgv } from './support/import-argv.js';
import { createStubHf, type StubHf } from './support/stub-hf.js';
import { useTestServers, type TestServers } from './support/test-servers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_601);
const REAL_RUNS = 16;
const SECRETS = { accessKeyId: 'AKIAFUZZACCESSKEY001', secretAccessKey: 'fuzz/secret+access=key0123456789abcdef', hfToken: 'hf_fuzzTokenValue0123456789abcdef' };

// ─── Form values ─────────────────────────────────────────────────────────────────────────────────

const folderName = fc
  .array(fc.constantFrom(...KEY_UNITS), { minLength: 1, maxLength: 3 })
  .map((units) => units.join(''))
  .filter((text) => !text.includes('/') && text !== '.' && text !== '..');
/** A destination folder name: bucket paths refuse backslashes and names ending in "..". */
const bucketFolderName = folderName.filter((text) => !text.includes('\\') && !text.endsWith('..'));

interface FormValues {
  source: BuildImportJobOptions['source'];
  destination: BuildImportJobOptions['destination'];
  dryRun: boolean;
  skipExisting: boolean;
  workers?: number;
}

const formValues: fc.Arbitrary<FormValues> = fc.record({
  source: fc.record({
    bucket: fc.constantFrom('my-bucket', 'Legacy_Bucket', 'a.b.c', 'x'.repeat(63)),
    prefix: fc.array(folderName, { maxLength: 2 }).map((names) => names.map((text) => `${text}/`).join('')),
    region: fc.constantFrom('us-east-1', 'eu-west-3', 'garage'),
    endpoint: fc.constantFrom(undefined, 'http://127.0.0.1:9000', 'https://s3.example.com/base', 'http://[::1]:7480'),
    anonymous: fc.boolean(),
  }),
  destination: fc.record({
    namespace: fc.constantFrom('alice', 'acme', 'Org_1', 'a.b-c'),
    bucket: fc.constantFrom('imports', 'B_2', 'x'.repeat(96)),
    // With or without the trailing slash, which buildImportJob adds.
    prefix: fc.tuple(fc.array(bucketFolderName, { maxLength: 2 }), fc.boolean()).map(([names, slash]) => names.join('/') + (slash && names.length ? '/' : '')),
  }),
  dryRun: fc.boolean(),
  skipExisting: fc.boolean(),
  workers: fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
});

const withoutUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

function jobOptions(form: FormValues, filters: ImportFilters): BuildImportJobOptions {
  return withoutUndefined({
    ...form,
    source: withoutUndefined(form.source),
    filters,
    credentials: { accessKeyId: SECRETS.accessKeyId, secretAccessKey: SECRETS.secretAccessKey },
    hfToken: SECRETS.hfToken,
  });
}

// ─── Expected command line ───────────────────────────────────────────────────────────────────────

const expectedSource = ({ bucket, prefix = '' }: FormValues['source'], root: string) => (prefix + root ? `s3://${bucket}/${prefix}${root}` : `s3://${bucket}`);
function expectedDestination({ namespace, bucket, prefix = '' }: FormValues['destination'], root: string): string {
  const folder = prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix;
  const path = (folder + root).replace(/\/$/, '');
  return `hf://buckets/${namespace}/${bucket}${path ? `/${path}` : ''}`;
}
const expectedOptions = (form: FormValues) => [
  ...(form.dryRun ? ['--dry-run'] : []),
  ...(form.skipExisting ? ['--skip-existing'] : []),
  ...(form.workers !== undefined ? [`--workers=${form.workers}`] : []),
];

/** Which keys the tree says are selected (folder markers are never files). */
const selectedKeys = (tree: SelectionTree, keys: readonly string[]) => keys.filter((key) => !key.endsWith('/') && isSelectedInTree(tree, key));

/** A root the importer could not mirror into bucket paths: an empty, "." or ".." folder name. */
const unmirrorableRoot = (root: string) => root !== '' && root.slice(0, -1).split('/').some((name) => name === '' || name === '.' || name === '..');

interface Tally {
  cases: number;
  keys: number;
  commandsRun: number;
  filterFileCases: number;
  splitCases: number;
  emptySelections: number;
  leadingSlashRefusals: number;
  unmirrorableRoots: number;
  tooLarge: number;
}

/** Checks one selection through the stub: the argv and, key by key, what it imports. */
async function checkThroughStub(stub: StubHf, tree: SelectionTree, keys: string[], unlistedFolders: string[], form: FormValues, tally: Tally): Promise<void> {
  tally.cases++;
  tally.keys += keys.length;
  let filters: ImportFilters;
  try {
    filters = compileFilters(tree);
  } catch (error) {
    if (error instanceof EmptySelectionError) return void tally.emptySelections++;
    assert.ok(error instanceof LeadingSlashKeysError, String(error));
    assert.ok(tree.isFolder('/'), 'only keys starting with "/" make a selection inexpressible');
    return void tally.leadingSlashRefusals++;
  }
  let spec;
  try {
    spec = await buildImportJob(jobOptions(form, filters));
  } catch (error) {
    if (error instanceof JobInputError && error.field === 'filters' && unmirrorableRoot(filters.root)) return void tally.unmirrorableRoots++;
    if (error instanceof SelectionTooLargeError) return void tally.tooLarge++;
    throw error;
  }
  const visible = JSON.stringify({ command: spec.command, arguments: spec.arguments, environment: spec.environment, labels: spec.labels });
  for (const secret of Object.values(SECRETS)) assert.ok(!visible.includes(secret), 'a secret outside the Job secrets');
  assert.deepEqual(Object.keys(spec.secrets).sort(), form.source.anonymous ? ['HF_TOKEN'] : ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'HF_TOKEN']);

  const run = stub.run(spec);
  tally.commandsRun++;
  const parsed = parseImportArgv(run.argv, run.filterFile);
  assert.equal(parsed.source, expectedSource(form.source, filters.root));
  assert.equal(parsed.destination, expectedDestination(form.destination, filters.root));
  assert.deepEqual(run.argv.slice(run.argv.length - parsed.options.length), expectedOptions(form), 'the options, last');
  if (parsed.filterFrom) {
    tally.filterFileCases++;
    if (parsed.include.length + parsed.exclude.length > 0) tally.splitCases++;
  } else {
    // On the command line the patterns arrive exactly as compiled, in order.
    assert.deepEqual({ include: parsed.include, exclude: parsed.exclude }, { include: filters.include, exclude: filters.exclude });
  }
  assert.equal(spec.environment.AWS_DEFAULT_REGION, form.source.region);

  const wanted = new Set(selectedKeys(tree, keys));
  for (const key of [...keys, ...syntheticKeysBelow(unlistedFolders, keys.map((text) => ({ key: text, size: 0 })))]) {
    const selected = wanted.has(key) || (!keys.includes(key) && isSelectedInTree(tree, key));
    assert.equal(importsKey(parsed, filters.root, key), selected, `${JSON.stringify(key)} ${selected ? 'must' : 'must not'} be imported`);
  }
}

/** A tree session against an in-memory bucket, like the UI would have it from S3. */
const inMemorySession = (keys: string[], steps: readonly SessionStep[]) => {
  const entries: S3FileEntry[] = keys.map((key, index) => ({ key, size: index }));
  return playSession(steps, async (folder) => listingOf(folder, entries));
};

/**
 * 2,600 files with long names and one odd name, too many patterns for the command line. Either a
 * third of them is ticked with the odd one (include patterns), or all but a third and not the odd
 * one (exclude patterns): the odd name is one of the patterns either way.
 */
function bulkSelection(oddName: string, oddSelected: boolean) {
  const keys = Array.from({ length: 2600 }, (_, index) => `bulk/${String(index).padStart(5, '0')}-${'n'.repeat(150)}.bin`);
  const odd = `bulk/${oddName}`;
  keys.push(odd, 'top level.txt');
  return {
    keys,
    /** Ticked files of `bulk/` besides the odd one. */
    selectedCount: oddSelected ? 867 : 2600 - 867,
    apply(tree: SelectionTree) {
      tree.setSelected('bulk/', !oddSelected);
      for (let index = 0; index < 2600; index += 3) tree.setSelected(keys[index], oddSelected);
      tree.setSelected(odd, oddSelected);
    },
  };
}

describe('import fuzz: selection → filters → Job script → hf argv', () => {
  let stub: StubHf;
  before(() => {
    stub = createStubHf();
  });
  after(() => stub.remove());

  it('passes exactly the intended arguments for random hostile buckets, sessions and forms', async (t) => {
    const tally: Tally = { cases: 0, keys: 0, commandsRun: 0, filterFileCases: 0, splitCases: 0, emptySelections: 0, leadingSlashRefusals: 0, unmirrorableRoots: 0, tooLarge: 0 };
    await fc.assert(
      fc.asyncProperty(bucketKeysArbitrary({ maxKeys: 30 }), sessionStepsArbitrary, formValues, async (keys, steps, form) => {
        const { tree, unlistedFolders } = await inMemorySession(keys, steps);
        await checkThroughStub(stub, tree, keys, unlistedFolders, form, tally);
      }),
      { seed: SEED, numRuns: 600 },
    );
    // Selections too long for the command line: the filter file, with and without names it cannot carry.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('odd\nname', 'plain-odd', ' lead', 'trail ', 'cr\rname'), fc.boolean(), formValues, async (oddName, oddSelected, form) => {
        const bulk = bulkSelection(oddName, oddSelected);
        const { tree, unlistedFolders } = await playSession([{ kind: 'list', pick: 0 }], async (folder) =>
          listingOf(folder, bulk.keys.map((key) => ({ key, size: 1 }))),
        );
        bulk.apply(tree);
        await checkThroughStub(stub, tree, bulk.keys, unlistedFolders, form, tally);
      }),
      { seed: SEED, numRuns: 6 },
    );
    t.diagnostic(`seed ${SEED}: ${tally.cases} cases, ${tally.keys} keys, ${tally.commandsRun} Job scripts run through bash`);
    t.diagnostic(
      `${tally.filterFileCases} through --filter-from (${tally.splitCases} with arguments next to it); not importable as asked: ` +
        `${tally.emptySelections} empty, ${tally.leadingSlashRefusals} leading "/", ${tally.unmirrorableRoots} "//" or "." roots, ${tally.tooLarge} too large`,
    );
    assert.deepEqual(stub.strayFiles(), [], 'no script ever ran part of a key as a command');
    assert.ok(tally.commandsRun > 400, `only ${tally.commandsRun} commands ran: the generator stopped producing useful cases`);
    assert.ok(tally.filterFileCases >= 4 && tally.splitCases >= 1, 'the filter file and its split were exercised');
  });

  it('either refuses a hostile form value at its field or passes it through byte for byte', async (t) => {
    const fields = ['source.bucket', 'source.prefix', 'source.region', 'source.endpoint', 'destination.namespace', 'destination.bucket', 'destination.prefix'] as const;
    const hostileText = fc.oneof(
      fc.array(fc.constantFrom(...KEY_UNITS, '/', '//', '..', '\0', 'https://', 'http://localhost', '@', ':'), { maxLength: 6 }).map((units) => units.join('')),
      fc.string({ maxLength: 12 }),
    );
    let refused = 0;
    let passed = 0;
    await fc.assert(
      fc.asyncProperty(formValues, fc.constantFrom(...fields), hostileText, async (form, field, value) => {
        const [group, name] = field.split('.') as ['source' | 'destination', string];
        const hostile: FormValues = { ...form, [group]: { ...form[group], [name]: value } };
        const filters = { root: '', include: ['a'], exclude: [] };
        let spec;
        try {
          spec = await buildImportJob(jobOptions(hostile, filters));
        } catch (error) {
          assert.ok(error instanceof JobInputError, `${field}=${JSON.stringify(value)}: ${String(error)}`);
          assert.equal(error.field, field, `${JSON.stringify(value)}: ${error.message}`);
          refused++;
          return;
        }
        const parsed = parseImportArgv(stub.run(spec).argv, undefined);
        if (group === 'source' && name !== 'region' && name !== 'endpoint') assert.equal(parsed.source, expectedSource(hostile.source, ''));
        if (group === 'destination') assert.equal(parsed.destination, expectedDestination(hostile.destination, ''));
        if (name === 'region') assert.equal(spec.environment.AWS_DEFAULT_REGION, value || 'us-east-1');
        if (name === 'endpoint' && value) assert.equal(spec.environment.AWS_ENDPOINT_URL_S3, new URL(value).href.replace(/\/+$/, ''));
        assert.deepEqual(parsed.include, ['a']);
        passed++;
      }),
      { seed: SEED, numRuns: 400 },
    );
    t.diagnostic(`seed ${SEED}: 400 hostile form values, ${refused} refused at their field, ${passed} passed through exactly`);
    assert.deepEqual(stub.strayFiles(), []);
    assert.ok(refused > 50 && passed > 50, `${refused} refused, ${passed} passed`);
  });
});

describe('import fuzz, for real: Ceph RGW → Job on the hub emulator → bucket', () => {
  let servers: TestServers;
  before(async () => {
    servers = await useTestServers();
  });
  after(() => servers.stop());

  /** Seeds the keys (under `prefix`), explores them through listFolder, imports the selection and compares the bucket. */
  async function importForReal(
    generatedKeys: string[],
    play: (list: (folder: string) => Promise<{ files: S3FileEntry[]; folders: string[] }>) => Promise<{ tree: SelectionTree }>,
    prefix: string,
    destinationPrefix: string,
  ) {
    const { s3, hub } = servers;
    // The source prefix is part of the key: the whole must stay within S3's 1,024 bytes.
    const keys = generatedKeys.filter((key) => new TextEncoder().encode(prefix + key).length <= MAX_KEY_BYTES);
    const bodies = new Map(keys.map((key, index) => [key, `${index}:${key}`]));
    const scratch = await createSeededBucket(s3, keys.map((key) => ({ key: prefix + key, body: bodies.get(key) ?? '' })));
    try {
      const connection: S3Connection = {
        bucket: scratch.bucket,
        region: s3.region,
        endpoint: s3.endpoint,
        prefix,
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      };
      const { tree } = await play((folder) => listFolder(connection, folder));
      let filters: ImportFilters;
      try {
        filters = compileFilters(tree);
      } catch (error) {
        if (error instanceof EmptySelectionError) return 'nothing selected';
        if (error instanceof LeadingSlashKeysError) return 'not importable';
        throw error;
      }
      if (unmirrorableRoot(filters.root)) return 'not importable';
      const destinationBucket = `fuzz-${randomUUID().slice(0, 8)}`;
      const call = { hubUrl: hub.url, accessToken: hub.tokens.write };
      await createBucket({ ...call, namespace: 'alice', name: destinationBucket });
      const { job } = await createImportJob({
        ...call,
        source: { bucket: scratch.bucket, prefix, region: s3.region, endpoint: s3.endpoint },
        credentials: connection.credentials,
        filters,
        destination: { namespace: 'alice', bucket: destinationBucket, prefix: destinationPrefix },
      });
      const lines: string[] = [];
      const finished = await followJob({ ...call, namespace: 'alice', jobId: job.id, pollIntervalMs: 100, retryDelayMs: 50, onLine: ({ line }) => lines.push(line) });
      const summary = summarizeImportResult(finished.status, lines.filter((line) => line.startsWith('Import completed:')).at(-1));
      assert.equal(summary.outcome, 'completed', `${summary.reason}\n${lines.join('\n')}`);

      const destinationFolder = (destinationPrefix + filters.root).replace(/\/$/, '');
      const expected = new Map<string, string>();
      for (const key of selectedKeys(tree, keys)) {
        const relative = importRelativeKey(filters.root, key);
        assert.ok(relative !== undefined, `selected ${JSON.stringify(key)} is outside the import root ${JSON.stringify(filters.root)}`);
        const path = destinationFolder ? `${destinationFolder}/${relative}` : relative;
        assert.ok(!expected.has(path), `two selected keys would land on ${JSON.stringify(path)}`);
        expected.set(path, bodies.get(key) ?? '');
      }
      const written = (await hub.control.buckets()).get(`alice/${destinationBucket}`) ?? new Map<string, Uint8Array>();
      const actual = new Map([...written].map(([path, data]) => [path, Buffer.from(data).toString('utf8')]));
      assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), 'exactly the ticked files, at their paths');
      for (const [path, body] of expected) assert.equal(actual.get(path), body, `the bytes of ${JSON.stringify(path)}`);

      const [invocation] = (await hub.control.invocations()).filter((entry) => entry.jobId === job.id);
      assert.deepEqual(invocation.argv.slice(0, 4), [
        'buckets',
        'import',
        `s3://${scratch.bucket}${prefix + filters.root ? `/${prefix}${filters.root}` : ''}`,
        `hf://buckets/alice/${destinationBucket}${destinationFolder ? `/${destinationFolder}` : ''}`,
      ]);
      return { files: expected.size, argv: invocation.argv };
    } finally {
      await scratch.remove();
    }
  }

  // Sessions that tick more than they untick, so that most real runs have something to import.
  const tickingSteps = fc.array(
    fc.oneof(
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('list' as const), pick: fc.nat() }) },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('select' as const), pick: fc.nat(), selected: fc.constant(true) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('select' as const), pick: fc.nat(), selected: fc.constant(false) }) },
    ),
    { minLength: 3, maxLength: 20 },
  );

  it('copies exactly the ticked files of random hostile buckets', async (t) => {
    let imported = 0;
    let files = 0;
    let skipped = 0;
    let empty = 0;
    await fc.assert(
      fc.asyncProperty(bucketKeysArbitrary({ maxKeys: 20, emptyOneIn: 100 }), tickingSteps, fc.constantFrom('', 'in put/'), fc.constantFrom('', 'dest/', 'a b/ü/'), async (keys, steps, prefix, destinationPrefix) => {
        const outcome = await importForReal(keys, (list) => playSession(steps, list), prefix, destinationPrefix);
        if (outcome === 'not importable') skipped++;
        else if (outcome === 'nothing selected') empty++;
        else {
          imported++;
          files += outcome.files;
        }
      }),
      { seed: SEED, numRuns: REAL_RUNS },
    );
    t.diagnostic(
      `seed ${SEED}: ${REAL_RUNS} buckets seeded in Ceph, ${imported} imported by real Jobs (${files} files compared byte for byte), ` +
        `${empty} with nothing ticked, ${skipped} not importable as ticked`,
    );
    assert.ok(imported >= REAL_RUNS / 2, `only ${imported} of ${REAL_RUNS} cases reached a Job`);
    assert.ok(files >= 2 * imported, `only ${files} files were imported`);
  });

  // A line break cannot be written in the filter file (it goes to the arguments); spaces at both
  // ends can, as one-character sets that the importer's line stripping leaves alone.
  for (const [oddName, oddSelected, how] of [
    ['odd\nname', false, 'an exclude with a line break, as an argument next to the file'],
    [' both ends ', true, 'an include with spaces at both ends, inside the file'],
  ] as const) {
    it(`copies exactly a selection too long for the command line: ${how}`, async () => {
      const bulk = bulkSelection(oddName, oddSelected);
      const outcome = await importForReal(
        bulk.keys,
        async (list) => {
          const session = await playSession([{ kind: 'list', pick: 0 }], list);
          bulk.apply(session.tree);
          return session;
        },
        '',
        'bulk copy/',
      );
      assert.ok(typeof outcome === 'object', String(outcome));
      assert.equal(outcome.files, bulk.selectedCount + (oddSelected ? 1 : 0), 'the ticked part of the bulk folder and nothing else');
      assert.ok(outcome.argv.some((arg) => arg.startsWith('--filter-from=')), 'through the filter file');
      const besideTheFile = outcome.argv.filter((arg) => arg.startsWith('--include=') || arg.startsWith('--exclude='));
      assert.deepEqual(besideTheFile, oddSelected ? [] : [`--exclude=${oddName}`]);
    });
  }
});
