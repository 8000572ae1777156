// How the benchmarks bundle the packages from their TypeScript sources (not dist/), so a bench
// measures the code as it is in the working tree.
import path from 'node:path';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

/** Rollup warnings that lit and the AWS SDK raise by design. */
export const QUIET_WARNINGS = new Set(['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED']);

/** `onwarn` that passes on every warning but {@link QUIET_WARNINGS}. */
export function onwarn(warning, warn) {
  if (!QUIET_WARNINGS.has(warning.code)) warn(warning);
}

/** Resolve the packages' `s3-to-hf:source` exports and compile their TypeScript. */
export function sourcePlugins(repoRoot, { noEmitOnError = true } = {}) {
  return [
    nodeResolve({ browser: true, exportConditions: ['s3-to-hf:source'] }),
    json(),
    typescript({
      tsconfig: path.join(repoRoot, 'tsconfig.base.json'),
      include: [path.join(repoRoot, 'packages/*/src/**/*.ts')],
      compilerOptions: { declaration: false, sourceMap: false, outDir: undefined, rootDir: undefined },
      noEmitOnError,
    }),
  ];
}
