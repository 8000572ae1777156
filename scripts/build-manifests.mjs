#!/usr/bin/env node
// Generates each element package's custom-elements.json from the doc comments of its element
// class (tags, properties, attributes, events, slots, parts, CSS properties), so editors and
// frameworks see the elements' API. Run by `npm run build` after rollup.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const elementPackages = ['s3-tree', 'hf-bucket-target', 'hf-import-job'];
const cem = path.join(repo, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');

for (const name of elementPackages) {
  const cwd = path.join(repo, 'packages', name);
  await promisify(execFile)(process.execPath, [cem, 'analyze', '--litelement', '--quiet', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts'], { cwd });
}
