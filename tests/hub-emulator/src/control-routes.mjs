// The control API over HTTP under /__emulator/, for test processes that did not start the emulator
// (npm test hands them HUB_EMULATOR_URL only). control-client.mjs wraps these routes. Also the
// route where the emulated `hf` records how it was invoked.
import { HttpError } from './http-error.mjs';
import { readJson, sendJson } from './http-utils.mjs';

/** Runs a control call, turning its validation errors into 400 responses. */
function attempt(action) {
  try {
    return action();
  } catch (error) {
    throw new HttpError(400, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Adds the /__emulator/ routes to the router.
 * @param {ReturnType<typeof import('./router.mjs').createRouter>} router
 * @param {ReturnType<typeof import('./control.mjs').createControl>} control
 * @param {import('./emulator-state.mjs').EmulatorState} state
 */
export function registerControlRoutes(router, control, state) {
  const ok = (ctx, body = {}) => sendJson(ctx.res, 200, body);

  router.add('POST', '/__emulator/hf-invocations', async (ctx) => {
    const body = await readJson(ctx.req);
    if (!Array.isArray(body.argv) || body.argv.some((arg) => typeof arg !== 'string')) {
      throw new HttpError(400, 'argv must be an array of strings');
    }
    state.invocations.push({
      argv: body.argv,
      jobId: typeof body.jobId === 'string' ? body.jobId : null,
      envNames: Array.isArray(body.envNames) ? body.envNames.filter((name) => typeof name === 'string') : [],
      receivedAt: new Date().toISOString(),
    });
    ok(ctx);
  });

  router.add('POST', '/__emulator/reset', (ctx) => {
    control.reset();
    ok(ctx);
  });
  router.add('GET', '/__emulator/buckets', (ctx) => {
    const snapshot = Object.fromEntries([...control.buckets()].map(([id, files]) => [
      id,
      Object.fromEntries([...files].map(([path, data]) => [path, data.toString('base64')])),
    ]));
    ok(ctx, snapshot);
  });
  router.add('GET', '/__emulator/spaces', (ctx) => {
    const snapshot = Object.fromEntries([...control.spaces()].map(([id, space]) => [
      id,
      { ...space, files: Object.fromEntries([...space.files].map(([path, data]) => [path, data.toString('base64')])) },
    ]));
    ok(ctx, snapshot);
  });
  router.add('POST', '/__emulator/buckets', async (ctx) => {
    const { id, files = {}, private: isPrivate } = await readJson(ctx.req);
    const decoded = Object.fromEntries(Object.entries(files).map(([path, base64]) => [path, Buffer.from(String(base64), 'base64')]));
    attempt(() => control.createBucket(id, { files: decoded, private: isPrivate }));
    ok(ctx);
  });
  router.add('GET', '/__emulator/jobs', (ctx) => ok(ctx, control.jobs()));
  router.add('GET', '/__emulator/jobs/:id/wait', async (ctx) => ok(ctx, await attempt(() => control.waitForJob(ctx.params.id))));
  router.add('GET', '/__emulator/jobs/:id/logs', (ctx) => ok(ctx, attempt(() => control.jobLogs(ctx.params.id))));
  router.add('POST', '/__emulator/jobs/:id/delete', (ctx) => {
    attempt(() => control.deleteJob(ctx.params.id));
    ok(ctx);
  });
  router.add('POST', '/__emulator/faults', async (ctx) => {
    const rule = await readJson(ctx.req);
    attempt(() => control.fault(rule));
    ok(ctx);
  });
  router.add('DELETE', '/__emulator/faults', (ctx) => {
    control.clearFaults();
    ok(ctx);
  });
  router.add('POST', '/__emulator/import-failures', async (ctx) => {
    const { pathGlob } = await readJson(ctx.req);
    attempt(() => control.failImportOf(pathGlob));
    ok(ctx);
  });
  router.add('POST', '/__emulator/oauth-tokens', async (ctx) => {
    const options = await readJson(ctx.req);
    ok(ctx, { token: attempt(() => control.issueOAuthToken(options)) });
  });
  router.add('POST', '/__emulator/revoke-token', async (ctx) => {
    const { token } = await readJson(ctx.req);
    ok(ctx, { revoked: control.revokeToken(token) });
  });
  router.add('GET', '/__emulator/invocations', (ctx) => ok(ctx, control.invocations()));
  router.add('GET', '/__emulator/requests', (ctx) => ok(ctx, control.requests(Number(ctx.query.get('since') ?? 0) || 0)));
  router.add('POST', '/__emulator/scheduling', async (ctx) => {
    const { paused } = await readJson(ctx.req);
    if (paused) control.pauseScheduling();
    else control.resumeScheduling();
    ok(ctx);
  });
}
