// Spaces, as far as @huggingface/hub's createRepo, repoExists, spaceInfo, listFiles and
// uploadFiles/commit use them: create (POST /api/repos/create), info, tree, preupload, the git-LFS
// batch API with a basic PUT upload, and the NDJSON commit endpoint.
import { createHash, randomBytes } from 'node:crypto';
import { isValidRepoName } from './bucket-store.mjs';
import { HttpError } from './http-error.mjs';
import { readBody, readJson, sendJson } from './http-utils.mjs';
import { paginate } from './pagination.mjs';
import { authenticate, authorize, namespaceRole, resolveNamespace } from './permissions.mjs';
import { SPACE_SDKS, repoPathProblem, spaceInfo, spaceTreeEntries, uploadModeFor } from './space-store.mjs';

const TREE_PAGE_SIZE = 1000;
const LFS_UPLOAD_LIFETIME_MS = 60 * 60 * 1000;
const REPO_NOT_FOUND = 'Repository not found';
const WRITE_ACTION = { action: 'create or write Spaces' };

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses the commit endpoint's NDJSON body into a header and operations. */
function parseCommitBody(text) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const entries = lines.map((line, index) => {
    try {
      return JSON.parse(line);
    } catch {
      throw new HttpError(400, `Line ${index + 1} of the commit is not valid JSON`);
    }
  });
  const [header, ...rest] = entries;
  if (!isObject(header) || header.key !== 'header' || !isObject(header.value)) {
    throw new HttpError(400, 'The first line of the commit must be {"key":"header","value":{"summary":…}}');
  }
  if (typeof header.value.summary !== 'string' || !header.value.summary.trim()) {
    throw new HttpError(400, 'The commit needs a non-empty summary');
  }
  const operations = rest.map((entry) => {
    const value = isObject(entry) && isObject(entry.value) ? entry.value : undefined;
    if (!value) throw new HttpError(400, 'Every commit line must be {"key":…,"value":{…}}');
    const path = value.path;
    switch (entry.key) {
      case 'file': {
        if (typeof value.content !== 'string') throw new HttpError(400, `The file "${path}" has no content`);
        if (value.encoding !== undefined && value.encoding !== 'base64' && value.encoding !== 'utf-8') {
          throw new HttpError(400, `Unknown encoding "${value.encoding}" for "${path}": use "base64" or "utf-8"`);
        }
        return { key: 'file', path, data: Buffer.from(value.content, value.encoding === 'base64' ? 'base64' : 'utf8') };
      }
      case 'lfsFile':
        if (value.algo !== undefined && value.algo !== 'sha256') throw new HttpError(400, `Unsupported LFS algorithm "${value.algo}"`);
        if (typeof value.oid !== 'string' || !/^[0-9a-f]{64}$/.test(value.oid)) throw new HttpError(400, `The LFS file "${path}" needs a sha256 oid`);
        return { key: 'lfsFile', path, oid: value.oid };
      case 'deletedFile':
        return { key: 'deletedFile', path };
      case 'deletedFolder':
        return { key: 'deletedFolder', path: typeof path === 'string' ? path.replace(/\/+$/, '') : path };
      default:
        throw new HttpError(400, `Unknown commit operation "${entry.key}": use file, lfsFile, deletedFile or deletedFolder`);
    }
  });
  return { header: header.value, operations };
}

/**
 * Adds the Space routes to the router.
 * @param {ReturnType<typeof import('./router.mjs').createRouter>} router
 * @param {import('./emulator-state.mjs').EmulatorState} state
 */
export function registerSpaceRoutes(router, state) {
  const { accounts, spaces } = state;
  /** @type {Map<string, { spaceId: string, oid: string, size: number, expiresAt: number }>} */
  const lfsUploads = state.lfsUploads;

  /** The Space if the caller may read it; like the Hub, 401 for anonymous callers, else 404. */
  function readableSpace(ctx, { namespace = ctx.params.ns, name = ctx.params.name } = {}) {
    const principal = authenticate(ctx.req, accounts, { required: false });
    const space = spaces.get(`${namespace}/${name}`);
    if (space && !space.private) return { space, principal };
    if (space && principal && namespaceRole(principal.user, space.namespace)) {
      authorize(principal, space.namespace, 'repo.read', { action: 'read Spaces' });
      return { space, principal };
    }
    throw new HttpError(principal ? 404 : 401, REPO_NOT_FOUND);
  }

  /** The Space, writable by the (required) caller. */
  function writableSpace(ctx, names) {
    authenticate(ctx.req, accounts, { required: true });
    const { space, principal } = readableSpace(ctx, names);
    authorize(/** @type {import('./permissions.mjs').Principal} */ (principal), space.namespace, 'repo.write', WRITE_ACTION);
    return space;
  }

  function requireMainRevision(rev, space) {
    if (rev !== 'main' && rev !== space.sha && rev !== 'HEAD') throw new HttpError(404, `Invalid rev id: ${rev}`);
  }

  router.add('POST', '/api/repos/create', async (ctx) => {
    const principal = /** @type {import('./permissions.mjs').Principal} */ (authenticate(ctx.req, accounts, { required: true }));
    const body = await readJson(ctx.req);
    if (!isObject(body)) throw new HttpError(400, 'Request body must be a JSON object');
    if (body.type !== 'space') {
      throw new HttpError(400, `The hub emulator creates only Spaces here (type "space"), not "${body.type ?? 'model'}"; buckets use POST /api/buckets/:ns/:name`);
    }
    if (typeof body.name !== 'string' || !isValidRepoName(body.name)) {
      throw new HttpError(400, `Invalid repo name "${body.name}": use 1-96 characters from [A-Za-z0-9._-], without "--" or "..", not starting or ending with "-" or "."`);
    }
    if (!SPACE_SDKS.includes(body.sdk)) throw new HttpError(400, `Invalid sdk "${body.sdk}": a Space needs one of ${SPACE_SDKS.join(', ')}`);
    if (body.visibility !== undefined && !['public', 'private', 'protected'].includes(body.visibility)) {
      throw new HttpError(400, `Invalid visibility "${body.visibility}": use public, private or protected`);
    }
    if (body.private !== undefined && typeof body.private !== 'boolean') throw new HttpError(400, '"private" must be a boolean');
    const owner = resolveNamespace(typeof body.organization === 'string' ? body.organization : principal.user.name, principal, accounts);
    authorize(principal, owner.name, 'repo.write', WRITE_ACTION);
    const id = `${owner.name}/${body.name}`;
    if (spaces.get(id)) throw new HttpError(409, 'You already created this space repo', { body: { error: 'You already created this space repo', url: `${state.url}/spaces/${id}` } });
    /** @type {Map<string, Buffer>} */
    const files = new Map();
    for (const file of Array.isArray(body.files) ? body.files : []) {
      const problem = repoPathProblem(file?.path);
      if (problem) throw new HttpError(400, problem);
      files.set(file.path, Buffer.from(String(file.content ?? ''), file.encoding === 'base64' ? 'base64' : 'utf8'));
    }
    const isPrivate = body.visibility !== undefined ? body.visibility !== 'public' : body.private === true;
    const space = spaces.create({ namespace: owner.name, name: body.name, private: isPrivate, sdk: body.sdk, files });
    sendJson(ctx.res, 200, { url: `${state.url}/spaces/${space.id}`, name: space.id, id: space.objectId });
  });

  router.add('GET', '/api/spaces/:ns/:name', (ctx) => {
    sendJson(ctx.res, 200, spaceInfo(readableSpace(ctx).space));
  });

  router.add('GET', '/api/spaces/:ns/:name/revision/:rev', (ctx) => {
    const { space } = readableSpace(ctx);
    requireMainRevision(ctx.params.rev, space);
    sendJson(ctx.res, 200, spaceInfo(space));
  });

  const listTree = (ctx) => {
    const { space } = readableSpace(ctx);
    requireMainRevision(ctx.params.rev, space);
    const recursive = ['true', '1'].includes(ctx.query.get('recursive') ?? '');
    const entries = spaceTreeEntries(space, { folder: ctx.params.path ?? '', recursive });
    if (!entries) throw new HttpError(404, `Entry not found: "${ctx.params.path}"`);
    const { page, headers } = paginate(entries, { hubUrl: state.url, rawPath: ctx.rawPath, query: ctx.query, defaultLimit: TREE_PAGE_SIZE });
    sendJson(ctx.res, 200, page, headers);
  };
  router.add('GET', '/api/spaces/:ns/:name/tree/:rev', listTree);
  router.add('GET', '/api/spaces/:ns/:name/tree/:rev/*path', listTree);

  router.add('POST', '/api/spaces/:ns/:name/preupload/:rev', async (ctx) => {
    const space = writableSpace(ctx);
    requireMainRevision(ctx.params.rev, space);
    const body = await readJson(ctx.req);
    if (!isObject(body) || !Array.isArray(body.files)) throw new HttpError(400, 'The body must be {"files":[{"path","size","sample"}]}');
    const gitattributes = typeof body.gitAttributes === 'string' ? body.gitAttributes : undefined;
    const files = body.files.map((file) => {
      const problem = repoPathProblem(file?.path);
      if (problem) throw new HttpError(400, problem);
      if (!Number.isInteger(file.size) || file.size < 0) throw new HttpError(400, `The size of "${file.path}" must be a whole number of bytes`);
      const sample = Buffer.from(typeof file.sample === 'string' ? file.sample : '', 'base64');
      return { path: file.path, uploadMode: uploadModeFor(space, { path: file.path, size: file.size, sample }, gitattributes), shouldIgnore: false };
    });
    sendJson(ctx.res, 200, { files, commitOid: space.sha });
  });

  router.add('POST', '/spaces/:ns/:repo/info/lfs/objects/batch', async (ctx) => {
    if (!ctx.params.repo.endsWith('.git')) throw new HttpError(404, `Not found: ${ctx.rawPath}`);
    const space = writableSpace(ctx, { namespace: ctx.params.ns, name: ctx.params.repo.slice(0, -'.git'.length) });
    const body = await readJson(ctx.req);
    if (!isObject(body) || body.operation !== 'upload' || !Array.isArray(body.objects)) {
      throw new HttpError(400, 'The hub emulator implements LFS batch uploads only: {"operation":"upload","objects":[{"oid","size"}]}');
    }
    const objects = body.objects.map((object) => {
      if (typeof object?.oid !== 'string' || !/^[0-9a-f]{64}$/.test(object.oid) || !Number.isInteger(object.size) || object.size < 0) {
        throw new HttpError(400, 'Every LFS object needs a sha256 "oid" and a whole-number "size"');
      }
      if (space.lfsObjects.has(object.oid)) return { oid: object.oid, size: object.size, authenticated: true };
      const ticket = randomBytes(16).toString('hex');
      lfsUploads.set(ticket, { spaceId: space.id, oid: object.oid, size: object.size, expiresAt: Date.now() + LFS_UPLOAD_LIFETIME_MS });
      return {
        oid: object.oid,
        size: object.size,
        authenticated: true,
        actions: { upload: { href: `${state.url}/__lfs/${ticket}`, expires_in: LFS_UPLOAD_LIFETIME_MS / 1000 } },
      };
    });
    sendJson(ctx.res, 200, { transfer: 'basic', objects, hash_algo: 'sha256' }, { 'Content-Type': 'application/vnd.git-lfs+json; charset=utf-8' });
  });

  // The presigned-URL stand-in: no Authorization, the ticket is the credential (like S3's URLs).
  router.add('PUT', '/__lfs/:ticket', async (ctx) => {
    const upload = lfsUploads.get(ctx.params.ticket);
    if (!upload || upload.expiresAt < Date.now()) throw new HttpError(403, 'This LFS upload URL is invalid or expired; ask the batch API for a new one');
    const data = await readBody(ctx.req);
    const oid = createHash('sha256').update(data).digest('hex');
    if (data.length !== upload.size || oid !== upload.oid) {
      throw new HttpError(400, `The uploaded content (sha256 ${oid}, ${data.length} bytes) does not match the announced object (sha256 ${upload.oid}, ${upload.size} bytes)`);
    }
    lfsUploads.delete(ctx.params.ticket);
    spaces.get(upload.spaceId)?.lfsObjects.set(oid, data);
    sendJson(ctx.res, 200, {});
  });

  router.add('POST', '/api/spaces/:ns/:name/commit/:rev', async (ctx) => {
    const space = writableSpace(ctx);
    requireMainRevision(ctx.params.rev, space);
    if (ctx.query.has('create_pr')) throw new HttpError(400, 'The hub emulator does not implement pull requests (create_pr)');
    if (!(ctx.req.headers['content-type'] ?? '').includes('application/x-ndjson')) {
      throw new HttpError(400, 'The hub emulator accepts commits as NDJSON only (Content-Type: application/x-ndjson)');
    }
    const { header, operations } = parseCommitBody((await readBody(ctx.req)).toString('utf8'));
    if (header.parentCommit !== undefined && header.parentCommit !== space.sha) {
      throw new HttpError(412, 'A commit has happened since the parent commit you sent. Please refresh and try again.');
    }
    const commitOid = spaces.commit(space, operations);
    sendJson(ctx.res, 200, { success: true, commitOid, commitUrl: `${state.url}/spaces/${space.id}/commit/${commitOid}`, hookOutput: '' });
  });
}
