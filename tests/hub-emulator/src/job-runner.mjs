// Runs Jobs for real: SCHEDULING → RUNNING → COMPLETED | ERROR | CANCELED (| DELETED). Each Job is
// its own process group (so cancel/timeout kill bash and everything it started), with a minimal
// environment, a private HOME, and a PATH whose first entries are the emulated `hf` and no-op `pip`.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { findFlavor } from './hardware.mjs';

// setTimeout fires at once for delays above 2^31-1 ms, so longer Job timeouts are capped (~24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `onLine` for every complete line of a stream, and for the unterminated rest at the end.
 * @param {import('node:stream').Readable} stream
 * @param {(line: string) => void} onLine
 */
function forEachLine(stream, onLine) {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const emitLines = (text) => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  };
  stream.on('data', (chunk) => emitLines(decoder.write(chunk)));
  stream.on('end', () => {
    emitLines(decoder.end());
    if (pending) onLine(pending.replace(/\r$/, ''));
    pending = '';
  });
}

/** Built-in variables a Job sees, derived from its flavor like the Hub's ("2 vCPU" → CPU_CORES=2). */
function flavorEnvironment(flavorName) {
  const flavor = findFlavor(flavorName);
  return {
    ACCELERATOR: flavor?.accelerator ? flavor.accelerator.model.toLowerCase() : 'none',
    CPU_CORES: String(parseInt(flavor?.cpu ?? '2', 10)),
    MEMORY: `${parseInt(flavor?.ram ?? '16', 10)}Gi`,
  };
}

/**
 * Creates the runner that schedules, starts, cancels and reaps Job processes.
 * @param {{
 *   hubUrl: () => string, binDir: string, pythonDir: string, workDir: string, s3Endpoint?: string,
 *   schedulingDelayMs: number, killGraceMs: number
 * }} options
 */
export function createJobRunner({ hubUrl, binDir, pythonDir, workDir, s3Endpoint, schedulingDelayMs, killGraceMs }) {
  /** @type {Map<string, { job: import('./job.mjs').Job, timer?: NodeJS.Timeout }>} waiting to start */
  const scheduled = new Map();
  /** @type {Map<string, { job: import('./job.mjs').Job, child: import('node:child_process').ChildProcess, exited: Promise<void>, timers: NodeJS.Timeout[] }>} */
  const running = new Map();
  let paused = false;

  function environmentFor(job) {
    return {
      PATH: `${binDir}:${pythonDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: join(workDir, 'jobs', job.id),
      LANG: 'C.UTF-8',
      ...flavorEnvironment(job.spec.flavor),
      ...(s3Endpoint ? { HF_EMULATOR_S3_ENDPOINT: s3Endpoint } : {}),
      ...job.spec.environment,
      ...job.spec.secrets,
      JOB_ID: job.id,
      HF_ENDPOINT: hubUrl(),
    };
  }

  function killGroup(child, signal) {
    try {
      process.kill(-(/** @type {number} */ (child.pid)), signal);
    } catch {
      // Already gone.
    }
  }

  /** Stops whatever the Job is doing; its log stream closes once the process group is gone. */
  function stop(job) {
    const waiting = scheduled.get(job.id);
    if (waiting) {
      clearTimeout(waiting.timer);
      scheduled.delete(job.id);
      job.closeLogs();
      return;
    }
    const run = running.get(job.id);
    if (!run) return;
    killGroup(run.child, 'SIGTERM');
    run.timers.push(setTimeout(() => killGroup(run.child, 'SIGKILL'), killGraceMs));
  }

  function start(job) {
    scheduled.delete(job.id);
    const home = join(workDir, 'jobs', job.id);
    mkdirSync(home, { recursive: true });
    const [file, ...args] = job.spec.command;
    const child = spawn(file, [...args, ...job.spec.arguments], {
      cwd: home,
      env: environmentFor(job),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    job.markRunning();
    const append = (line) => job.appendLog(line);
    forEachLine(/** @type {import('node:stream').Readable} */ (child.stdout), append);
    forEachLine(/** @type {import('node:stream').Readable} */ (child.stderr), append);
    const timers = [];
    let finished = false;
    const exited = new Promise((resolve) => {
      const done = (stage, message) => {
        if (finished) return;
        finished = true;
        for (const timer of timers) clearTimeout(timer);
        running.delete(job.id);
        job.finish(stage, message);
        job.closeLogs();
        resolve(undefined);
      };
      child.on('error', (error) => {
        job.appendLog(`Failed to start "${file}": ${error.message}`);
        done('ERROR', `Failed to start the command: ${error.message}`);
      });
      child.on('close', (code, signal) => {
        if (code === 0) done('COMPLETED', null);
        else if (signal) done('ERROR', `Job was killed by signal ${signal}`);
        else done('ERROR', `Job failed with exit code: ${code}`);
      });
    });
    timers.push(setTimeout(() => {
      if (job.finish('ERROR', `Job timed out after ${job.timeoutSeconds} seconds`)) stop(job);
    }, Math.min(job.timeoutSeconds * 1000, MAX_TIMER_MS)));
    running.set(job.id, { job, child, exited, timers });
  }

  /** @param {import('./job.mjs').Job} job */
  function cancel(job) {
    if (job.finish('CANCELED', 'Job canceled by the user')) stop(job);
  }

  function enqueue(job) {
    const entry = { job, timer: paused ? undefined : setTimeout(() => start(job), schedulingDelayMs) };
    scheduled.set(job.id, entry);
  }

  return {
    /** Queues a new Job; it starts after the scheduling delay (or when scheduling resumes). */
    schedule: enqueue,
    cancel,
    /** The control hook behind DELETED: stops the Job if it is still active. */
    delete(job) {
      const wasActive = !job.isTerminal;
      job.markDeleted();
      if (wasActive) stop(job);
    },
    /** Keeps new Jobs in SCHEDULING until `resumeScheduling()`. */
    pauseScheduling() {
      paused = true;
      for (const entry of scheduled.values()) clearTimeout(entry.timer);
    },
    resumeScheduling() {
      paused = false;
      for (const entry of scheduled.values()) entry.timer = setTimeout(() => start(entry.job), schedulingDelayMs);
    },
    /** Cancels every Job that has not finished, kills their processes and waits for them to exit. */
    async stopAll() {
      const active = [...scheduled.values(), ...running.values()].map((entry) => entry.job);
      for (const job of active) cancel(job);
      const exits = [...running.values()].map((run) => {
        killGroup(run.child, 'SIGKILL');
        return run.exited;
      });
      await Promise.all(exits);
    },
  };
}
