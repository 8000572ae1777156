// Turns a request into a route call: CORS preflight, routing on the raw path, injected faults, and
// errors as `{ "error": … }` JSON.
import { HttpError } from './http-error.mjs';
import { faultError } from './faults.mjs';
import { sendError, sendPreflight } from './http-utils.mjs';

/**
 * Creates the server's request listener.
 * @param {ReturnType<typeof import('./router.mjs').createRouter>} router
 * @param {ReturnType<typeof import('./faults.mjs').createFaults>} faults
 * @returns {import('node:http').RequestListener}
 */
export function createRequestHandler(router, faults) {
  return async (req, res) => {
    if (req.method === 'OPTIONS') {
      sendPreflight(req, res);
      return;
    }
    const target = req.url ?? '/';
    const queryStart = target.indexOf('?');
    const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
    try {
      const match = router.match(req.method ?? 'GET', rawPath);
      if (!match) throw new HttpError(404, `Not found: ${req.method} ${rawPath}`);
      const fault = faults.take(match.name);
      if (fault?.status !== undefined) throw faultError(fault);
      await match.handler({ req, res, params: match.params, query, route: match.name, rawPath, fault });
    } catch (error) {
      sendError(res, error);
    }
  };
}
