#!/usr/bin/env node
// Manual control of an S3 test server that outlives this command:
//   node tests/s3/cli.mjs start [--cors-origins=a,b] [--no-seed]
//   node tests/s3/cli.mjs status
//   node tests/s3/cli.mjs stop
// `start` runs the server in a detached background process and writes its description
// (contract A fields, without functions) to .cache/s3-test-server.json.
import { fork } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from './cluster.mjs';

const infoFile = join(cacheDir, 's3-test-server.json');
const logFile = join(cacheDir, 's3-test-server.log');
const STOP_TIMEOUT_MS = 30_000;

const commands = { start, stop, status, serve };
const [command, ...args] = process.argv.slice(2);
if (!commands[command]) {
  console.error('usage: node tests/s3/cli.mjs start [--cors-origins=a,b] [--no-seed] | status | stop');
  process.exit(2);
}
await commands[command](args);

async function start(args) {
  const running = readInfo();
  if (running && isAlive(running.pid)) {
    console.log(`already running: ${running.endpoint} (proxy ${running.proxyEndpoint}); details in ${infoFile}`);
    return;
  }
  mkdirSync(cacheDir, { recursive: true });
  const log = openSync(logFile, 'w');
  const child = fork(fileURLToPath(import.meta.url), ['serve', ...args], { detached: true, stdio: ['ignore', log, log, 'ipc'] });
  const message = await new Promise((resolve) => {
    child.once('message', resolve);
    child.once('exit', (code) => resolve({ error: `the server process exited with code ${code}` }));
  });
  if (message.error) {
    console.error(`Could not start the S3 test server: ${message.error}\nSee ${logFile}.`);
    process.exitCode = 1;
    return;
  }
  child.disconnect();
  child.unref();
  console.log(`S3 test server: ${message.endpoint} (fault proxy ${message.proxyEndpoint}), up in ${message.timings.totalSeconds} s`);
  console.log(`details: ${infoFile}; stop with: node tests/s3/cli.mjs stop`);
}

async function serve(args) {
  const { startS3TestServer } = await import('./index.mjs');
  const corsArgument = args.find((arg) => arg.startsWith('--cors-origins='));
  try {
    const server = await startS3TestServer({
      corsOrigins: corsArgument ? corsArgument.slice('--cors-origins='.length).split(',') : undefined,
      seed: !args.includes('--no-seed'),
    });
    const { proxy, stop, ...data } = server;
    const shutdown = async () => {
      await stop();
      rmSync(infoFile, { force: true });
      process.exit(0);
    };
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);
    writeFileSync(infoFile, JSON.stringify({ ...data, pid: process.pid }, null, 2));
    process.send(data);
  } catch (error) {
    process.send({ error: error.message });
    process.exitCode = 1;
  }
}

async function stop() {
  const running = readInfo();
  if (!running || !isAlive(running.pid)) {
    rmSync(infoFile, { force: true });
    console.log('no S3 test server is running');
    return;
  }
  process.kill(running.pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(running.pid)) {
    if (Date.now() > deadline) throw new Error(`The S3 test server (pid ${running.pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  console.log(`stopped the S3 test server at ${running.endpoint}`);
}

async function status() {
  const running = readInfo();
  if (running && isAlive(running.pid)) {
    console.log(`running: ${running.endpoint} (fault proxy ${running.proxyEndpoint}), pid ${running.pid}; details in ${infoFile}`);
  } else {
    console.log('no S3 test server is running');
    process.exitCode = 1;
  }
}

function readInfo() {
  try {
    return JSON.parse(readFileSync(infoFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
