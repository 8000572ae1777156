// Response and request helpers shared by every route. Every response carries CORS headers because
// huggingface.co answers browsers from Spaces, and the web app calls the emulator from a page.
import { randomBytes } from 'node:crypto';
import { HttpError } from './http-error.mjs';

const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** Headers every response carries. */
export function baseHeaders() {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'Link, Retry-After, X-Request-Id',
    'X-Request-Id': `Root=1-${randomBytes(12).toString('hex')}`,
  };
}

/** Answers a CORS preflight like a permissive API gateway. */
export function sendPreflight(req, res) {
  res.writeHead(204, {
    ...baseHeaders(),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] || 'Authorization, Content-Type',
    'Access-Control-Max-Age': '86400',
  });
  res.end();
}

/**
 * Sends `body` as JSON with the common headers.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Sends an HttpError (or a 500 for anything unexpected, without leaking internals). */
export function sendError(res, error) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendJson(res, error.status, error.body, error.headers);
    return;
  }
  console.error('[hub-emulator] unexpected error:', error);
  sendJson(res, 500, { error: 'Internal error in the hub emulator' });
}

/** Reads the whole request body. */
export async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body; an empty body reads as `{}`. */
export async function readJson(req) {
  const text = (await readBody(req)).toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
}

/** Reads an application/x-www-form-urlencoded (or JSON) body into a plain object of strings. */
export async function readForm(req) {
  const text = (await readBody(req)).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, 'Request body is not valid JSON');
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
