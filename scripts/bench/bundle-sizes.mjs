// What the packages and the demo cost a page to load: minified and gzip-9 sizes from rollup
// builds made here (the same plugins and tree-shaking as rollup.config.mjs, minified by terser).
//
// Rules. Core alone: its own modules, dependencies left out. Core and each element: bundled with
// everything they import except lit, which a page using several elements loads once (its own row
// gives its size); what they import lazily (the AWS SDK, on the first S3 listing) is counted apart
// from what loads at once. The demo: its real build (demoBuild from rollup.config.mjs): the first
// screen loads the entry chunk and the chunks it imports statically; the total is every chunk.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { onwarn, sourcePlugins } from './source-plugins.mjs';
import { formatRatio } from './statistics.mjs';

const isLit = (id) => /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/.test(id);
const isBare = (id) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0');

/** Minified and gzipped bytes of some chunks' code. */
function sizeOf(chunks) {
  return chunks.reduce(
    (total, chunk) => ({ files: total.files + 1, minified: total.minified + Buffer.byteLength(chunk.code), gzip: total.gzip + gzipSync(chunk.code, { level: 9 }).length }),
    { files: 0, minified: 0, gzip: 0 },
  );
}

/** The chunks a page loads at once for an entry (it and what it imports statically, transitively), and the others. */
function splitChunks(output, entryName) {
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry && (!entryName || chunk.name === entryName));
  const initial = new Set();
  const visit = (fileName) => {
    // Imports of external modules (left out of this bundle) name no chunk.
    if (initial.has(fileName) || !chunks.has(fileName)) return;
    initial.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  visit(entry.fileName);
  return {
    initial: [...initial].map((fileName) => chunks.get(fileName)),
    lazy: [...chunks.values()].filter((chunk) => !initial.has(chunk.fileName)),
  };
}

/** A minified bundle of `input` (a file, or `{ id, code }` for a virtual module). */
async function bundle(repoRoot, input, { external, treeshake }) {
  const virtual = typeof input === 'object' ? input : undefined;
  const build = await rollup({
    input: virtual ? virtual.id : input,
    external,
    treeshake,
    onwarn,
    plugins: [
      ...(virtual ? [{ name: 'virtual-entry', resolveId: (id) => (id === virtual.id ? id : null), load: (id) => (id === virtual.id ? virtual.code : null) }] : []),
      ...sourcePlugins(repoRoot),
      terser({ format: { comments: false } }),
    ],
  });
  try {
    return (await build.generate({ format: 'es' })).output;
  } finally {
    await build.close();
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const percent = (part, whole) => `${((100 * part) / whole).toFixed(0)}%`;

export default {
  async run(context) {
    const { repoRoot } = context;
    const { demoBuild } = await import('../../rollup.config.mjs');
    // The demo's tree-shaking rule (hub.js's upload-only Xet modules are free of side effects).
    const { treeshake } = demoBuild();
    const rows = [];
    const add = (label, rule, chunks, lazy) => {
      const size = sizeOf(chunks);
      const later = lazy && lazy.length > 0 ? sizeOf(lazy) : undefined;
      rows.push({ label, rule, size, later });
    };

    context.log('bundle-sizes: core');
    const coreAlone = splitChunks(await bundle(repoRoot, path.join(repoRoot, 'packages/core/src/index.ts'), { external: isBare, treeshake }));
    add('@s3-to-hf/core, its own code', 'dependencies left out', coreAlone.initial, coreAlone.lazy);
    const core = splitChunks(await bundle(repoRoot, path.join(repoRoot, 'packages/core/src/index.ts'), { treeshake }));
    add('@s3-to-hf/core with its dependencies', 'everything it imports', core.initial, core.lazy);

    const litModules = new Set();
    for (const name of ['s3-tree', 'hf-bucket-target', 'hf-import-job']) {
      context.log(`bundle-sizes: <${name}>`);
      const output = await bundle(repoRoot, path.join(repoRoot, `packages/${name}/src/index.ts`), { external: isLit, treeshake });
      for (const chunk of output) if (chunk.type === 'chunk') for (const id of chunk.imports) if (isLit(id)) litModules.add(id);
      const element = splitChunks(output);
      add(`<${name}>`, 'with core, ui and their dependencies; lit left out', element.initial, element.lazy);
    }

    context.log('bundle-sizes: lit');
    // The lit modules the elements import, once: what a page using them adds for lit.
    const litEntry = [...litModules].sort().map((id) => `export * from '${id}';`).join('\n');
    const lit = splitChunks(await bundle(repoRoot, { id: '\0lit-entry', code: litEntry }, { treeshake }));
    add('lit 3, the modules the elements use', [...litModules].sort().join(', '), lit.initial);

    context.log('bundle-sizes: the demo (demoBuild)');
    const outDir = await mkdtemp(path.join(os.tmpdir(), 's3hf-bench-demo-'));
    let demo;
    const cwd = process.cwd();
    try {
      // The demo's options use repository-relative paths, as `rollup -c` from the root does.
      process.chdir(repoRoot);
      const options = demoBuild({ outDir });
      const build = await rollup({ ...options, onwarn: (warning) => options.onwarn(warning, () => undefined) });
      try {
        demo = splitChunks((await build.generate(options.output)).output, 'main');
      } finally {
        await build.close();
      }
    } finally {
      process.chdir(cwd);
      await rm(outDir, { recursive: true, force: true });
    }
    const sdkChunks = demo.lazy.filter((chunk) => chunk.name === 's3-sdk');
    const otherLazy = demo.lazy.filter((chunk) => chunk.name !== 's3-sdk');
    const initial = sizeOf(demo.initial);
    const total = sizeOf([...demo.initial, ...demo.lazy]);
    const sdk = sizeOf(sdkChunks);

    const cells = (size) => [String(size.files), kib(size.minified), kib(size.gzip)];
    return {
      tables: [
        {
          caption: 'Packages: minified with terser, gzip at level 9. "At once" is what a page loads when it imports the package; "later" is what it imports lazily (the AWS SDK, on the first S3 listing).',
          columns: ['bundle', 'rule', 'chunks at once', 'minified at once', 'gzip at once', 'later, minified', 'later, gzip'],
          rows: rows.map(({ label, rule, size, later }) => [label, rule, ...cells(size), later ? kib(later.minified) : '—', later ? kib(later.gzip) : '—']),
        },
        {
          caption: 'The demo page (demoBuild of rollup.config.mjs, as `npm run build` makes demo/dist).',
          columns: ['demo JavaScript', 'chunks', 'minified', 'gzip', 'share of the total (gzip)'],
          rows: [
            ['first screen (entry and its static imports)', ...cells(initial), percent(initial.gzip, total.gzip)],
            ['S3 SDK chunk (loaded on the first listing)', ...cells(sdk), percent(sdk.gzip, total.gzip)],
            ...(otherLazy.length > 0
              ? [[`other lazy chunks (${otherLazy.map((chunk) => chunk.name).join(', ')})`, ...cells(sizeOf(otherLazy)), percent(sizeOf(otherLazy).gzip, total.gzip)]]
              : []),
            ['total (every chunk)', ...cells(total), '100%'],
          ],
        },
      ],
      notes: [
        `The first screen loads ${kib(initial.gzip)} gzipped, ${percent(initial.gzip, total.gzip)} of all the demo's JavaScript (${formatRatio(total.gzip / initial.gzip)} less than loading it all); the S3 SDK chunk is ${percent(sdk.gzip, total.gzip)} of the total and waits for the first listing.`,
        'Element rows include core and ui, so they overlap: a page with all three elements loads core once. lit is counted once, on its own row.',
      ],
    };
  },
};
