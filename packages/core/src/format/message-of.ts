/**
 * The message of whatever was thrown: an Error's `message`, anything else as a string.
 *
 * @example
 * `Could not list the bucket: ${messageOf(error)}`
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
