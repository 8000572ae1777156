/**
 * Seconds to wait according to a Retry-After header (delta-seconds or an HTTP date), or
 * undefined when there is no usable header.
 *
 * @example
 * parseRetryAfter('3') // → 3
 */
export function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
