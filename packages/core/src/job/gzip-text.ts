/**
 * Gzips the UTF-8 encoding of `text`, with the Compression Streams API where the runtime has
 * it (browsers, Node ≥ 18) and node:zlib otherwise. The output is a standard gzip member that
 * `gzip -dc` reads.
 *
 * @example
 * const bytes = await gzipText('+ data/*\n- *\n');
 */
export async function gzipText(text: string): Promise<Uint8Array> {
  if (typeof CompressionStream === 'function') {
    const compressed = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(compressed).arrayBuffer());
  }
  // Loaded only when needed, so browser bundles never pull in a Node built-in.
  const { gzipSync } = await import('node:zlib');
  return new Uint8Array(gzipSync(new TextEncoder().encode(text)));
}
