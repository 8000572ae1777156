// Reads a Server-Sent Events response as it arrives: data events (parsed JSON) and comments.

/**
 * @typedef {{ kind: 'data', value: { data: string, timestamp: string } } | { kind: 'comment', value: string }} SseItem
 */

/**
 * Yields SSE items until the stream ends. An abrupt disconnect throws (like it does for clients).
 * @param {Response} response
 * @returns {AsyncGenerator<SseItem>}
 */
export async function* readSse(response) {
  const reader = /** @type {ReadableStream<Uint8Array>} */ (response.body).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let boundary;
      while ((boundary = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) yield { kind: 'comment', value: line.slice(1).trim() };
          else if (line.startsWith('data: ')) yield { kind: 'data', value: JSON.parse(line.slice(6)) };
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Collects a whole stream. Returns the items and whether it ended cleanly or was cut.
 * @param {string} url
 * @param {string} token
 */
export async function collectSse(url, token) {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  /** @type {SseItem[]} */
  const items = [];
  try {
    for await (const item of readSse(response)) items.push(item);
    return { response, items, cut: false };
  } catch {
    return { response, items, cut: true };
  }
}

/** The `data` lines of collected items. */
export function dataLines(items) {
  return items.filter((item) => item.kind === 'data').map((item) => item.value.data);
}
