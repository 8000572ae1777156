// Injected failures, per route name ('POST /api/jobs/:ns'): an error status (with Retry-After), or
// an SSE stream cut after N data events. `times` limits how many requests a rule hits.
import { STATUS_CODES } from 'node:http';
import { HttpError } from './http-error.mjs';

/**
 * @typedef {{ route: string, status?: number, retryAfter?: number, dropAfterEvents?: number, times?: number }} FaultRule
 */

/** The routes that stream Server-Sent Events, the only ones `dropAfterEvents` applies to. */
const SSE_ROUTES = ['GET /api/jobs/:ns/:id/logs'];

function validate(rule, routeNames) {
  if (!routeNames.includes(rule.route)) {
    throw new Error(`Unknown fault route "${rule.route}"; use one of: ${routeNames.join(', ')}`);
  }
  if (rule.status === undefined && rule.dropAfterEvents === undefined) {
    throw new Error('A fault rule needs `status` or `dropAfterEvents`');
  }
  if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)) {
    throw new Error(`Fault status must be an HTTP error status (400-599), got ${rule.status}`);
  }
  if (rule.dropAfterEvents !== undefined && !(Number.isInteger(rule.dropAfterEvents) && rule.dropAfterEvents > 0)) {
    throw new Error(`dropAfterEvents must be a positive integer, got ${rule.dropAfterEvents}`);
  }
  if (rule.dropAfterEvents !== undefined && !SSE_ROUTES.includes(rule.route)) {
    throw new Error(`dropAfterEvents only applies to event streams (${SSE_ROUTES.join(', ')}), not to "${rule.route}"`);
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
    throw new Error(`times must be a positive integer, got ${rule.times}`);
  }
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
      active.push({ rule: { ...rule }, remaining: rule.times ?? Infinity });
    },
    clear() {
      active = [];
    },
    /**
     * Consumes one use of the first rule for this route, if any.
     * @param {string} route
     * @returns {FaultRule | undefined}
     */
    take(route) {
      const entry = active.find((candidate) => candidate.rule.route === route && candidate.remaining > 0);
      if (!entry) return undefined;
      entry.remaining -= 1;
      active = active.filter((candidate) => candidate.remaining > 0);
      return entry.rule;
    },
  };
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
