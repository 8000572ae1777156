// String.fromCharCode takes one argument per byte; slices keep the argument list well below
// engine limits on large inputs.
const SLICE_BYTES = 0x8000;

/**
 * Standard base64 (with padding, no line breaks) of `bytes`, in browsers and Node alike.
 *
 * @example
 * base64Encode(new TextEncoder().encode('hi')) // → 'aGk='
 */
export function base64Encode(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += SLICE_BYTES) {
    binary += String.fromCharCode(...bytes.subarray(start, start + SLICE_BYTES));
  }
  return btoa(binary);
}
