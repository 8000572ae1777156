// Injected failures, per route name ('POST /api/jobs/:ns'), optionally narrowed to some route
// parameters ({ id: jobId }): an error status (with Retry-After), a cut connection, an SSE stream cut
// after N data events, or a lost response (the request is handled, its answer never arrives).
// `times` limits how many requests a rule hits.
import { STATUS_CODES } from 'node:http';
import { HttpError } from './http-error.mjs';

/**
 * @typedef {{
 *   route: string, params?: Record<string, string>, status?: number, retryAfter?: number,
 *   drop?: boolean, loseResponse?: boolean, dropAfterEvents?: number, times?: number
 * }} FaultRule
 */

/** The routes that stream Server-Sent Events, the only ones `dropAfterEvents` applies to. */
const SSE_ROUTES = ['GET /api/jobs/:ns/:id/logs'];

function validate(rule, routeNames) {
  if (!rule || typeof rule !== 'object') throw new Error('A fault rule must be an object like { route, status }');
  if (!routeNames.includes(rule.route)) {
    throw new Error(`Unknown fault route "${rule.route}"; use one of: ${routeNames.join(', ')}`);
  }
  if (rule.status === undefined && rule.dropAfterEvents === undefined && !rule.drop) {
    throw new Error('A fault rule needs `status`, `drop` or `dropAfterEvents`');
  }
  if (rule.status !== undefined && rule.drop) throw new Error('A fault rule answers with `status` or cuts the connection (`drop`), not both');
  if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)) {
    throw new Error(`Fault status must be an HTTP error status (400-599), got ${rule.status}`);
  }
  if (rule.dropAfterEvents !== undefined && !(Number.isInteger(rule.dropAfterEvents) && rule.dropAfterEvents > 0)) {
    throw new Error(`dropAfterEvents must be a positive integer, got ${rule.dropAfterEvents}`);
  }
  if (rule.dropAfterEvents !== undefined && !SSE_ROUTES.includes(rule.route)) {
    throw new Error(`dropAfterEvents only applies to event streams (${SSE_ROUTES.join(', ')}), not to "${rule.route}"`);
  }
  if (rule.loseResponse && (rule.dropAfterEvents !== undefined || SSE_ROUTES.includes(rule.route))) {
    throw new Error('loseResponse applies to plain requests; cut event streams with dropAfterEvents');
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
    throw new Error(`times must be a positive integer, got ${rule.times}`);
  }
  if (rule.params !== undefined) {
    const valid = typeof rule.params === 'object' && rule.params !== null && Object.values(rule.params).every((value) => typeof value === 'string');
    if (!valid) throw new Error('params must map route parameter names to strings, like { id: "<job id>" }');
    const names = [...rule.route.matchAll(/[:*](\w+)/g)].map((match) => match[1]);
    const unknown = Object.keys(rule.params).filter((name) => !names.includes(name));
    if (unknown.length) throw new Error(`The route "${rule.route}" has no parameter ${unknown.join(', ')}; it has: ${names.join(', ') || 'none'}`);
  }
}

function paramsMatch(rule, params) {
  return Object.entries(rule.params ?? {}).every(([name, value]) => params[name] === value);
}

/**
 * Creates the fault table; rules are validated against the route names known at the time.
 * @param {() => string[]} routeNames
 */
export function createFaults(routeNames) {
  /** @type {{ rule: FaultRule, remaining: number }[]} */
  let active = [];
  return {
    /** @param {FaultRule} rule */
    add(rule) {
      validate(rule, routeNames());
      active.push({ rule: { ...rule, params: rule.params ? { ...rule.params } : undefined }, remaining: rule.times ?? Infinity });
    },
    clear() {
      active = [];
    },
    /**
     * Consumes one use of the first rule for this route (and these parameters), if any.
     * @param {string} route
     * @param {Record<string, string>} [params]
     * @returns {FaultRule | undefined}
     */
    take(route, params = {}) {
      const entry = active.find((candidate) => candidate.rule.route === route && candidate.remaining > 0 && paramsMatch(candidate.rule, params));
      if (!entry) return undefined;
      entry.remaining -= 1;
      active = active.filter((candidate) => candidate.remaining > 0);
      return entry.rule;
    },
  };
}

/** A short name of what a rule does to a request, for the request log. */
export function describeFault(rule) {
  const effect = rule.dropAfterEvents !== undefined ? `drop-after-${rule.dropAfterEvents}-events` : rule.drop ? 'drop' : `status-${rule.status}`;
  return rule.loseResponse ? `lose-response:${effect}` : effect;
}

/**
 * The error response of a fault that has a `status`.
 * @param {FaultRule} rule
 */
export function faultError(rule) {
  const headers = rule.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : undefined;
  const message = rule.status === 429
    ? 'You have exceeded the rate limit for this endpoint (emulated fault); retry later'
    : `${STATUS_CODES[rule.status] ?? 'Error'} (emulated fault)`;
  return new HttpError(rule.status, message, { headers });
}
