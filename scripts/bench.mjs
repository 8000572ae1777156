#!/usr/bin/env node
// `npm run bench`: every benchmark of scripts/bench/registry.mjs, with figures, baselines measured
// in the same run, and their ratios. Options:
//   --only=id[,id]  run some benchmarks only        --reps=N  measured runs per figure (default 5)
//   --quick         small inputs, to try the bench  --write   update BENCHMARKS.md with the results
// Benchmarks import the TypeScript sources of the packages, so this script re-runs itself under
// tsx with the `s3-to-hf:source` condition (and `--expose-gc`, so figures do not pay for garbage
// left by the previous one).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);

if (process.env.S3HF_BENCH_CHILD !== '1') {
  const child = spawn(process.execPath, ['--conditions=s3-to-hf:source', '--import', 'tsx', '--expose-gc', script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, S3HF_BENCH_CHILD: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await runBenchmarks();
}

async function runBenchmarks() {
  const { benchmarks } = await import('./bench/registry.mjs');
  const { createBenchContext, machineDescription, repoRoot } = await import('./bench/context.mjs');
  const { renderSection, renderText, writeBenchmarksFile } = await import('./bench/report.mjs');

  const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = option('only')?.split(',').filter(Boolean);
  const quick = args.includes('--quick');
  const reps = Number(option('reps') ?? (quick ? 2 : 5));
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps must be a whole number of at least 1, got ${option('reps')}`);
  const unknown = (only ?? []).filter((id) => !benchmarks.some((benchmark) => benchmark.id === id));
  if (unknown.length > 0) throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${benchmarks.map(({ id }) => id).join(', ')}`);

  const machine = machineDescription();
  console.log(`Benchmarks on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, ${machine.date}, load average ${machine.loadAverage}; medians of ${reps} runs${quick ? ', quick inputs' : ''}.`);
  const context = createBenchContext({ reps, quick, log: (line) => process.stderr.write(`  … ${line}\n`) });
  const sections = [];
  let failed = false;
  try {
    for (const benchmark of benchmarks.filter(({ id }) => !only || only.includes(id))) {
      if (!benchmark.module) {
        console.log(`\n== ${benchmark.title}\n  not measured yet (hook for ${benchmark.pending})`);
        sections.push({ id: benchmark.id, measured: false, markdown: renderSection(benchmark, undefined, { machine, reps }) });
        continue;
      }
      const startedAt = performance.now();
      const { loadAverage } = machineDescription();
      try {
        const { default: module } = await import(new URL(benchmark.module, new URL('./bench/', import.meta.url)).href);
        const result = await module.run(context);
        console.log(renderText(benchmark, result));
        console.log(`  (${((performance.now() - startedAt) / 1000).toFixed(1)} s)`);
        sections.push({ id: benchmark.id, measured: true, markdown: renderSection(benchmark, result, { machine, reps, loadAverage }) });
      } catch (error) {
        failed = true;
        console.error(`\n== ${benchmark.title}\n  FAILED: ${error?.stack ?? error}`);
      }
    }
  } finally {
    await context.close();
  }
  if (args.includes('--write')) {
    if (quick) {
      console.log('\n--write ignored with --quick: quick figures do not belong in BENCHMARKS.md.');
    } else {
      await writeBenchmarksFile(path.join(repoRoot, 'BENCHMARKS.md'), sections);
      console.log('\nBENCHMARKS.md updated.');
    }
  }
  process.exit(failed ? 1 : 0);
}
