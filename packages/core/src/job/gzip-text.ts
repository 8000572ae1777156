/**
 * Gzips the UTF-8 encoding of `text` with the Compression Streams API (browsers, Node ≥ 18).
 * The output is a standard gzip member that `gzip -dc` reads.
 *
 * @example
 * const bytes = await gzipText('+ data/*\n- *\n');
 */
export async function gzipText(text: string): Promise<Uint8Array> {
  const compressed = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}
