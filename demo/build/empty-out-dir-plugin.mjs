// Empties the output directory before rollup writes into it: chunk names carry content hashes, so
// without this every build would leave the previous bundles behind (and deploys would upload them).
import { rm } from 'node:fs/promises';

/** @returns {import('rollup').Plugin} */
export function emptyOutDirPlugin() {
  return {
    name: 's3hf-empty-out-dir',
    async generateBundle(options) {
      if (options.dir) await rm(options.dir, { recursive: true, force: true });
    },
  };
}
