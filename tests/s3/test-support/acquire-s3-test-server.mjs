// The S3 test server a test file runs against: the shared one that `npm test` hands down in
// S3_TEST_SERVER (contract F), or else one started just for this file.
import { fixtureTree } from '../fixture-tree.mjs';
import { startS3TestServer } from '../index.mjs';

/**
 * @param {{ seed?: boolean }} [options] only used when this file starts its own server
 * @returns {Promise<{ server: Omit<import('../index.mjs').S3TestServer, 'proxy' | 'stop'>, release(): Promise<void> }>}
 *   call `release` in an `after` hook: it stops the server only if this file started it
 */
export async function acquireS3TestServer({ seed = true } = {}) {
  if (process.env.S3_TEST_SERVER) {
    const server = JSON.parse(process.env.S3_TEST_SERVER);
    // `objects` (~200 KB as JSON) does not fit one environment variable (Linux caps each at
    // 128 KiB), so it may be left out: the seeded tree is always fixtureTree().
    server.objects ??= fixtureTree().map(({ key, size }) => ({ key, size }));
    return { server, release: async () => {} };
  }
  const server = await startS3TestServer({ seed });
  return { server, release: () => server.stop() };
}

/**
 * An Origin the server's bucket CORS rules allow: any origin under `*`, otherwise the first
 * configured origin with a port filled in for its wildcard.
 * @param {string[] | undefined} corsOrigins
 */
export function allowedOrigin(corsOrigins = ['*']) {
  if (corsOrigins.includes('*')) return 'http://allowed.example';
  return corsOrigins[0].replace('*', '5173');
}
