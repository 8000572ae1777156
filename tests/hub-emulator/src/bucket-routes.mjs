// Storage Bucket endpoints: create (POST), info (GET), delete (DELETE), tree listing, the xet
// write-token preflight the real `hf` does before importing, and the emulator-only upload route
// used by the emulated `hf`.
import { HttpError } from './http-error.mjs';
import { readBody, readJson, sendJson } from './http-utils.mjs';
import { bucketInfo, bucketNameProblem, treeEntries } from './bucket-store.mjs';
import { fnmatch } from './fnmatch.mjs';
import { paginate } from './pagination.mjs';
import { authenticate, authorize, namespaceRole, resolveNamespace } from './permissions.mjs';

const TREE_PAGE_SIZE = 1000;

/**
 * Adds the Storage Bucket routes to the router.
 * @param {ReturnType<typeof import('./router.mjs').createRouter>} router
 * @param {import('./emulator-state.mjs').EmulatorState} state
 */
export function registerBucketRoutes(router, state) {
  const { accounts, buckets } = state;

  function bucketId(params, principal) {
    const owner = resolveNamespace(params.ns, principal, accounts);
    return `${owner.name}/${params.name}`;
  }

  /** The bucket, readable by the caller; private buckets of others read as missing. */
  function readableBucket(ctx) {
    const principal = authenticate(ctx.req, accounts, { required: false });
    const bucket = buckets.get(bucketId(ctx.params, principal));
    if (bucket && !bucket.private) return bucket;
    if (bucket && principal && namespaceRole(principal.user, bucket.namespace)) {
      authorize(principal, bucket.namespace, 'repo.read');
      return bucket;
    }
    throw new HttpError(404, `Bucket ${ctx.params.ns}/${ctx.params.name} not found`);
  }

  /** The bucket, writable by the (required) caller. */
  function writableBucket(ctx) {
    const principal = authenticate(ctx.req, accounts, { required: true });
    const bucket = buckets.get(bucketId(ctx.params, principal));
    if (!bucket) throw new HttpError(404, `Bucket ${ctx.params.ns}/${ctx.params.name} not found`);
    authorize(principal, bucket.namespace, 'repo.write');
    return bucket;
  }

  router.add('POST', '/api/buckets/:ns/:name', async (ctx) => {
    const principal = authenticate(ctx.req, accounts, { required: true });
    const owner = resolveNamespace(ctx.params.ns, principal, accounts);
    authorize(principal, owner.name, 'repo.write');
    const problem = bucketNameProblem(ctx.params.name);
    if (problem) throw new HttpError(400, problem);
    const body = await readJson(ctx.req);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new HttpError(400, 'Request body must be a JSON object');
    }
    if (body.region !== undefined && body.region !== 'us' && body.region !== 'eu') {
      throw new HttpError(400, `Invalid region "${body.region}": use "us" or "eu"`);
    }
    const id = `${owner.name}/${ctx.params.name}`;
    if (buckets.get(id)) throw new HttpError(409, `You already created this bucket: ${id}`);
    const bucket = buckets.create({
      namespace: owner.name,
      name: ctx.params.name,
      private: body.private === true || body.visibility === 'private',
      region: body.region,
    });
    sendJson(ctx.res, 200, { url: `${state.url}/buckets/${bucket.id}`, id: bucket.objectId, name: bucket.id });
  });

  router.add('GET', '/api/buckets/:ns/:name', (ctx) => {
    sendJson(ctx.res, 200, bucketInfo(readableBucket(ctx)));
  });

  router.add('DELETE', '/api/buckets/:ns/:name', (ctx) => {
    const bucket = writableBucket(ctx);
    buckets.delete(bucket.id);
    sendJson(ctx.res, 200, {});
  });

  const listTree = (ctx) => {
    const bucket = readableBucket(ctx);
    const recursive = ['true', '1'].includes(ctx.query.get('recursive') ?? '');
    const entries = treeEntries(bucket, { folder: ctx.params.path ?? '', recursive });
    const { page, headers } = paginate(entries, {
      hubUrl: state.url, rawPath: ctx.rawPath, query: ctx.query, defaultLimit: TREE_PAGE_SIZE,
    });
    sendJson(ctx.res, 200, page, headers);
  };
  router.add('GET', '/api/buckets/:ns/:name/tree', listTree);
  router.add('GET', '/api/buckets/:ns/:name/tree/*path', listTree);

  router.add('GET', '/api/buckets/:ns/:name/xet-write-token', (ctx) => {
    const bucket = writableBucket(ctx);
    sendJson(ctx.res, 200, {
      accessToken: `xet_emulated_${bucket.objectId}`,
      exp: Math.floor(Date.now() / 1000) + 3600,
      casUrl: `${state.url}/_emulator/cas`,
    });
  });

  router.add('PUT', '/api/buckets/:ns/:name/_emulator/upload/*path', async (ctx) => {
    const bucket = writableBucket(ctx);
    const data = await readBody(ctx.req);
    const path = ctx.params.path;
    if (state.importFailures.some((glob) => fnmatch(path, glob))) {
      throw new HttpError(500, `Upload of "${path}" failed (emulated by failImportOf)`);
    }
    buckets.putFile(bucket, path, data);
    sendJson(ctx.res, 200, { path, size: data.length });
  });
}
