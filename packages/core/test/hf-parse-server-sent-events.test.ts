import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseServerSentEvents, type ServerSentEvent } from '../src/hf/parse-server-sent-events.js';

/** A byte stream delivering `text` in the given chunk sizes (the rest in one last chunk). */
function streamOf(text: string, chunkSizes: readonly number[] = []): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const size of chunkSizes) {
    if (offset >= bytes.length) break;
    chunks.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  if (offset < bytes.length) chunks.push(bytes.subarray(offset));
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function parseAll(stream: ReadableStream<Uint8Array>): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of parseServerSentEvents(stream)) events.push(event);
  return events;
}

describe('parseServerSentEvents', () => {
  it('reads data events and skips keep-alive comments', async () => {
    const text = ': keep-alive\n\ndata: {"data":"a"}\n\n: keep-alive\n\ndata: {"data":"b"}\n\n';
    assert.deepEqual(await parseAll(streamOf(text)), [
      { type: 'message', data: '{"data":"a"}' },
      { type: 'message', data: '{"data":"b"}' },
    ]);
  });

  it('joins multi-line data, reads event and id fields, and strips only one leading space', async () => {
    const text = 'event: metric\nid: 7\ndata:  two spaces\ndata:second\n\n';
    assert.deepEqual(await parseAll(streamOf(text)), [{ type: 'metric', data: ' two spaces\nsecond', id: '7' }]);
  });

  it('does not dispatch an event cut off by the end of the stream', async () => {
    assert.deepEqual(await parseAll(streamOf('data: complete\n\ndata: cut off\n')), [{ type: 'message', data: 'complete' }]);
  });

  it('gives the same events whatever the line endings and chunk boundaries (property)', async () => {
    const payload = fc.string({ unit: 'binary', maxLength: 20 }).filter((text) => !/[\r\n]/.test(text));
    const lineEnd = fc.constantFrom('\n', '\r', '\r\n');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(payload, lineEnd), { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 7 })), async (events, chunkSizes) => {
        const text = events.map(([data, end]) => `data: ${data}${end}${end}`).join('');
        const parsed = await parseAll(streamOf(text, chunkSizes));
        assert.deepEqual(parsed.map((event) => event.data), events.map(([data]) => data));
      }),
    );
  });
});
