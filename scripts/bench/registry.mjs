// The benchmarks `npm run bench` knows, in the order they run. Adding one is one line here plus
// its module, which default-exports `{ title, needs?, run(context) }` (see ./context.mjs for what
// `context` offers and ./report.mjs for what `run` returns).
//
// An entry with `pending` instead of `module` is a hook for a benchmark someone else will add: it
// shows up in the output and in BENCHMARKS.md as "not measured yet" until its module exists.

/** @type {Array<{ id: string, title: string, module?: string, pending?: string }>} */
export const benchmarks = [
  { id: 'selection-scale', title: 'SelectionTree build + select and compileFilters at 10k, 100k and 1M keys', module: './selection-scale.mjs' },
  { id: 'pattern-count', title: 'Patterns: fewest mixed includes/excludes versus "all includes or all excludes"', module: './pattern-count.mjs' },
  { id: 'count-folder', title: 'Recursive folder stats at 50 ms per request, 100k objects: parallel versus sequential', module: './count-folder.mjs' },
  { id: 'sharded-import', title: 'Sharded versus single import Job on the hub emulator, many small files', module: './sharded-import.mjs' },
  // In headless Chromium (context.chromium()), and from rollup builds.
  { id: 'tree-render', title: '<s3-tree> render and scroll at 100k rows in headless Chromium', module: './tree-render.mjs' },
  { id: 'bundle-sizes', title: 'Bundle sizes (packages and demo, minified and gzipped)', module: './bundle-sizes.mjs' },
];
