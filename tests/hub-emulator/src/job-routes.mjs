// Jobs endpoints: hardware list (public), create, list, get, cancel, and the SSE log stream.
import { HttpError } from './http-error.mjs';
import { readJson, sendJson } from './http-utils.mjs';
import { HARDWARE } from './hardware.mjs';
import { validateJobSpec } from './job-spec.mjs';
import { streamJobLogs } from './job-logs-sse.mjs';
import { paginate } from './pagination.mjs';
import { authenticate, authorize, resolveNamespace } from './permissions.mjs';

const LIST_PAGE_SIZE = 100;
const STAGES = ['SCHEDULING', 'RUNNING', 'COMPLETED', 'CANCELED', 'ERROR', 'DELETED'];

/**
 * Adds the Jobs routes to the router.
 * @param {ReturnType<typeof import('./router.mjs').createRouter>} router
 * @param {import('./emulator-state.mjs').EmulatorState} state
 */
export function registerJobRoutes(router, state) {
  const { accounts, jobs, runner } = state;

  /** Authenticates, resolves the namespace and checks the permission there. */
  function access(ctx, permission) {
    const principal = authenticate(ctx.req, accounts, { required: true });
    const owner = resolveNamespace(ctx.params.ns, principal, accounts);
    authorize(principal, owner.name, permission);
    return { principal, owner };
  }

  function jobIn(ctx, permission) {
    const { owner } = access(ctx, permission);
    const job = jobs.get(ctx.params.id);
    if (!job || job.owner.name !== owner.name) throw new HttpError(404, `Job ${ctx.params.id} not found in ${owner.name}`);
    return job;
  }

  router.add('GET', '/api/jobs/hardware', (ctx) => {
    sendJson(ctx.res, 200, HARDWARE);
  });

  router.add('POST', '/api/jobs/:ns', async (ctx) => {
    const { principal, owner } = access(ctx, 'job.write');
    const spec = validateJobSpec(await readJson(ctx.req));
    const job = jobs.create({ spec, owner, initiator: { id: principal.user.id, name: principal.user.name } });
    runner.schedule(job);
    sendJson(ctx.res, 200, job.toJSON());
  });

  router.add('GET', '/api/jobs/:ns', (ctx) => {
    const { owner } = access(ctx, 'job.read');
    const stage = ctx.query.get('stage');
    if (stage && !STAGES.includes(stage)) throw new HttpError(400, `Unknown stage "${stage}"; use one of ${STAGES.join(', ')}`);
    const matching = jobs.list(owner.name, { labels: ctx.query.getAll('label'), stage });
    const { page, headers } = paginate(matching.map((job) => job.toJSON()), {
      hubUrl: state.url, rawPath: ctx.rawPath, query: ctx.query, defaultLimit: LIST_PAGE_SIZE,
    });
    sendJson(ctx.res, 200, page, headers);
  });

  router.add('GET', '/api/jobs/:ns/:id', (ctx) => {
    sendJson(ctx.res, 200, jobIn(ctx, 'job.read').toJSON());
  });

  router.add('POST', '/api/jobs/:ns/:id/cancel', (ctx) => {
    const job = jobIn(ctx, 'job.write');
    runner.cancel(job);
    sendJson(ctx.res, 200, job.toJSON());
  });

  router.add('GET', '/api/jobs/:ns/:id/logs', (ctx) => {
    const job = jobIn(ctx, 'job.read');
    const tailParam = ctx.query.get('tail');
    const tail = tailParam === null ? undefined : Number(tailParam);
    if (tail !== undefined && !(Number.isInteger(tail) && tail >= 0)) throw new HttpError(400, 'tail must be a non-negative integer');
    streamJobLogs(ctx.res, job, {
      keepAliveIntervalMs: state.options.keepAliveIntervalMs,
      tail,
      dropAfterEvents: ctx.fault?.dropAfterEvents,
    });
  });
}
