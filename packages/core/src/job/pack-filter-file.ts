import { base64Encode } from './base64-encode.js';
import { gzipText } from './gzip-text.js';
import { FILTER_CHUNK_BYTES, FILTER_ENVIRONMENT_PREFIX } from './job-size-limits.js';

/**
 * Gzips and base64-encodes a `--filter-from` file and cuts the text into environment variables
 * `S3HF_FILTERS_0…n` of at most {@link FILTER_CHUNK_BYTES} each. Concatenating the values in
 * order, base64-decoding and gunzipping gives back `text` exactly.
 *
 * @example
 * const variables = await packFilterFile('+ a.txt\n- *\n'); // → { S3HF_FILTERS_0: 'H4sI…' }
 */
export async function packFilterFile(text: string): Promise<Record<string, string>> {
  const encoded = base64Encode(await gzipText(text));
  const variables: Record<string, string> = {};
  for (let index = 0; index * FILTER_CHUNK_BYTES < encoded.length; index += 1) {
    variables[`${FILTER_ENVIRONMENT_PREFIX}${index}`] = encoded.slice(index * FILTER_CHUNK_BYTES, (index + 1) * FILTER_CHUNK_BYTES);
  }
  return variables;
}
