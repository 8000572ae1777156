/**
 * An error that becomes an HTTP response: `{ "error": message }` with `status`, like the Hub's API.
 * `body` replaces the default JSON body when an endpoint has its own error format (OAuth).
 */
export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {{ headers?: Record<string, string>, body?: object }} [extra]
   */
  constructor(status, message, extra = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.headers = extra.headers ?? {};
    this.body = extra.body ?? { error: message };
  }
}
