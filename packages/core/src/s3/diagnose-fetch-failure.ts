import { bucketUrl } from './bucket-url.js';
import { createS3Error } from './create-s3-error.js';
import type { S3Connection } from './s3-connection.js';
import type { S3Error } from './s3-error.js';

/** Options of {@link diagnoseFetchFailure}. */
export interface DiagnoseFetchFailureOptions {
  /** The fetch to probe with; the global one by default. */
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Time-out of each probe request; default 10 s. */
  timeoutMs?: number;
}

const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

/**
 * Explains a browser request to S3 that failed with `TypeError: Failed to fetch`, which the
 * browser reports alike for CORS refusals, unreachable servers and (on servers that leave CORS
 * headers off signature errors, like Ceph RGW) bad credentials. Two unsigned probes tell them apart:
 *
 * 1. A CORS GET of an empty bucket listing. Servers answer unsigned requests (even with 403/404)
 *    with CORS headers, so a readable answer means CORS works for this origin and the signed
 *    request was refused for its signature → 'bad-credentials' (or 'no-such-bucket' if it says so).
 * 2. Otherwise a `no-cors` fetch, which resolves (opaquely) whenever the server answered at all
 *    → 'cors-blocked'; when it rejects too → 'unreachable'.
 *
 * @example
 * const error = await diagnoseFetchFailure(connection, { signal });
 * if (error.kind === 'cors-blocked') showCorsHelp(corsConfigurationFor(location.origin));
 */
export async function diagnoseFetchFailure(
  connection: S3Connection,
  options: DiagnoseFetchFailureOptions = {},
): Promise<S3Error> {
  const { fetch: fetchProbe = globalThis.fetch, signal } = options;
  const probeSignal = () =>
    AbortSignal.any([...(signal ? [signal] : []), AbortSignal.timeout(options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS)]);
  const url = bucketUrl(connection);
  const facts = { connection };

  try {
    const response = await fetchProbe(`${url}?list-type=2&max-keys=0`, {
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: probeSignal(),
    });
    const body = await response.text();
    if (/<Code>NoSuchBucket<\/Code>/.test(body)) return createS3Error('no-such-bucket', { ...facts, status: response.status });
    // An unsigned request got through where ours did not: the difference is the signature.
    return connection.anonymous
      ? createS3Error('network', facts)
      : createS3Error('bad-credentials', { ...facts, status: response.status });
  } catch {
    if (signal?.aborted) return createS3Error('aborted', facts);
  }

  try {
    await fetchProbe(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: probeSignal() });
    return createS3Error('cors-blocked', facts);
  } catch (error) {
    return createS3Error(signal?.aborted ? 'aborted' : 'unreachable', { ...facts, cause: error });
  }
}
