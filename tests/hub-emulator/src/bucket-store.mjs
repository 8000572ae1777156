// In-memory Storage Buckets: 'ns/name' → bucket with its files (path → bytes + upload time).
import { createHash, randomBytes } from 'node:crypto';

/**
 * @typedef {{ data: Buffer, uploadedAt: string }} StoredFile
 * @typedef {{ id: string, objectId: string, namespace: string, name: string, private: boolean,
 *   region: string, createdAt: string, files: Map<string, StoredFile> }} Bucket
 */

// Generic Hub repo-name rule (1–96 of [A-Za-z0-9._-], no '--' or '..', no leading/trailing '-' or '.').
const NAME_PATTERN = /^(?![-.])(?!.*(?:--|\.\.))[A-Za-z0-9._-]{1,96}(?<![-.])$/;

/** Whether `name` follows the Hub's generic repo-name rule (buckets, Spaces, …). */
export function isValidRepoName(name) {
  return NAME_PATTERN.test(name);
}

/** Why a bucket name is invalid, or undefined when it is fine. */
export function bucketNameProblem(name) {
  if (NAME_PATTERN.test(name)) return undefined;
  return `Invalid bucket name "${name}": use 1-96 characters from [A-Za-z0-9._-], without "--" or "..", not starting or ending with "-" or "."`;
}

/** Creates an empty bucket store. */
export function createBucketStore() {
  /** @type {Map<string, Bucket>} */
  const buckets = new Map();
  return {
    /** @param {string} id 'ns/name' */
    get(id) {
      return buckets.get(id);
    },
    /**
     * @param {{ namespace: string, name: string, private?: boolean, region?: string }} options
     * @returns {Bucket}
     */
    create({ namespace, name, private: isPrivate = false, region = 'us' }) {
      const bucket = {
        id: `${namespace}/${name}`,
        objectId: randomBytes(12).toString('hex'),
        namespace,
        name,
        private: isPrivate,
        region,
        createdAt: new Date().toISOString(),
        files: new Map(),
      };
      buckets.set(bucket.id, bucket);
      return bucket;
    },
    delete(id) {
      return buckets.delete(id);
    },
    /**
     * @param {Bucket} bucket
     * @param {string} path
     * @param {Buffer} data
     */
    putFile(bucket, path, data) {
      bucket.files.set(path, { data, uploadedAt: new Date().toISOString() });
    },
    /** Copies of every bucket's contents (contract B `control.buckets()`). */
    snapshot() {
      return new Map([...buckets].map(([id, bucket]) => [
        id,
        new Map([...bucket.files].map(([path, file]) => [path, Buffer.from(file.data)])),
      ]));
    },
    clear() {
      buckets.clear();
    },
  };
}

/** JSON of GET /api/buckets/:ns/:name. */
export function bucketInfo(bucket) {
  let size = 0;
  for (const file of bucket.files.values()) size += file.data.length;
  return {
    _id: bucket.objectId,
    id: bucket.id,
    name: bucket.id,
    private: bucket.private,
    region: bucket.region,
    createdAt: bucket.createdAt,
    size,
    totalFiles: bucket.files.size,
  };
}

function compareCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Tree entries under `folder` ('' = root), sorted by path. Non-recursive listings group deeper files
 * into `directory` entries, like the Hub's tree API.
 * @param {Bucket} bucket
 * @param {{ folder: string, recursive: boolean }} options
 */
export function treeEntries(bucket, { folder, recursive }) {
  const base = folder.replace(/\/+$/, '');
  const start = base ? `${base}/` : '';
  const files = [];
  /** @type {Map<string, string>} directory path → latest uploadedAt */
  const directories = new Map();
  for (const [path, file] of bucket.files) {
    if (!path.startsWith(start)) continue;
    const rest = path.slice(start.length);
    const slash = rest.indexOf('/');
    if (recursive || slash === -1) {
      files.push({
        type: 'file',
        path,
        size: file.data.length,
        xetHash: createHash('sha256').update(file.data).digest('hex'),
        mtime: file.uploadedAt,
        uploadedAt: file.uploadedAt,
      });
    } else {
      const directory = start + rest.slice(0, slash);
      const latest = directories.get(directory);
      if (!latest || latest < file.uploadedAt) directories.set(directory, file.uploadedAt);
    }
  }
  const folders = [...directories].map(([path, uploadedAt]) => ({ type: 'directory', path, uploadedAt }));
  return [...folders, ...files].sort((a, b) => compareCodeUnits(a.path, b.path));
}
