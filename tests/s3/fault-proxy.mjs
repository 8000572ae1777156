// An HTTP proxy in front of RGW that adds latency and injects S3-like faults on demand. It
// forwards requests untouched (Host header included, bodies streamed byte for byte) so SigV4
// signatures computed for the proxy's host:port still verify at RGW.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream';
import { activateFaultRule, describeS3Request, ruleMatches } from './fault-rules.mjs';
import { handleControlRequest, CONTROL_PREFIX } from './proxy-control-api.mjs';
import { isErrorResponseFault, s3ErrorResponse } from './s3-error-response.mjs';

const RECENT_LIMIT = 500;
// Hop-by-hop headers describe one connection, not the message; Node frames each side itself.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect']);

/**
 * @typedef {import('./fault-rules.mjs').FaultRule} FaultRule
 * @typedef {{ method: string, path: string, bucket: string, key: string, delayMs: number, fault: string | null }} ProxiedRequest
 * @typedef {{ requests: number, latencyMs: number, faults: Array<FaultRule & { remaining: number | null }>,
 *   fired: Record<string, number>, recent: ProxiedRequest[] }} FaultProxyStats
 * @typedef {{ setLatency(ms: number): void, addFault(rule: FaultRule): void, clearFaults(): void,
 *   requestCount(): number, resetCounters(): void, reset(): void, stats(): FaultProxyStats }} FaultProxyControl
 */

/**
 * Starts the fault proxy on 127.0.0.1 in front of `target`. Besides S3 traffic it serves a JSON
 * control API under `/__proxy/` (see proxy-control-api.mjs and proxy-client.mjs).
 * @param {{ target: string, port?: number }} options `target` is the RGW endpoint; port 0 = any free port
 * @returns {Promise<{ endpoint: string, control: FaultProxyControl, close(): Promise<void> }>}
 * @example
 * const proxy = await startFaultProxy({ target: 'http://127.0.0.1:7480' });
 * proxy.control.addFault({ match: { method: 'GET' }, fault: 'slow-down-503', times: 1 });
 */
export async function startFaultProxy({ target, port = 0 }) {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const state = { latencyMs: 0, rules: [], requests: 0, fired: {}, recent: [] };
  const hanging = new Set();
  const control = createControl(state);

  const server = http.createServer((request, response) => {
    if (request.url.startsWith(CONTROL_PREFIX)) {
      handleControlRequest(request, response, control).catch((error) => response.destroy(error));
      return;
    }
    proxyS3Request(request, response).catch((error) => response.destroy(error));
  });

  async function proxyS3Request(request, response) {
    const arrivedAt = performance.now();
    const info = describeS3Request(request);
    /** @type {ProxiedRequest} */
    const entry = { method: request.method, path: request.url, bucket: info.bucket, key: info.key, delayMs: 0, fault: null };
    state.requests++;
    state.recent.push(entry);
    if (state.recent.length > RECENT_LIMIT) state.recent.shift();

    const clientGone = new AbortController();
    response.once('close', () => clientGone.abort());
    await waitAtLeast(state.latencyMs, clientGone.signal);
    entry.delayMs = performance.now() - arrivedAt;
    if (clientGone.signal.aborted) return;

    const rule = takeMatchingRule(state, info);
    if (!rule) {
      forward(request, response, { upstream, agent });
      return;
    }
    entry.fault = rule.fault;
    state.fired[rule.fault] = (state.fired[rule.fault] ?? 0) + 1;
    if (isErrorResponseFault(rule.fault)) {
      const cors = await corsHeadersFor(request, { upstream, agent });
      const { status, headers, body } = s3ErrorResponse({
        fault: rule.fault,
        region: rule.region,
        method: request.method,
        bucket: info.bucket,
        authorization: request.headers.authorization,
        extraHeaders: cors,
      });
      response.writeHead(status, body ? { ...headers, 'Content-Length': Buffer.byteLength(body) } : headers);
      response.end(body);
    } else if (rule.fault === 'drop-connection') {
      request.socket.destroy();
    } else if (rule.fault === 'drop-mid-body') {
      forward(request, response, { upstream, agent, truncate: 'drop' });
    } else if (rule.fault === 'stall-mid-body') {
      // Headers and part of the body, then silence: the client must time out by itself.
      hanging.add(response);
      response.once('close', () => hanging.delete(response));
      forward(request, response, { upstream, agent, truncate: 'stall' });
    } else {
      // 'hang': never answer; the client gives up (or close() ends it).
      hanging.add(response);
      response.once('close', () => hanging.delete(response));
    }
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    control,
    async close() {
      for (const response of hanging) response.destroy();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      agent.destroy();
      await closed;
    },
  };
}

/** @returns {FaultProxyControl} */
function createControl(state) {
  return {
    setLatency(ms) {
      if (!(Number.isFinite(ms) && ms >= 0)) throw new TypeError(`Latency must be a number of milliseconds >= 0 (got ${ms}).`);
      state.latencyMs = ms;
    },
    addFault(rule) {
      state.rules.push(activateFaultRule(rule));
    },
    clearFaults() {
      state.rules.length = 0;
    },
    requestCount() {
      return state.requests;
    },
    resetCounters() {
      state.requests = 0;
      state.fired = {};
      state.recent = [];
    },
    reset() {
      this.setLatency(0);
      this.clearFaults();
      this.resetCounters();
    },
    stats() {
      return {
        requests: state.requests,
        latencyMs: state.latencyMs,
        faults: state.rules.map(({ remaining, toSkip: _toSkip, ...rule }) => ({ ...rule, remaining: remaining === Infinity ? null : remaining })),
        fired: { ...state.fired },
        recent: state.recent.map((entry) => ({ ...entry })),
      };
    },
  };
}

/**
 * The first rule that fires for this request, consuming one of its uses. A matching rule that is
 * still skipping lets the request through (counting it) and gives later rules no say: rules
 * describe one sequence of requests, in order.
 */
function takeMatchingRule(state, info) {
  const index = state.rules.findIndex((rule) => ruleMatches(rule, info));
  if (index < 0) return undefined;
  const rule = state.rules[index];
  if (rule.toSkip > 0) {
    rule.toSkip--;
    return undefined;
  }
  if (--rule.remaining === 0) state.rules.splice(index, 1);
  return rule;
}

/** Waits until at least `ms` have passed by the monotonic clock (timers may fire early). */
async function waitAtLeast(ms, signal) {
  const start = performance.now();
  for (let left = ms; left > 0 && !signal.aborted; left = ms - (performance.now() - start)) {
    await new Promise((resolve) => {
      const onAbort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, Math.ceil(left));
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** @param {{ upstream: URL, agent: http.Agent, truncate?: 'drop' | 'stall' }} options */
function forward(request, response, { upstream, agent, truncate }) {
  const outgoing = http.request({
    host: upstream.hostname,
    port: upstream.port,
    method: request.method,
    path: request.url,
    headers: withoutHopByHop(request.rawHeaders),
    agent,
  });
  outgoing.on('response', (incoming) => {
    response.writeHead(incoming.statusCode, incoming.statusMessage, withoutHopByHop(incoming.rawHeaders));
    if (truncate) {
      sendPartOfBody(incoming, response, truncate);
      return;
    }
    // On an error either way, pipeline destroys both sides: the client sees a cut connection.
    pipeline(incoming, response, () => {});
  });
  outgoing.on('error', (error) => {
    if (response.headersSent) {
      response.destroy(error);
      return;
    }
    const message = `The fault proxy could not reach ${upstream.origin}: ${error.message}`;
    response.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
  });
  // A client that goes away mid-request must not leave the upstream request running.
  response.once('close', () => {
    if (!response.writableFinished) outgoing.destroy();
  });
  request.pipe(outgoing);
}

/**
 * Sends the headers and half of the first body chunk, then cuts the connection ('drop') or sends
 * nothing more while keeping it open ('stall').
 */
function sendPartOfBody(incoming, response, how) {
  incoming.once('data', (chunk) => {
    incoming.destroy();
    const part = chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2)));
    response.write(part, () => {
      if (how === 'drop') response.socket?.destroy();
    });
  });
  // No body at all (HEAD, empty object): all that can be cut is what follows the headers.
  incoming.once('end', () => {
    response.flushHeaders();
    if (how === 'drop') response.socket?.end();
  });
}

/**
 * The CORS headers RGW would put on a real response to this request, learnt by asking RGW the
 * matching preflight; empty when the bucket has no CORS rule for the request's Origin.
 */
async function corsHeadersFor(request, { upstream, agent }) {
  const origin = request.headers.origin;
  if (!origin) return {};
  const preflight = await new Promise((resolve) => {
    const probe = http.request({
      host: upstream.hostname,
      port: upstream.port,
      method: 'OPTIONS',
      path: request.url.split('?')[0],
      headers: { host: request.headers.host ?? upstream.host, origin, 'access-control-request-method': request.method },
      agent,
    });
    probe.on('response', (answer) => {
      answer.resume();
      resolve(answer);
    });
    probe.on('error', () => resolve(undefined));
    probe.end();
  });
  const allowOrigin = preflight?.statusCode === 200 ? preflight.headers['access-control-allow-origin'] : undefined;
  if (!allowOrigin) return {};
  const headers = { 'Access-Control-Allow-Origin': allowOrigin, 'Access-Control-Allow-Methods': request.method, Vary: 'Origin' };
  const exposed = preflight.headers['access-control-expose-headers'];
  return exposed ? { ...headers, 'Access-Control-Expose-Headers': exposed } : headers;
}

function withoutHopByHop(rawHeaders) {
  const kept = [];
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (!HOP_BY_HOP.has(rawHeaders[index].toLowerCase())) kept.push(rawHeaders[index], rawHeaders[index + 1]);
  }
  return kept;
}
