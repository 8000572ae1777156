/**
 * The wait before retry number `retry` (1 = first retry): `firstDelayMs` doubling per retry, up
 * to `maxDelayMs`, then drawn from its upper half ("equal jitter"). Half keeps the wait long
 * enough to give the server room; the random half keeps many pages that failed together (a Hub
 * hiccup hits every open importer) from retrying in lockstep.
 */
export function backoffDelayMs(retry: number, firstDelayMs: number, maxDelayMs = Number.POSITIVE_INFINITY, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, retry - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}
