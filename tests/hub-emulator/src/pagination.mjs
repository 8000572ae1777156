// Cursor pagination with a `Link: <…>; rel="next"` header, as the Hub does for tree and list APIs.
import { HttpError } from './http-error.mjs';

/**
 * Returns one page of `items` and the Link header pointing at the next page (if any).
 * `?limit=` sets the page size (default `defaultLimit`); `?cursor=` is the opaque position.
 * @template T
 * @param {T[]} items
 * @param {{ hubUrl: string, rawPath: string, query: URLSearchParams, defaultLimit: number }} options
 * @returns {{ page: T[], headers: Record<string, string> }}
 */
export function paginate(items, { hubUrl, rawPath, query, defaultLimit }) {
  const limit = query.has('limit') ? Number(query.get('limit')) : defaultLimit;
  if (!Number.isInteger(limit) || limit < 1) throw new HttpError(400, `limit must be a positive integer, got "${query.get('limit')}"`);
  const offset = query.has('cursor') ? Number(Buffer.from(query.get('cursor') ?? '', 'base64url').toString()) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new HttpError(400, 'Invalid cursor');
  const page = items.slice(offset, offset + limit);
  if (offset + limit >= items.length) return { page, headers: {} };
  const next = new URLSearchParams(query);
  next.set('cursor', Buffer.from(String(offset + limit)).toString('base64url'));
  return { page, headers: { Link: `<${hubUrl}${rawPath}?${next}>; rel="next"` } };
}
