// Small HTTP helpers for talking to the emulator from tests (real fetch, real server).

/**
 * Calls the emulator and returns status, headers and the parsed JSON body (or text).
 * @param {string} url
 * @param {{ method?: string, token?: string, json?: unknown, body?: BodyInit, headers?: Record<string, string> }} [options]
 */
export async function call(url, { method = 'GET', token, json, body, headers = {} } = {}) {
  const response = await fetch(url, {
    method,
    redirect: 'manual',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : body,
  });
  const text = await response.text();
  let data;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = text;
  }
  return { status: response.status, headers: response.headers, data };
}

/** Shell-quotes one argument for `bash -c` scripts (single quotes, `'` as '\''). */
export function shellQuote(value) {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * Creates a Job running `bash -c script` and returns its JobInfo.
 * @param {{ url: string }} hub
 * @param {string} token
 * @param {string} script
 * @param {{ namespace?: string, environment?: Record<string, string>, secrets?: Record<string, string>,
 *   labels?: Record<string, string>, timeoutSeconds?: number }} [options]
 */
export async function runBashJob(hub, token, script, { namespace = 'alice', ...spec } = {}) {
  const response = await call(`${hub.url}/api/jobs/${namespace}`, {
    method: 'POST',
    token,
    json: { dockerImage: 'python:3.12', command: ['bash', '-c', script], ...spec },
  });
  if (response.status !== 200) throw new Error(`Job creation failed: ${response.status} ${JSON.stringify(response.data)}`);
  return response.data;
}
