// Builds every package into its `dist/`: ES modules that keep the source's module layout (so
// consumers tree-shake and subpath exports stay cheap), `.d.ts` files beside them, and bare
// imports left external for the consumer's bundler or CDN to resolve.
import path from 'node:path';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { demoHtmlPlugin } from './demo/build/demo-html-plugin.mjs';
import { emptyOutDirPlugin } from './demo/build/empty-out-dir-plugin.mjs';

const packages = [
  { name: 'core', inputs: ['index', 'filters/index', 'format/index', 'hf/index', 'job/index', 's3/index', 'selection/index', 'shard/index', 'shell/index'] },
  { name: 'ui', inputs: ['index'] },
  { name: 's3-tree', inputs: ['index'] },
  { name: 'hf-bucket-target', inputs: ['index'] },
  { name: 'hf-import-job', inputs: ['index'] },
];

const isBareImport = (id) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0');

function packageBuild({ name, inputs }) {
  const root = `packages/${name}`;
  return {
    input: Object.fromEntries(inputs.map((input) => [input, `${root}/src/${input}.ts`])),
    external: isBareImport,
    output: { dir: `${root}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `${root}/src`, sourcemap: true },
    plugins: [
      typescript({
        tsconfig: 'tsconfig.base.json',
        include: [`${root}/src/**/*.ts`],
        filterRoot: '.',
        compilerOptions: {
          // Sibling packages resolve to their built `.d.ts` here, never to their sources.
          customConditions: [],
          rootDir: `${root}/src`,
          outDir: `${root}/dist`,
          declaration: true,
          declarationMap: true,
          sourceMap: true,
        },
        noEmitOnError: true,
      }),
    ],
  };
}

// The demo page (demo/): the only fully bundled output. One ES-module entry, minified, with the
// AWS SDK in its own chunk that core imports lazily, so the first screen never waits for it.
// Workspace packages are compiled from their sources, so the demo needs no package build first.
const SDK_MODULES = /[\\/]node_modules[\\/]@(?:aws-sdk|smithy|aws-crypto)[\\/]/;
const XET_MODULES = /[\\/]node_modules[\\/](?:@huggingface[\\/](?:xetchunk-wasm|blake3-jit)|gearhash-jit)[\\/]/;
// Warnings that third-party code always triggers and that say nothing about ours.
const QUIET_WARNINGS = new Set(['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED']);

/** The rollup options of the demo build; `outDir` defaults to demo/dist. */
export function demoBuild({ outDir = 'demo/dist', minify = true } = {}) {
  return {
    input: { main: 'demo/src/main.ts' },
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: 'assets/[name]-[hash].js',
      chunkFileNames: 'assets/[name]-[hash].js',
      assetFileNames: 'assets/[name]-[hash][extname]',
      manualChunks: (id) => (SDK_MODULES.test(id) ? 's3-sdk' : undefined),
      sourcemap: true,
    },
    treeshake: {
      // hub.js's browser build imports the Xet chunker (wasm + hashers) at module level for uploads
      // the page never makes; these packages do not declare themselves side-effect free.
      moduleSideEffects: (id) => !XET_MODULES.test(id),
    },
    onwarn(warning, warn) {
      const modules = [warning.id, ...(warning.ids ?? [])].filter(Boolean);
      const fromDependencies = modules.length > 0 && modules.every((id) => id.includes('node_modules'));
      if (!(QUIET_WARNINGS.has(warning.code) && fromDependencies)) warn(warning);
    },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['s3-to-hf:source'] }),
      json(),
      typescript({
        tsconfig: 'tsconfig.base.json',
        include: ['demo/src/**/*.ts', 'packages/*/src/**/*.ts'],
        filterRoot: '.',
        compilerOptions: { declaration: false, sourceMap: true, outDir: undefined, rootDir: undefined },
        noEmitOnError: true,
      }),
      ...(minify ? [terser({ format: { comments: false } })] : []),
      demoHtmlPlugin({ html: 'demo/index.html' }),
      emptyOutDirPlugin(),
    ],
  };
}

export default [...packages.map(packageBuild), demoBuild()];
