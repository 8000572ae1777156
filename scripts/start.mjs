#!/usr/bin/env node
// `npm start`: builds the demo page and serves it on http://localhost:8080.
//   npm start                                  the real Hub and your own S3
//   npm start -- --port=9000                   another port
//   npm start -- --hub-url=https://hub.example  another hub (the page gets ?hub=…)
//   npm start -- --emulator                    everything offline: the local Ceph S3 server and the
//                                              hub emulator, with "Sign in with Hugging Face" as on a Space
//   npm start -- --skip-build                  serve the existing demo/dist
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo } from './build-demo.mjs';
import { startStaticServer } from './serve-static.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name) => args.includes(`--${name}`);

const USAGE = `Usage: npm start -- [--port=8080] [--hub-url=URL] [--emulator] [--skip-build]`;

function fail(message) {
  console.error(`npm start: ${message}\n${USAGE}`);
  process.exit(2);
}

if (flag('help')) {
  console.log(USAGE);
  process.exit(0);
}
const known = ['--emulator', '--skip-build', '--help'];
const unknown = args.filter((arg) => !known.includes(arg) && !/^--(port|hub-url)=/.test(arg));
if (unknown.length > 0) fail(`unknown argument(s): ${unknown.join(' ')}`);
const port = Number(option('port') ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got "${option('port')}"`);
const hubUrl = option('hub-url');
if (hubUrl !== undefined && flag('emulator')) fail('--hub-url and --emulator exclude each other (the emulator is the hub)');
if (hubUrl !== undefined) {
  try {
    new URL(hubUrl);
  } catch {
    fail(`--hub-url must be a URL, got "${hubUrl}"`);
  }
}

const dist = path.join(repo, 'demo', 'dist');
if (!flag('skip-build')) {
  const startedAt = performance.now();
  process.stdout.write('Building the demo… ');
  await buildDemo({ outDir: dist, log: (message) => console.warn(`\n${message}`) });
  console.log(`done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
}

const stops = [];
let spaceVariables;
let emulatorNotes = [];
if (flag('emulator')) {
  process.stdout.write('Starting the local S3 server (Ceph RGW) and the hub emulator… ');
  const { startTestServers } = await import('../tests/harness.mjs');
  const servers = await startTestServers();
  stops.push(() => servers.stop());
  const { s3, hub } = servers.env;
  console.log('done');
  // What a static Space with `hf_oauth: true` gives the page; the emulator approves sign-ins as alice.
  spaceVariables = { OAUTH_CLIENT_ID: 'local-emulator', OAUTH_SCOPES: 'openid profile jobs contribute-repos write-repos', HF_HUB_URL: hub.url };
  emulatorNotes = [
    `Hub emulator   ${hub.url}  ("Sign in with Hugging Face" signs in as alice; or paste ${hub.tokens.write})`,
    `S3 (Ceph RGW)  endpoint ${s3.endpoint}, region ${s3.region}`,
    `               buckets ${s3.corsBucket} (CORS on), ${s3.noCorsBucket} (no CORS), ${s3.publicBucket} (public)`,
    `               throwaway keys of this local server: ${s3.accessKeyId} / ${s3.secretAccessKey}`,
  ];
}

let server;
try {
  server = await startStaticServer({ root: dist, port, spaceVariables });
} catch (error) {
  await Promise.allSettled(stops.map((stop) => stop()));
  if (error.code === 'EADDRINUSE') fail(`port ${port} is in use; pick another with --port=N`);
  throw error;
}
stops.push(() => server.close());
const pageUrl = hubUrl ? `${server.url}/?hub=${encodeURIComponent(hubUrl)}` : `${server.url}/`;

console.log(`\nThe importer is running at ${pageUrl}\n`);
if (flag('emulator')) {
  for (const line of emulatorNotes) console.log(`  ${line}`);
  console.log('\n  Jobs run for real on this machine, with an emulated `hf buckets import`.');
} else {
  console.log(`  Sign in: paste a Hugging Face access token (${hubUrl ?? 'https://huggingface.co'}/settings/tokens): a "write"`);
  console.log('    token, or a fine-grained one that may write repositories and start Jobs. It stays in the tab.');
  console.log('  S3: the bucket must let this page list it: a CORS rule allowing GET and HEAD from');
  console.log(`    ${server.url} (the page shows the exact rule to paste when the browser is blocked).`);
  console.log('  Offline, against local test servers instead: npm start -- --emulator');
}
console.log('\nPress Ctrl+C to stop.');

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled(stops.reverse().map((stop) => stop()));
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
