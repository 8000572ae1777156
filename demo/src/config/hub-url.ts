const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The hub base URL without a trailing slash, or a problem to show: https only (http for this
 * machine, e.g. the local hub emulator), no credentials, query or fragment.
 */
export function parseHubUrl(value: string): { hubUrl: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Messages never repeat the value: a mistyped address may carry a password or token.
    return { problem: 'The hub address is not a URL. Use an address like https://huggingface.co.' };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { problem: 'The hub address must not contain a user name, password, query or fragment.' };
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) return { problem: `The hub address ${url.host} must use https:// (plain http only for localhost).` };
  return { hubUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
