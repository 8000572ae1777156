// The S3 test server of contract A: a throwaway Ceph RADOS Gateway with three seeded buckets,
// behind a fault-injecting proxy.
import { BUCKETS, createTestBuckets } from './buckets.mjs';
import { startRgwCluster } from './cluster.mjs';
import { startFaultProxy } from './fault-proxy.mjs';
import { fixtureTree } from './fixture-tree.mjs';
import { createS3Client } from './s3-client.mjs';
import { seedBuckets } from './seed.mjs';

export { createProxyClient } from './proxy-client.mjs';
export { fixtureTree } from './fixture-tree.mjs';

/**
 * @typedef {{ accessKeyId: string, secretAccessKey: string }} S3Keys
 * @typedef {{
 *   endpoint: string, proxyEndpoint: string, region: 'us-east-1',
 *   accessKeyId: string, secretAccessKey: string, otherUser: S3Keys,
 *   corsBucket: 's3hf-cors', noCorsBucket: 's3hf-nocors', publicBucket: 's3hf-public',
 *   corsOrigins: string[], objects: Array<{ key: string, size: number }>, stateDir: string,
 *   timings: { clusterSeconds: number, seedSeconds: number, totalSeconds: number },
 *   proxy: import('./fault-proxy.mjs').FaultProxyControl, stop(): Promise<void>,
 * }} S3TestServer
 */

/**
 * Brings up a throwaway Ceph RGW on free 127.0.0.1 ports, creates and seeds the three buckets
 * (`s3hf-cors`, `s3hf-nocors`, `s3hf-public`) with the tree of fixture-tree.mjs, and starts the
 * fault proxy in front of it. Everything but `proxy` and `stop` is plain JSON data, ready to be
 * handed to other processes (contract F). The cluster also goes away if this process dies.
 * @param {{ corsOrigins?: string[], stateDir?: string, seed?: boolean }} [options]
 *   `seed: false` leaves the buckets empty (`objects` is then `[]`)
 * @returns {Promise<S3TestServer>}
 * @example
 * const server = await startS3TestServer();
 * try {
 *   // ... S3 calls against server.endpoint, or server.proxyEndpoint to inject faults ...
 * } finally {
 *   await server.stop();
 * }
 */
export async function startS3TestServer({ corsOrigins = ['*'], stateDir, seed = true } = {}) {
  const startedAt = performance.now();
  const cluster = await startRgwCluster({ stateDir });
  let proxy;
  try {
    const clusterSeconds = secondsSince(startedAt);
    const seedingFrom = performance.now();
    const objects = await prepareBuckets(cluster, { corsOrigins, seed });
    const seedSeconds = secondsSince(seedingFrom);
    proxy = await startFaultProxy({ target: cluster.endpoint });
    let stopping;
    return {
      endpoint: cluster.endpoint,
      proxyEndpoint: proxy.endpoint,
      region: 'us-east-1',
      accessKeyId: cluster.owner.accessKeyId,
      secretAccessKey: cluster.owner.secretAccessKey,
      otherUser: cluster.otherUser,
      corsBucket: BUCKETS.cors,
      noCorsBucket: BUCKETS.noCors,
      publicBucket: BUCKETS.public,
      corsOrigins: [...corsOrigins],
      objects,
      stateDir: cluster.stateDir,
      timings: { clusterSeconds, seedSeconds, totalSeconds: secondsSince(startedAt) },
      proxy: proxy.control,
      stop() {
        stopping ??= Promise.all([proxy.close(), cluster.stop()]).then(() => undefined);
        return stopping;
      },
    };
  } catch (error) {
    await Promise.allSettled([proxy?.close(), cluster.stop()]);
    throw error;
  }
}

/** Creates and configures the buckets, seeds them unless told not to; returns what was seeded. */
async function prepareBuckets(cluster, { corsOrigins, seed }) {
  const s3 = createS3Client({ endpoint: cluster.endpoint, credentials: cluster.owner });
  try {
    await createTestBuckets(s3, { corsOrigins });
    const objects = seed ? fixtureTree() : [];
    const swift = { endpoint: cluster.endpoint, ...cluster.ownerSwift };
    await seedBuckets({ s3, swift, buckets: Object.values(BUCKETS), objects });
    return objects.map(({ key, size }) => ({ key, size }));
  } finally {
    s3.destroy();
  }
}

function secondsSince(start) {
  return Math.round(performance.now() - start) / 1000;
}
