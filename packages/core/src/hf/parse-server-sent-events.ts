/** One dispatched Server-Sent Event. */
export interface ServerSentEvent {
  /** The `event:` field, 'message' when absent. */
  type: string;
  /** The `data:` lines joined with '\n'. */
  data: string;
  id?: string;
}

const LINE_END = /\r\n|\r|\n/;

/**
 * Parses a `text/event-stream` body per the HTML standard: CR, LF or CRLF line ends, comments
 * (`: keep-alive`), multi-line data, `event:` and `id:` fields. An event cut off by the end of
 * the stream is not dispatched, so a dropped connection never yields half an event. Breaking out
 * of the loop cancels the body.
 *
 * @example
 * for await (const event of parseServerSentEvents(response.body)) console.log(event.data);
 */
export async function* parseServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let dataLines: string[] = [];
  let type = '';
  let id: string | undefined;

  const takeLine = (line: string): ServerSentEvent | undefined => {
    if (line === '') {
      const event = dataLines.length > 0 ? { type: type || 'message', data: dataLines.join('\n'), ...(id === undefined ? {} : { id }) } : undefined;
      dataLines = [];
      type = '';
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') dataLines.push(value);
    else if (field === 'event') type = value;
    else if (field === 'id') id = value;
    return undefined;
  };

  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (let match = LINE_END.exec(buffer); match; match = LINE_END.exec(buffer)) {
        // A CR at the very end may be the first half of a CRLF split across chunks.
        if (!done && match[0] === '\r' && match.index === buffer.length - 1) break;
        const event = takeLine(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
        if (event) yield event;
      }
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
