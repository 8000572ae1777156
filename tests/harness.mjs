// Starts every server the tests need, once, and describes them as plain data so the
// Node test processes (env vars) and the browser (window.__TEST_ENV__) see the same servers.
import { startS3TestServer } from './s3/index.mjs';
import { startHubEmulator } from './hub-emulator/index.mjs';

/**
 * @returns {Promise<{ env: TestEnv, stop: () => Promise<void> }>}
 * @typedef {{ s3: object, hub: { url: string, tokens: Record<string, string> } }} TestEnv
 */
export async function startTestServers({ corsOrigins = ['*'] } = {}) {
  const s3 = await startS3TestServer({ corsOrigins });
  let hub;
  try {
    hub = await startHubEmulator({ s3Endpoint: s3.endpoint });
  } catch (error) {
    await s3.stop();
    throw error;
  }
  const { proxy, stop: _stop, ...s3Data } = s3;
  const env = { s3: s3Data, hub: { url: hub.url, tokens: hub.tokens } };
  return {
    env,
    s3,
    hub,
    async stop() {
      await Promise.allSettled([hub.close(), s3.stop()]);
    },
  };
}

/** Environment variables that hand the running servers to child test processes (contract F). */
export function testEnvVariables(env) {
  // The seeded object list is too long for one variable (Linux caps each at 128 KiB); the tree
  // is deterministic, so readers rebuild it from tests/s3/fixture-tree.mjs.
  const { objects: _objects, ...s3 } = env.s3;
  return {
    S3_TEST_SERVER: JSON.stringify(s3),
    HUB_EMULATOR_URL: env.hub.url,
    HUB_EMULATOR_TOKENS: JSON.stringify(env.hub.tokens),
  };
}

/** Reads the servers handed down by `npm test`, or undefined when run standalone. */
export function testEnvFromVariables(variables = process.env) {
  if (!variables.S3_TEST_SERVER || !variables.HUB_EMULATOR_URL) return undefined;
  return {
    s3: JSON.parse(variables.S3_TEST_SERVER),
    hub: { url: variables.HUB_EMULATOR_URL, tokens: JSON.parse(variables.HUB_EMULATOR_TOKENS ?? '{}') },
  };
}
