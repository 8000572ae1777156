// The fault proxy's JSON control API, served on the proxy's own port so browser tests can
// drive it with fetch (hence the permissive CORS headers).
//
//   GET    /__proxy/stats     -> FaultProxyStats
//   DELETE /__proxy/stats     -> reset the counters, returns FaultProxyStats
//   POST   /__proxy/latency   {"ms": 250}
//   POST   /__proxy/faults    {"fault": "slow-down-503", "match": {...}, "times": 1}
//   DELETE /__proxy/faults    -> remove every fault rule
//   POST   /__proxy/reset     -> latency 0, no faults, counters reset
// Every answer is JSON; errors are {"error": "..."} with status 400 or 404.

/** Path prefix of the control API; everything else is proxied to RGW. */
export const CONTROL_PREFIX = '/__proxy/';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type',
  'Access-Control-Max-Age': '600',
};

const ROUTES = {
  'GET stats': (control) => control.stats(),
  'DELETE stats': (control) => (control.resetCounters(), control.stats()),
  'POST latency': (control, body) => (control.setLatency(body?.ms), control.stats()),
  'POST faults': (control, body) => (control.addFault(body), control.stats()),
  'DELETE faults': (control) => (control.clearFaults(), control.stats()),
  'POST reset': (control) => (control.reset(), control.stats()),
};

/**
 * Answers one control API request.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {import('./fault-proxy.mjs').FaultProxyControl} control
 */
export async function handleControlRequest(request, response, control) {
  if (request.method === 'OPTIONS') {
    response.writeHead(204, CORS_HEADERS).end();
    return;
  }
  const name = new URL(request.url, 'http://proxy.invalid').pathname.slice(CONTROL_PREFIX.length);
  const route = ROUTES[`${request.method} ${name}`];
  if (!route) {
    reply(response, 404, { error: `No control route ${request.method} ${CONTROL_PREFIX}${name}; see tests/s3/proxy-control-api.mjs.` });
    return;
  }
  try {
    reply(response, 200, route(control, await readJson(request)));
  } catch (error) {
    reply(response, 400, { error: error.message });
  }
}

async function readJson(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SyntaxError('The request body must be JSON.');
  }
}

function reply(response, status, data) {
  const body = JSON.stringify(data);
  response.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}
