// The S3 test server's description (contract A) and what its seeded tree should list and count.
// Plain functions without Node built-ins, shared by the Node and the browser tests.
import type { S3Connection } from '../src/s3/s3-connection.js';

export interface S3TestServerInfo {
  endpoint: string;
  proxyEndpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  otherUser: { accessKeyId: string; secretAccessKey: string };
  corsBucket: string;
  noCorsBucket: string;
  publicBucket: string;
  objects: Array<{ key: string; size: number }>;
}

/** A connection to one of the test buckets as its owner, directly or through the fault proxy. */
export function ownerConnection(
  server: S3TestServerInfo,
  overrides: Partial<S3Connection> & { viaProxy?: boolean } = {},
): S3Connection {
  const { viaProxy, ...rest } = overrides;
  return {
    bucket: server.corsBucket,
    region: server.region,
    endpoint: viaProxy ? server.proxyEndpoint : server.endpoint,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    ...rest,
  };
}

/** One level of `folder` as the seeded objects say it should list, relative to `sourcePrefix`. */
export function expectedListing(objects: S3TestServerInfo['objects'], folder: string, sourcePrefix = '') {
  const files: Array<{ key: string; size: number }> = [];
  const folders = new Set<string>();
  const prefix = sourcePrefix + folder;
  for (const { key, size } of objects) {
    if (!key.startsWith(prefix) || key === prefix) continue;
    const slash = key.indexOf('/', prefix.length);
    if (slash === -1) files.push({ key: key.slice(sourcePrefix.length), size });
    else folders.add(key.slice(sourcePrefix.length, slash + 1));
  }
  return { files: sortByKey(files), folders: [...folders].sort() };
}

/** Files and bytes at any depth under `folder`, from the seeded objects (folder markers excluded). */
export function expectedCount(objects: S3TestServerInfo['objects'], folder: string) {
  const inside = objects.filter(({ key }) => key.startsWith(folder) && !key.endsWith('/'));
  return { files: inside.length, bytes: inside.reduce((sum, { size }) => sum + size, 0) };
}

export function sortByKey<T extends { key: string }>(entries: T[]): T[] {
  return [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
