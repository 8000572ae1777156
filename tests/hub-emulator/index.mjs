// Hugging Face hub emulator (contract B): a real HTTP server with the Hub's auth, OAuth/OpenID,
// Storage Buckets, Jobs and (for deploying the demo) Spaces APIs. Jobs run for real on this machine, with `hf` emulated by
// bin/hf (Python, stdlib only) that imports from a real S3 endpoint into the emulated buckets.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ORGS, TOKENS, USERS } from './src/accounts.mjs';
import { registerAccountRoutes } from './src/account-routes.mjs';
import { registerAvatarRoutes } from './src/avatar-routes.mjs';
import { registerBucketRoutes } from './src/bucket-routes.mjs';
import { createControl } from './src/control.mjs';
import { registerControlRoutes } from './src/control-routes.mjs';
import { createEmulatorState } from './src/emulator-state.mjs';
import { createFaults } from './src/faults.mjs';
import { registerJobRoutes } from './src/job-routes.mjs';
import { registerOAuthRoutes } from './src/oauth-routes.mjs';
import { pythonEnvironment } from './src/python-environment.mjs';
import { createRequestHandler } from './src/request-handler.mjs';
import { createRequestLog } from './src/request-log.mjs';
import { createRouter } from './src/router.mjs';
import { registerSpaceRoutes } from './src/space-routes.mjs';

const BIN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'bin');

/**
 * @typedef {{
 *   port?: number, s3Endpoint?: string, keepAliveIntervalMs?: number, schedulingDelayMs?: number,
 *   killGraceMs?: number, oauthExpiresInSeconds?: number, oauthUser?: string
 * }} HubEmulatorOptions
 */

/** The S3 endpoint the emulated `hf` falls back to when a Job sets no AWS_ENDPOINT_URL(_S3). */
function defaultS3Endpoint() {
  if (process.env.HUB_EMULATOR_S3_ENDPOINT) return process.env.HUB_EMULATOR_S3_ENDPOINT;
  if (process.env.S3_TEST_SERVER) return JSON.parse(process.env.S3_TEST_SERVER).endpoint;
  return undefined;
}

/** Directory of the real python3, put on the Jobs' PATH so `#!/usr/bin/env python3` works there. */
async function pythonDirectory() {
  try {
    const { stdout } = await promisify(execFile)('python3', ['-c', 'import os, sys; print(os.path.dirname(os.path.realpath(sys.executable)))'], { env: pythonEnvironment() });
    return stdout.trim();
  } catch (error) {
    throw new Error(`The hub emulator needs python3 on PATH to run the emulated \`hf\` (${/** @type {Error} */ (error).message})`);
  }
}

/**
 * Starts the emulator on 127.0.0.1.
 *
 * @example
 * const hub = await startHubEmulator({ s3Endpoint: s3.endpoint });
 * await fetch(`${hub.url}/api/whoami-v2`, { headers: { Authorization: `Bearer ${hub.tokens.write}` } });
 * await hub.close();
 *
 * @param {HubEmulatorOptions} [options]
 */
export async function startHubEmulator(options = {}) {
  const settings = {
    keepAliveIntervalMs: options.keepAliveIntervalMs ?? 30_000,
    schedulingDelayMs: options.schedulingDelayMs ?? 100,
    killGraceMs: options.killGraceMs ?? 2_000,
    oauthExpiresInSeconds: options.oauthExpiresInSeconds ?? 8 * 3600,
    oauthUser: options.oauthUser ?? 'alice',
    s3Endpoint: options.s3Endpoint ?? defaultS3Endpoint(),
  };
  const pythonDir = await pythonDirectory();
  const workDir = await mkdtemp(join(tmpdir(), 'hub-emulator-'));
  const state = createEmulatorState(settings, { binDir: BIN_DIR, pythonDir, workDir });
  const router = createRouter();
  const faults = createFaults(() => router.routeNames().filter((name) => !name.includes(' /__emulator/')));
  const requestLog = createRequestLog();
  const control = createControl(state, faults, requestLog);
  registerAccountRoutes(router, state);
  registerAvatarRoutes(router, state);
  registerBucketRoutes(router, state);
  registerJobRoutes(router, state);
  registerOAuthRoutes(router, state);
  registerSpaceRoutes(router, state);
  registerControlRoutes(router, control, state);

  const server = createServer(createRequestHandler(router, faults, requestLog));
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
    });
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  state.url = `http://127.0.0.1:${address.port}`;

  return {
    /** The hubUrl, e.g. 'http://127.0.0.1:40123'. */
    url: state.url,
    /** Fixed token values (see src/accounts.mjs). */
    tokens: { ...TOKENS },
    /** Users and organisations the tokens belong to. */
    users: structuredClone(USERS),
    orgs: structuredClone(ORGS),
    control,
    /** Stops every Job (killing its processes), closes all connections and removes temp files. */
    async close() {
      await state.runner.stopAll();
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      server.closeAllConnections();
      await closed;
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
