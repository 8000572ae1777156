#!/usr/bin/env node
// Generates each element package's custom-elements.json from the doc comments of its element
// class (tags, properties, attributes, events, slots, parts, CSS properties), so editors and
// frameworks see the elements' API. Run by `npm run build` after rollup.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const elementPackages = ['s3-tree', 'hf-bucket-target', 'hf-import-job'];
const cem = path.join(repo, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');

/**
 * The analyzer also guesses events from `dispatchEvent(new SomeEvent(detail))`, naming them after
 * the argument; our events are the documented `@fires` ones, all named `<tag>-…`.
 */
function keepDocumentedEvents(manifest, tag) {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.events) declaration.events = declaration.events.filter((event) => event.name?.startsWith(`${tag}-`));
    }
  }
  return manifest;
}

for (const tag of elementPackages) {
  const cwd = path.join(repo, 'packages', tag);
  await promisify(execFile)(process.execPath, [cem, 'analyze', '--litelement', '--quiet', '--globs', 'src/**/*.ts'], { cwd });
  const file = path.join(cwd, 'custom-elements.json');
  const manifest = keepDocumentedEvents(JSON.parse(await readFile(file, 'utf8')), tag);
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
