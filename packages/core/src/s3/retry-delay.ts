const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

/**
 * How long to wait before retry number `retry` (1 = first retry): exponential backoff with full
 * jitter, so that many clients failing together do not retry in lockstep.
 */
export function retryDelayMs(retry: number, random: () => number = Math.random): number {
  return random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
}
