// Everything one emulator instance knows, shared by the route modules and the control API.
import { createAccounts } from './accounts.mjs';
import { createBucketStore } from './bucket-store.mjs';
import { createJobStore } from './job-store.mjs';
import { createJobRunner } from './job-runner.mjs';
import { createJwtSigner } from './jwt.mjs';
import { createSpaceStore } from './space-store.mjs';

/**
 * @typedef {{
 *   keepAliveIntervalMs: number, schedulingDelayMs: number, killGraceMs: number,
 *   oauthExpiresInSeconds: number, oauthUser: string, s3Endpoint?: string
 * }} EmulatorOptions
 * @typedef {{ argv: string[], jobId: string | null, envNames: string[], receivedAt: string }} HfInvocation
 * @typedef {{
 *   url: string, options: EmulatorOptions,
 *   accounts: ReturnType<typeof createAccounts>, buckets: ReturnType<typeof createBucketStore>,
 *   jobs: ReturnType<typeof createJobStore>, runner: ReturnType<typeof createJobRunner>,
 *   jwt: ReturnType<typeof createJwtSigner>, importFailures: string[], invocations: HfInvocation[],
 *   spaces: ReturnType<typeof createSpaceStore>,
 *   lfsUploads: Map<string, { spaceId: string, oid: string, size: number, expiresAt: number }>
 * }} EmulatorState
 */

/**
 * Creates the state of one emulator instance.
 * @param {EmulatorOptions} options
 * @param {{ binDir: string, pythonDir: string, workDir: string }} paths
 * @returns {EmulatorState}
 */
export function createEmulatorState(options, { binDir, pythonDir, workDir }) {
  /** @type {EmulatorState} */
  const state = {
    url: '',
    options,
    accounts: createAccounts(),
    buckets: createBucketStore(),
    jobs: createJobStore(),
    runner: createJobRunner({
      hubUrl: () => state.url,
      binDir,
      pythonDir,
      workDir,
      s3Endpoint: options.s3Endpoint,
      schedulingDelayMs: options.schedulingDelayMs,
      killGraceMs: options.killGraceMs,
    }),
    jwt: createJwtSigner(),
    importFailures: [],
    invocations: [],
    spaces: createSpaceStore(),
    lfsUploads: new Map(),
  };
  return state;
}
