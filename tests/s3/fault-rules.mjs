// Which requests a fault rule applies to, and what the rule table accepts.

/** Every fault the proxy can inject (contract A). */
export const FAULT_KINDS = Object.freeze([
  'slow-down-503',
  'internal-500',
  'drop-connection',
  'drop-mid-body',
  'stall-mid-body',
  'hang',
  'wrong-region-301',
  'access-denied-403',
  'expired-token-400',
  'signature-mismatch-403',
]);

/**
 * @typedef {{ method?: string, bucket?: string, prefix?: string, query?: string }} FaultMatch
 * @typedef {{ match?: FaultMatch, fault: string, region?: string, times?: number, skip?: number }} FaultRule
 *   `skip`: how many matching requests pass untouched before the rule starts firing (default 0),
 *   e.g. `{ match: { query: 'list-type=2' }, skip: 3, times: 1 }` fails the fourth listing page only.
 * @typedef {FaultRule & { match: FaultMatch, remaining: number, toSkip: number }} ActiveFaultRule
 * @typedef {{ method: string, bucket: string, key: string, query: URLSearchParams }} S3RequestInfo
 */

/**
 * Checks a rule (it may come from JSON over HTTP) and returns a private copy that counts down.
 * @param {FaultRule} rule
 * @returns {ActiveFaultRule}
 */
export function activateFaultRule(rule) {
  if (!rule || typeof rule !== 'object') throw new TypeError('A fault rule must be an object like { fault: "slow-down-503" }.');
  if (!FAULT_KINDS.includes(rule.fault)) {
    throw new TypeError(`Unknown fault ${JSON.stringify(rule.fault)}; use one of: ${FAULT_KINDS.join(', ')}.`);
  }
  const times = rule.times ?? Infinity;
  if (!(times === Infinity || (Number.isInteger(times) && times > 0))) {
    throw new TypeError(`Fault rule "times" must be a positive integer (got ${JSON.stringify(rule.times)}).`);
  }
  const skip = rule.skip ?? 0;
  if (!(Number.isInteger(skip) && skip >= 0)) {
    throw new TypeError(`Fault rule "skip" must be a whole number >= 0 (got ${JSON.stringify(rule.skip)}).`);
  }
  const match = { ...rule.match };
  for (const field of ['method', 'bucket', 'prefix', 'query']) {
    if (match[field] !== undefined && typeof match[field] !== 'string') {
      throw new TypeError(`Fault rule "match.${field}" must be a string.`);
    }
  }
  return { ...rule, match, remaining: times, toSkip: skip };
}

/**
 * Splits a path-style S3 request into bucket, key and query.
 * @param {{ method?: string, url?: string }} request
 * @returns {S3RequestInfo}
 */
export function describeS3Request({ method = 'GET', url = '/' }) {
  const { pathname, searchParams } = new URL(url, 'http://proxy.invalid');
  const [, bucket = '', ...keyParts] = pathname.split('/');
  return { method, bucket: safeDecode(bucket), key: safeDecode(keyParts.join('/')), query: searchParams };
}

/**
 * Whether `rule` applies to `request`. CORS preflights only match rules that ask for OPTIONS
 * explicitly: failing a preflight would hide the fault from browser code behind a CORS error.
 * `match.query` lists `name` or `name=value` pairs joined by `&` that must all be present
 * (e.g. `list-type=2`, or `continuation-token` to hit only follow-up listing pages).
 * `match.prefix` compares against the `prefix` parameter of a listing, or the object key.
 * @param {ActiveFaultRule} rule
 * @param {S3RequestInfo} request
 */
export function ruleMatches({ match }, request) {
  const method = request.method.toUpperCase();
  if (match.method ? match.method.toUpperCase() !== method : method === 'OPTIONS') return false;
  if (match.bucket !== undefined && match.bucket !== request.bucket) return false;
  if (match.prefix !== undefined && !(request.query.get('prefix') ?? request.key).startsWith(match.prefix)) return false;
  if (match.query !== undefined) {
    for (const [name, value] of new URLSearchParams(match.query)) {
      if (!request.query.has(name) || (value !== '' && request.query.get(name) !== value)) return false;
    }
  }
  return true;
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
