// Builds every package into its `dist/`: ES modules that keep the source's module layout (so
// consumers tree-shake and subpath exports stay cheap), `.d.ts` files beside them, and bare
// imports left external for the consumer's bundler or CDN to resolve.
import path from 'node:path';
import typescript from '@rollup/plugin-typescript';

const packages = [
  { name: 'core', inputs: ['index', 'filters/index', 'format/index', 'hf/index', 'job/index', 's3/index', 'selection/index', 'shell/index'] },
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

export default packages.map(packageBuild);
