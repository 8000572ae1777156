// A fetch-based client for the fault proxy's control API; works in Node and in browsers.

/**
 * @typedef {import('./fault-rules.mjs').FaultRule} FaultRule
 * @typedef {import('./fault-proxy.mjs').FaultProxyStats} FaultProxyStats
 */

/**
 * Drives the fault proxy at `proxyEndpoint` (the `proxyEndpoint` of an S3 test server).
 * Every method resolves with the proxy's stats after the change.
 * @param {string} proxyEndpoint e.g. 'http://127.0.0.1:40123'
 * @param {{ fetch?: typeof fetch }} [options]
 * @example
 * const proxy = createProxyClient(server.proxyEndpoint);
 * await proxy.addFault({ match: { query: 'list-type=2' }, fault: 'slow-down-503', times: 1 });
 * // ... exercise the code under test against server.proxyEndpoint ...
 * await proxy.reset();
 */
export function createProxyClient(proxyEndpoint, { fetch: fetchImpl = globalThis.fetch } = {}) {
  const call = async (method, route, body) => {
    const response = await fetchImpl(`${proxyEndpoint.replace(/\/$/, '')}/__proxy/${route}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(`Fault proxy ${method} /__proxy/${route} failed (${response.status}): ${data.error}`);
    return /** @type {FaultProxyStats} */ (data);
  };
  return {
    /** @param {number} ms delay added before every proxied request */
    setLatency: (ms) => call('POST', 'latency', { ms }),
    /** @param {FaultRule} rule */
    addFault: (rule) => call('POST', 'faults', rule),
    clearFaults: () => call('DELETE', 'faults'),
    /** @returns {Promise<number>} requests proxied since start or the last counter reset */
    requestCount: async () => (await call('GET', 'stats')).requests,
    resetCounters: () => call('DELETE', 'stats'),
    /** Latency 0, no faults, counters reset. */
    reset: () => call('POST', 'reset'),
    stats: () => call('GET', 'stats'),
  };
}
