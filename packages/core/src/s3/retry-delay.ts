const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

/**
 * How long to wait before retry number `retry` (1 = first retry): exponential backoff with full
 * jitter, so that many clients failing together do not retry in lockstep.
 */
export function retryDelayMs(retry: number, random: () => number = Math.random): number {
  return random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
