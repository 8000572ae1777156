// The built demo for the tests: demo/dist when it is newer than every source it is built from
// (`npm test` builds it just before), else a fresh build into demo/dist. DEMO_DIST=<dir> makes
// the tests use that build as it is (for example while another package is half-edited).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo } from '../../../scripts/build-demo.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEMO_DIST = path.join(repo, 'demo', 'dist');

async function newestChange(target) {
  const info = await stat(target).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, await newestChange(path.join(target, entry)));
  }
  return newest;
}

async function sourcesChangedSince(time) {
  const packages = await readdir(path.join(repo, 'packages'));
  const sources = [
    path.join(repo, 'demo', 'src'),
    path.join(repo, 'demo', 'build'),
    path.join(repo, 'demo', 'index.html'),
    path.join(repo, 'rollup.config.mjs'),
    ...packages.map((name) => path.join(repo, 'packages', name, 'src')),
  ];
  for (const source of sources) if ((await newestChange(source)) > time) return true;
  return false;
}

/** The directory of an up-to-date build of the demo. */
export async function builtDemo() {
  if (process.env.DEMO_DIST) return path.resolve(process.env.DEMO_DIST);
  const built = await stat(path.join(DEMO_DIST, 'index.html')).catch(() => undefined);
  if (!built || (await sourcesChangedSince(built.mtimeMs))) await buildDemo({ outDir: DEMO_DIST });
  return DEMO_DIST;
}
