// A tiny router for patterns like '/api/jobs/:ns/:id/logs' and '/api/buckets/:ns/:name/tree/*path'.
// Paths are matched on the raw request target (not WHATWG-normalised), so '.', '..' and '%2F'
// inside a bucket path survive exactly as the client sent them.
import { HttpError } from './http-error.mjs';

/**
 * @typedef {(ctx: RequestContext) => Promise<void> | void} RouteHandler
 * @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse,
 *   params: Record<string, string>, query: URLSearchParams, route: string, rawPath: string,
 *   fault?: import('./faults.mjs').FaultRule }} RequestContext
 */

function decodeSegment(raw) {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, `Malformed percent-encoding in the URL path: ${raw}`);
  }
}

function compile(pattern) {
  const parts = pattern.split('/').slice(1);
  /** @param {string[]} segments @returns {Record<string, string> | undefined} */
  return (segments) => {
    /** @type {Record<string, string>} */
    const params = {};
    for (let index = 0; index < parts.length; index += 1) {
      const part = parts[index];
      if (part.startsWith('*')) {
        const rest = segments.slice(index).join('/');
        if (!rest) return undefined;
        params[part.slice(1)] = decodeSegment(rest);
        return params;
      }
      const segment = segments[index];
      if (segment === undefined) return undefined;
      if (part.startsWith(':')) {
        if (!segment) return undefined;
        params[part.slice(1)] = decodeSegment(segment);
      } else if (part !== segment) {
        return undefined;
      }
    }
    return segments.length === parts.length ? params : undefined;
  };
}

/** Creates a router; routes are tried in the order they were added. */
export function createRouter() {
  /** @type {{ method: string, pattern: string, match: ReturnType<typeof compile>, handler: RouteHandler }[]} */
  const routes = [];
  return {
    /** Route names ('METHOD /pattern') known to the router, e.g. for validating fault rules. */
    routeNames() {
      return routes.map((route) => `${route.method} ${route.pattern}`);
    },
    /**
     * @param {string} method
     * @param {string} pattern
     * @param {RouteHandler} handler
     */
    add(method, pattern, handler) {
      routes.push({ method, pattern, match: compile(pattern), handler });
    },
    /**
     * Finds the route for a raw path. Returns undefined when nothing matches; throws 405 when the
     * path exists for another method.
     * @param {string} method
     * @param {string} rawPath
     */
    match(method, rawPath) {
      const segments = rawPath.split('/').slice(1);
      let pathExists = false;
      for (const route of routes) {
        const params = route.match(segments);
        if (!params) continue;
        if (route.method !== method) {
          pathExists = true;
          continue;
        }
        return { name: `${route.method} ${route.pattern}`, params, handler: route.handler };
      }
      if (pathExists) throw new HttpError(405, `Method ${method} is not allowed on ${rawPath}`);
      return undefined;
    },
  };
}
