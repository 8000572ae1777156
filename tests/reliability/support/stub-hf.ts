// Runs an import Job's command with real bash, as the Job would (its environment and secrets as
// variables), but with stand-ins for `pip` and `hf` on PATH: `hf` writes the exact argv it got,
// NUL-separated, and a copy of its --filter-from file. Nothing else runs, so a quoting mistake that
// executes part of a key would show as a stray file in the scratch directory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportJobSpec } from '@s3-to-hf/core';

const PIP_STUB = '#!/usr/bin/env bash\nexit 0\n';
const HF_STUB = `#!/usr/bin/env bash
printf '%s\\0' "$@" > "$STUB_OUT/hf.argv"
for arg in "$@"; do
  case "$arg" in --filter-from=*) cp -- "\${arg#--filter-from=}" "$STUB_OUT/filters.txt" ;; esac
done
`;

export interface StubRun {
  /** What `hf` received, one string per argument. */
  argv: string[];
  /** The --filter-from file as `hf` could read it, when there was one. */
  filterFile?: string;
}

export interface StubHf {
  run(spec: ImportJobSpec): StubRun;
  /** Files the scripts left in their working directories that no stub wrote (there must be none). */
  strayFiles(): string[];
  remove(): void;
}

export function createStubHf(): StubHf {
  const root = mkdtempSync(join(tmpdir(), 's3hf-stub-hf-'));
  const bin = join(root, 'bin');
  mkdirSync(bin);
  for (const [file, body] of [['pip', PIP_STUB], ['hf', HF_STUB]] as const) {
    writeFileSync(join(bin, file), body);
    chmodSync(join(bin, file), 0o755);
  }
  let runs = 0;
  const strays: string[] = [];
  return {
    run(spec) {
      runs += 1;
      const out = join(root, `run-${runs}`);
      const home = join(out, 'home');
      const cwd = join(out, 'cwd');
      mkdirSync(home, { recursive: true });
      mkdirSync(cwd);
      const [program, ...args] = spec.command;
      const result = spawnSync(program, [...args, ...spec.arguments], {
        cwd,
        env: { PATH: `${bin}:${process.env.PATH}`, HOME: home, STUB_OUT: out, ...spec.environment, ...spec.secrets },
        encoding: 'buffer',
      });
      assert.equal(result.status, 0, `the Job script failed: ${result.stderr.toString()}`);
      const argv = readFileSync(join(out, 'hf.argv')).toString('utf8').split('\0').slice(0, -1);
      const filters = join(out, 'filters.txt');
      const run: StubRun = { argv, ...(existsSync(filters) ? { filterFile: readFileSync(filters, 'utf8') } : {}) };
      strays.push(...readdirSync(cwd).map((file) => `run ${runs}: ${file}`));
      rmSync(out, { recursive: true, force: true });
      return run;
    },
    strayFiles: () => [...strays],
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
