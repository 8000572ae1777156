// The emulator's control API over HTTP, for test processes that only know HUB_EMULATOR_URL
// (`npm test` starts the emulator once and runs test files in child processes). Same methods as
// the in-process `control`, but every one returns a Promise.

/**
 * @example
 * const control = createHubControlClient(process.env.HUB_EMULATOR_URL);
 * await control.fault({ route: 'POST /api/jobs/:ns', status: 429, retryAfter: 1, times: 1 });
 *
 * @param {string} hubUrl
 * @param {{ fetch?: typeof fetch }} [options]
 */
export function createHubControlClient(hubUrl, { fetch: fetchImpl = fetch } = {}) {
  async function request(method, path, body) {
    const response = await fetchImpl(`${hubUrl}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(`Hub emulator control ${method} ${path} failed (${response.status}): ${data.error}`);
    return data;
  }

  return {
    reset: () => request('POST', '/reset').then(() => undefined),
    /** @returns {Promise<Map<string, Map<string, Buffer>>>} */
    async buckets() {
      const snapshot = await request('GET', '/buckets');
      return new Map(Object.entries(snapshot).map(([id, files]) => [
        id,
        new Map(Object.entries(files).map(([path, base64]) => [path, Buffer.from(/** @type {string} */ (base64), 'base64')])),
      ]));
    },
    /**
     * @param {string} id
     * @param {{ files?: Record<string, string | Buffer>, private?: boolean }} [options]
     */
    createBucket: (id, { files = {}, private: isPrivate = false } = {}) => request('POST', '/buckets', {
      id,
      private: isPrivate,
      files: Object.fromEntries(Object.entries(files).map(([path, content]) => [path, Buffer.from(content).toString('base64')])),
    }).then(() => undefined),
    /** @returns {Promise<Map<string, { private: boolean, sdk: string, files: Map<string, Buffer> }>>} */
    async spaces() {
      const snapshot = await request('GET', '/spaces');
      return new Map(Object.entries(snapshot).map(([id, space]) => [
        id,
        { ...space, files: new Map(Object.entries(space.files).map(([path, base64]) => [path, Buffer.from(/** @type {string} */ (base64), 'base64')])) },
      ]));
    },
    jobs: () => request('GET', '/jobs'),
    /** @param {string} id */
    waitForJob: (id) => request('GET', `/jobs/${encodeURIComponent(id)}/wait`),
    /** @param {string} id @returns {Promise<string[]>} */
    jobLogs: (id) => request('GET', `/jobs/${encodeURIComponent(id)}/logs`),
    /** @param {string} id */
    deleteJob: (id) => request('POST', `/jobs/${encodeURIComponent(id)}/delete`).then(() => undefined),
    /** @param {import('./src/faults.mjs').FaultRule} rule */
    fault: (rule) => request('POST', '/faults', rule).then(() => undefined),
    clearFaults: () => request('DELETE', '/faults').then(() => undefined),
    /** @param {string} pathGlob */
    failImportOf: (pathGlob) => request('POST', '/import-failures', { pathGlob }).then(() => undefined),
    /**
     * @param {{ user?: string, scopes?: string[], expiresInSeconds?: number, orgs?: string[] }} [options]
     * @returns {Promise<string>}
     */
    issueOAuthToken: (options = {}) => request('POST', '/oauth-tokens', options).then((data) => data.token),
    /** @param {string} token */
    revokeToken: (token) => request('POST', '/revoke-token', { token }).then((data) => data.revoked),
    /** @returns {Promise<import('./src/emulator-state.mjs').HfInvocation[]>} */
    invocations: () => request('GET', '/invocations'),
    /**
     * @param {number} [since] only the requests after this `seq`
     * @returns {Promise<import('./src/request-log.mjs').LoggedRequest[]>}
     */
    requests: (since = 0) => request('GET', `/requests?since=${since}`),
    pauseScheduling: () => request('POST', '/scheduling', { paused: true }).then(() => undefined),
    resumeScheduling: () => request('POST', '/scheduling', { paused: false }).then(() => undefined),
  };
}
