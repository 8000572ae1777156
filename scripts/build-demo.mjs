#!/usr/bin/env node
// Builds the demo page into demo/dist (or --out-dir=DIR) with the demo's rollup options from
// rollup.config.mjs, quietly: only warnings about our own code and errors are printed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { demoBuild } from '../rollup.config.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the demo into `outDir` (emptied first by the build, so no stale hashed files remain) and
 * returns the written file names.
 * @param {{ outDir?: string, log?: (message: string) => void }} [options]
 */
export async function buildDemo({ outDir = path.join(repo, 'demo', 'dist'), log = () => {} } = {}) {
  const cwd = process.cwd();
  // The options use repository-relative paths (like `rollup -c` from the repo root).
  process.chdir(repo);
  try {
    const options = demoBuild({ outDir: path.resolve(cwd, outDir) });
    const warnings = [];
    const bundle = await rollup({ ...options, onwarn: (warning) => options.onwarn(warning, () => warnings.push(warning)) });
    try {
      const { output } = await bundle.write(options.output);
      for (const warning of warnings) log(`warning: ${warning.message}`);
      return output.map((file) => file.fileName);
    } finally {
      await bundle.close();
    }
  } finally {
    process.chdir(cwd);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outArg = process.argv.slice(2).find((arg) => arg.startsWith('--out-dir='));
  const startedAt = performance.now();
  const files = await buildDemo({ outDir: outArg?.slice('--out-dir='.length), log: (message) => console.warn(message) });
  console.log(`Built the demo (${files.length} files) in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
}
