/** The error a blocked request fails with: a TypeError, like every other fetch failure. */
export class BlockedConnectionError extends TypeError {
  override readonly name = 'BlockedConnectionError';
}

function requestUrl(input: RequestInfo | URL, base: string): URL {
  if (input instanceof URL) return input;
  return new URL(typeof input === 'string' ? input : input.url, base);
}

/**
 * Wraps `baseFetch` so that requests outside `isAllowed` fail before leaving the page. Together
 * with the Content-Security-Policy (which can only say "any https host" for S3), this keeps
 * tokens and keys from going anywhere but the hub and the S3 endpoint the user typed.
 */
export function guardFetch(baseFetch: typeof fetch, isAllowed: (url: URL) => boolean, base: string): typeof fetch {
  return (input, init) => {
    let url: URL;
    try {
      url = requestUrl(input, base);
    } catch {
      return baseFetch(input, init);
    }
    if (!isAllowed(url)) {
      return Promise.reject(
        new BlockedConnectionError(`This page only talks to the Hugging Face hub and the S3 endpoint you entered; it refused to connect to ${url.origin}.`),
      );
    }
    return baseFetch(input, init);
  };
}
