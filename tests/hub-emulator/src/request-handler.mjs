// Turns a request into a route call: CORS preflight, routing on the raw path, injected faults,
// the request log, and errors as `{ "error": … }` JSON.
import { DiscardedResponse } from './discarded-response.mjs';
import { HttpError } from './http-error.mjs';
import { describeFault, faultError } from './faults.mjs';
import { sendError, sendPreflight } from './http-utils.mjs';

const CONTROL_PREFIX = '/__emulator/';

/**
 * Creates the server's request listener.
 * @param {ReturnType<typeof import('./router.mjs').createRouter>} router
 * @param {ReturnType<typeof import('./faults.mjs').createFaults>} faults
 * @param {ReturnType<typeof import('./request-log.mjs').createRequestLog>} requestLog
 * @returns {import('node:http').RequestListener}
 */
export function createRequestHandler(router, faults, requestLog) {
  return async (req, res) => {
    const target = req.url ?? '/';
    const queryStart = target.indexOf('?');
    const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
    const logged = rawPath.startsWith(CONTROL_PREFIX) ? undefined : requestLog.add({ method: req.method ?? 'GET', url: target });
    if (logged) res.once('close', () => (logged.status = res.headersSent ? res.statusCode : null));
    if (req.method === 'OPTIONS') {
      sendPreflight(req, res);
      return;
    }
    try {
      const match = router.match(req.method ?? 'GET', rawPath);
      if (!match) throw new HttpError(404, `Not found: ${req.method} ${rawPath}`);
      if (logged) logged.route = match.name;
      const fault = faults.take(match.name, match.params);
      if (fault && logged) logged.fault = describeFault(fault);
      const context = { req, params: match.params, query, route: match.name, rawPath, fault };
      if (fault?.loseResponse) {
        // The request is handled for real (a Job is created, a bucket written), but its answer is
        // lost on the way back: the client sees the fault instead.
        await Promise.resolve(match.handler({ ...context, res: /** @type {any} */ (new DiscardedResponse()) })).catch(() => undefined);
      }
      if (fault?.drop) {
        req.socket.destroy();
        return;
      }
      if (fault?.status !== undefined) throw faultError(fault);
      await match.handler({ ...context, res });
    } catch (error) {
      sendError(res, error);
    }
  };
}
