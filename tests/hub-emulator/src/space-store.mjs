// In-memory Spaces as git repos with one branch (`main`): files (path → bytes, regular or LFS),
// the LFS objects uploaded for them, and commits applied all-or-nothing.
import { createHash, randomBytes } from 'node:crypto';
import { fnmatch } from './fnmatch.mjs';
import { HttpError } from './http-error.mjs';

/**
 * @typedef {{ data: Buffer, lfsOid?: string }} SpaceFile
 * @typedef {{ id: string, objectId: string, namespace: string, name: string, private: boolean,
 *   sdk: string, createdAt: string, lastModified: string, sha: string,
 *   files: Map<string, SpaceFile>, lfsObjects: Map<string, Buffer> }} Space
 * @typedef {{ key: 'file', path: string, data: Buffer }
 *   | { key: 'lfsFile', path: string, oid: string }
 *   | { key: 'deletedFile', path: string }
 *   | { key: 'deletedFolder', path: string }} CommitOperation
 */

/** The SDKs the Hub accepts for a Space. */
export const SPACE_SDKS = Object.freeze(['gradio', 'docker', 'static', 'streamlit']);

/** Files at least this large go through LFS, like on the Hub. */
export const LFS_THRESHOLD_BYTES = 10 * 1024 * 1024;

/** What the Hub puts in a new repo's first commit (abridged: the LFS patterns that matter here). */
export const INITIAL_GITATTRIBUTES = [
  '*.7z filter=lfs diff=lfs merge=lfs -text',
  '*.bin filter=lfs diff=lfs merge=lfs -text',
  '*.gz filter=lfs diff=lfs merge=lfs -text',
  '*.parquet filter=lfs diff=lfs merge=lfs -text',
  '*.png filter=lfs diff=lfs merge=lfs -text',
  '*.safetensors filter=lfs diff=lfs merge=lfs -text',
  '*.tar filter=lfs diff=lfs merge=lfs -text',
  '*.zip filter=lfs diff=lfs merge=lfs -text',
  '',
].join('\n');

const newSha = () => randomBytes(20).toString('hex');

/** Git's blob id (what the tree API reports as `oid` for regular files). */
export function gitBlobOid(data) {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

/** Why a repo file path is unusable, or undefined. */
export function repoPathProblem(path) {
  if (typeof path !== 'string' || path === '') return 'A file path is empty';
  if (path.startsWith('/') || path.endsWith('/')) return `Invalid path "${path}": it must not start or end with "/"`;
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return `Invalid path "${path}": it must not contain empty, "." or ".." segments`;
  }
  if (segments[0] === '.git') return `Invalid path "${path}": ".git" is reserved`;
  if (path.includes('\0')) return `Invalid path "${path}": it contains a NUL character`;
  return undefined;
}

/** The `filter=lfs` patterns of a .gitattributes text. */
function lfsPatterns(gitattributes) {
  return gitattributes
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[0] && !fields[0].startsWith('#') && fields.includes('filter=lfs'))
    .map((fields) => fields[0]);
}

/**
 * 'lfs' or 'regular', as the preupload endpoint decides: large files, binary samples (a NUL byte)
 * and paths matching an LFS pattern of .gitattributes go through LFS.
 * @param {Space} space
 * @param {{ path: string, size: number, sample: Buffer }} file
 * @param {string} [gitattributes] the caller's pending .gitattributes, else the repo's
 */
export function uploadModeFor(space, { path, size, sample }, gitattributes) {
  if (size >= LFS_THRESHOLD_BYTES || sample.includes(0)) return 'lfs';
  const text = gitattributes ?? space.files.get('.gitattributes')?.data.toString('utf8') ?? '';
  const basename = path.slice(path.lastIndexOf('/') + 1);
  const matches = (pattern) => (pattern.includes('/') ? fnmatch(path, pattern.replace(/^\//, '')) : fnmatch(basename, pattern));
  return lfsPatterns(text).some(matches) ? 'lfs' : 'regular';
}

/** Creates an empty Space store. */
export function createSpaceStore() {
  /** @type {Map<string, Space>} */
  const spaces = new Map();
  return {
    /** @param {string} id 'ns/name' */
    get(id) {
      return spaces.get(id);
    },
    /**
     * Creates a Space whose first commit holds .gitattributes (plus `files`, like the Hub's
     * `files` field at creation).
     * @param {{ namespace: string, name: string, private?: boolean, sdk: string, files?: Map<string, Buffer> }} options
     * @returns {Space}
     */
    create({ namespace, name, private: isPrivate = false, sdk, files = new Map() }) {
      const now = new Date().toISOString();
      /** @type {Space} */
      const space = {
        id: `${namespace}/${name}`,
        objectId: randomBytes(12).toString('hex'),
        namespace,
        name,
        private: isPrivate,
        sdk,
        createdAt: now,
        lastModified: now,
        sha: newSha(),
        files: new Map([['.gitattributes', { data: Buffer.from(INITIAL_GITATTRIBUTES) }]]),
        lfsObjects: new Map(),
      };
      for (const [path, data] of files) space.files.set(path, { data });
      spaces.set(space.id, space);
      return space;
    },
    /**
     * Applies a commit all-or-nothing: every operation is checked before any is applied.
     * @param {Space} space
     * @param {CommitOperation[]} operations
     * @returns {string} the new commit id
     */
    commit(space, operations) {
      const seen = new Set();
      const remaining = new Set(space.files.keys());
      for (const operation of operations) {
        const problem = repoPathProblem(operation.path);
        if (problem) throw new HttpError(400, problem);
        if (seen.has(operation.path)) throw new HttpError(400, `The path "${operation.path}" appears twice in the commit`);
        seen.add(operation.path);
        if (operation.key === 'lfsFile' && !space.lfsObjects.has(operation.oid)) {
          throw new HttpError(400, `The LFS object ${operation.oid} for "${operation.path}" was not uploaded; upload it through the LFS batch API first`);
        }
        if (operation.key === 'deletedFile') {
          if (!remaining.has(operation.path)) throw new HttpError(404, `File not found: "${operation.path}"`);
          remaining.delete(operation.path);
        }
        if (operation.key === 'deletedFolder') {
          const inside = [...remaining].filter((path) => path.startsWith(`${operation.path}/`));
          if (inside.length === 0) throw new HttpError(404, `Folder not found: "${operation.path}"`);
          for (const path of inside) remaining.delete(path);
        }
      }
      for (const operation of operations) {
        if (operation.key === 'file') space.files.set(operation.path, { data: operation.data });
        else if (operation.key === 'lfsFile') {
          space.files.set(operation.path, { data: /** @type {Buffer} */ (space.lfsObjects.get(operation.oid)), lfsOid: operation.oid });
        } else if (operation.key === 'deletedFile') space.files.delete(operation.path);
        else for (const path of [...space.files.keys()]) if (path.startsWith(`${operation.path}/`)) space.files.delete(path);
      }
      space.sha = newSha();
      space.lastModified = new Date().toISOString();
      return space.sha;
    },
    /** Copies of every Space (contract: `control.spaces()`). */
    snapshot() {
      return new Map([...spaces].map(([id, space]) => [
        id,
        {
          private: space.private,
          sdk: space.sdk,
          files: new Map([...space.files].map(([path, file]) => [path, Buffer.from(file.data)])),
        },
      ]));
    },
    clear() {
      spaces.clear();
    },
  };
}

/** JSON of GET /api/spaces/:ns/:name (and /revision/:rev). */
export function spaceInfo(space) {
  const subdomain = `${space.namespace}-${space.name}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return {
    _id: space.objectId,
    id: space.id,
    author: space.namespace,
    sha: space.sha,
    lastModified: space.lastModified,
    createdAt: space.createdAt,
    private: space.private,
    gated: false,
    disabled: false,
    likes: 0,
    sdk: space.sdk,
    tags: [],
    subdomain,
    siblings: [...space.files.keys()].sort().map((rfilename) => ({ rfilename })),
  };
}

function compareCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Tree entries under `folder` ('' = root) like GET /api/spaces/:id/tree/:rev: files with their git
 * blob `oid` (and `lfs` block), and directories; a recursive listing includes every level.
 * @param {Space} space
 * @param {{ folder: string, recursive: boolean }} options
 */
export function spaceTreeEntries(space, { folder, recursive }) {
  const base = folder.replace(/\/+$/, '');
  const start = base ? `${base}/` : '';
  const entries = [];
  const directories = new Set();
  for (const [path, file] of space.files) {
    if (!path.startsWith(start)) continue;
    const parts = path.slice(start.length).split('/');
    for (let depth = 1; depth < parts.length && (recursive || depth === 1); depth += 1) {
      directories.add(start + parts.slice(0, depth).join('/'));
    }
    if (!recursive && parts.length > 1) continue;
    entries.push({
      type: 'file',
      oid: file.lfsOid ? gitBlobOid(Buffer.from(lfsPointer(file.lfsOid, file.data.length))) : gitBlobOid(file.data),
      size: file.data.length,
      path,
      ...(file.lfsOid ? { lfs: { oid: file.lfsOid, size: file.data.length, pointerSize: lfsPointer(file.lfsOid, file.data.length).length } } : {}),
    });
  }
  if (base && entries.length === 0 && directories.size === 0) return undefined;
  for (const path of directories) entries.push({ type: 'directory', oid: gitBlobOid(Buffer.from(path)), size: 0, path });
  return entries.sort((a, b) => compareCodeUnits(a.path, b.path));
}

/** The text git stores for an LFS file. */
function lfsPointer(oid, size) {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`;
}
