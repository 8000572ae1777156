// What every benchmark module gets: repetitions, timing with medians, and the test servers,
// started on first use and stopped when the run ends.
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './statistics.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The machine the figures come from, as BENCHMARKS.md records it. */
export function machineDescription() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().slice(0, 10),
    // Other work on the machine slows the figures down (ratios less): worth recording with them.
    loadAverage: os.loadavg()[0].toFixed(1),
  };
}

/**
 * @param {{ reps: number, quick: boolean, log: (line: string) => void }} options
 */
export function createBenchContext({ reps, quick, log }) {
  let s3;
  let hub;
  const servers = serverProcess();
  const context = {
    /** Measured repetitions per figure (medians are reported); `--reps=N`. */
    reps,
    /** `--quick`: smaller inputs and fewer repetitions, to check that a module works. */
    quick,
    /** Progress lines (stderr), kept out of the results. */
    log,
    repoRoot,

    /** Collects garbage when the run has `--expose-gc`, so one figure does not pay for the last one's. */
    gc() {
      globalThis.gc?.();
    },

    /**
     * Runs `run` `warmup` times unmeasured, then at least `reps` times and, for quick operations,
     * until `minMs` of measured time have passed (within 200 runs and 2 s), so that the median of small
     * figures is not noise. `prepare` runs before each try, outside the measurement, and its
     * result is passed to `run`.
     * @template T
     * @param {(prepared: T) => unknown} run
     * @param {{ reps?: number, warmup?: number, minMs?: number, prepare?: () => T | Promise<T> }} [options]
     * @returns {Promise<{ median: number, runs: number[], last: unknown }>} milliseconds
     */
    async time(run, { reps: count = context.reps, warmup = 1, minMs = 0, prepare } = {}) {
      const runs = [];
      const began = performance.now();
      let measured = 0;
      let last;
      // Extra runs stop at 200, or after 2 s in all (when `prepare` is what takes the time).
      const wantsMore = () => measured < minMs && runs.length < 200 && performance.now() - began < 2000;
      for (let attempt = 0; attempt < warmup + count || wantsMore(); attempt++) {
        const prepared = prepare ? await prepare() : undefined;
        context.gc();
        const startedAt = performance.now();
        last = await run(prepared);
        const elapsed = performance.now() - startedAt;
        if (attempt >= warmup) {
          runs.push(elapsed);
          measured += elapsed;
        }
      }
      return { median: median(runs), runs, last };
    },

    /**
     * The S3 test server (Ceph RGW + fault proxy, in a process of its own) with empty buckets:
     * `{ server, swift }`, `server` being its description (endpoint, proxyEndpoint, region, keys…)
     * and `swift` its owner's Swift keys for fast seeding. Drive the proxy with
     * tests/s3/proxy-client.mjs. Started once per run.
     */
    s3() {
      s3 ??= (log('starting the S3 test server (Ceph RGW)…'), servers.call('s3'));
      return s3;
    },

    /** The hub emulator (same process as the S3 server): `{ url, tokens, control }`. Started once per run. */
    hub() {
      hub ??= (async () => {
        await context.s3();
        log('starting the hub emulator…');
        const { url, tokens } = await servers.call('hub');
        const { createHubControlClient } = await import('../../tests/hub-emulator/control-client.mjs');
        return { url, tokens, control: createHubControlClient(url) };
      })();
      return hub;
    },

    /** How to launch Debian's Chromium here (for browser benchmarks, e.g. with playwright-core). */
    async chromium() {
      const { chromiumArgs, chromiumPath } = await import('../../tests/chromium.mjs');
      return { executablePath: chromiumPath(), args: chromiumArgs };
    },

    async close() {
      await servers.close();
    },
  };
  return context;
}

/** The server process (./server-process.mjs), forked on the first call. */
function serverProcess() {
  let child;
  let nextId = 0;
  const waiting = new Map();
  const start = () => {
    child = fork(fileURLToPath(new URL('./server-process.mjs', import.meta.url)), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.on('message', ({ id, result, error }) => {
      const { resolve, reject } = waiting.get(id);
      waiting.delete(id);
      if (error) reject(new Error(`bench servers: ${error}`));
      else resolve(result);
    });
    child.on('exit', (code) => {
      for (const { reject } of waiting.values()) reject(new Error(`the bench's server process exited (${code})`));
      waiting.clear();
      child = undefined;
    });
  };
  return {
    call(action) {
      if (!child) start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ id, action });
      });
    },
    async close() {
      if (!child) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await this.call('stop').catch(() => undefined);
      child.disconnect();
      await exited;
    },
  };
}
