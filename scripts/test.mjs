#!/usr/bin/env node
// `npm test`: every test of the repository against one shared set of real servers.
//   1. system programs (Chromium, Ceph RGW): installed when missing, or the exact command printed
//   2. type check and build (the browser tests and the demo use the built bundles)
//   3. the S3 test server (Ceph RGW + fault proxy) and the hub emulator, started once
//   4. Node tests (core, harness, end to end), then browser tests (@web/test-runner, Chromium)
// Options: `--only=node|browser`, `--skip-build`, and file paths or substrings to run a subset:
//   npm test -- --only=node selection-tree
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServers, testEnvVariables } from '../tests/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const skipBuild = args.includes('--skip-build');
const filters = args.filter((arg) => !arg.startsWith('--'));

const nodeTestRoots = ['packages', 'tests', 'demo/test'];
const results = [];

/** Runs a command with inherited output; resolves with its exit code. */
function run(command, commandArgs, { env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: repo, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`npm test: could not run ${command}: ${error.message}`);
      resolve(1);
    });
  });
}

async function step(name, action) {
  const startedAt = performance.now();
  console.log(`\n━━ ${name}`);
  const code = await action();
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  results.push({ name, code, seconds });
  if (code !== 0) console.error(`━━ ${name}: FAILED (exit ${code})`);
  return code;
}

function* walk(directory) {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

const selected = (file) => filters.length === 0 || filters.some((filter) => file.includes(filter));

/** Node test files: `*.test.ts` / `*.test.mjs` except browser tests (`*.browser.test.ts`). */
function nodeTestFiles() {
  const files = [];
  for (const root of nodeTestRoots) {
    for (const file of walk(path.join(repo, root))) {
      const relative = path.relative(repo, file);
      if (!/\.test\.(ts|mjs)$/.test(relative) || /\.browser\.test\.ts$/.test(relative)) continue;
      if (selected(relative)) files.push(relative);
    }
  }
  return files.sort();
}

function browserTestFiles() {
  const files = [];
  for (const root of ['packages', 'demo']) {
    for (const file of walk(path.join(repo, root))) {
      const relative = path.relative(repo, file);
      if (/\.browser\.test\.ts$/.test(relative) && selected(relative)) files.push(relative);
    }
  }
  return files.sort();
}

const bin = (name) => path.join(repo, 'node_modules', '.bin', name);

async function main() {
  if ((await step('system packages (Chromium, Ceph RADOS Gateway)', () => run('bash', ['scripts/ensure-system-deps.sh']))) !== 0) return;
  if (!skipBuild) {
    if ((await step('type check (tsc)', () => run(bin('tsc'), ['-p', 'tsconfig.json']))) !== 0) return;
    if ((await step('build (rollup, custom-elements manifests)', () => run('npm', ['run', '--silent', 'build']))) !== 0) return;
  }

  console.log('\n━━ test servers: Ceph RADOS Gateway (S3), fault proxy, hub emulator');
  const servers = await startTestServers();
  console.log(`S3 ${servers.env.s3.endpoint} (proxy ${servers.env.s3.proxyEndpoint}), hub emulator ${servers.env.hub.url}`);
  const env = { ...testEnvVariables(servers.env), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const stopServers = () => servers.stop();
  process.once('SIGINT', () => stopServers().then(() => process.exit(130)));
  try {
    if (only !== 'browser') {
      const files = nodeTestFiles();
      if (files.length > 0) {
        await step(`Node tests (${files.length} files)`, () =>
          run(process.execPath, ['--conditions=s3-to-hf:source', '--import', 'tsx', '--test', '--test-reporter=spec', ...files], { env }),
        );
      }
    }
    if (only !== 'node') {
      const files = browserTestFiles();
      if (files.length > 0) {
        await step(`browser tests in Chromium (${files.length} files)`, () =>
          run(bin('wtr'), ['--config', 'web-test-runner.config.mjs', '--files', ...files], { env }),
        );
      }
    }
  } finally {
    await stopServers();
  }
}

await main();
console.log('\n━━ npm test summary');
for (const { name, code, seconds } of results) console.log(`${code === 0 ? 'PASS' : 'FAIL'}  ${name}  (${seconds} s)`);
const failed = results.some(({ code }) => code !== 0);
console.log(failed ? 'npm test: FAILED' : 'npm test: all passed');
process.exit(failed ? 1 : 0);
