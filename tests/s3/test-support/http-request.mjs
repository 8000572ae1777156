// Plain HTTP requests with full control over headers (Origin, preflight headers), for checks
// the S3 SDK would hide.
import http from 'node:http';

/**
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string | Uint8Array, signal?: AbortSignal }} [options]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer }>}
 *   rejects when the connection breaks before the whole response arrived
 */
export function httpRequest(url, { method = 'GET', headers = {}, body, signal } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, signal, agent: false }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
      response.on('aborted', () => reject(Object.assign(new Error('response aborted'), { partial: Buffer.concat(chunks), status: response.statusCode })));
    });
    request.on('error', reject);
    request.end(body);
  });
}
