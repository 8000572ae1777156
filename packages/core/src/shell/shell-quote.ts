/** Why a value cannot be passed to a POSIX shell as one exact word. */
export type UnquotableReason = 'nul-character' | 'lone-surrogate';

/**
 * Thrown by {@link shellQuote} for values no shell word can carry byte for byte.
 * Shell words are C strings, so NUL ends them; a lone UTF-16 surrogate has no UTF-8 encoding.
 */
export class UnquotableValueError extends Error {
  override readonly name = 'UnquotableValueError';

  constructor(readonly reason: UnquotableReason) {
    super(
      reason === 'nul-character'
        ? 'This value contains a NUL character, which no shell command line can carry; remove it from the name or pattern.'
        : 'This value contains an unpaired UTF-16 surrogate, which has no UTF-8 encoding; it cannot be passed to a shell exactly.',
    );
  }
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Quotes `value` as one POSIX shell word that the shell turns back into exactly `value`.
 *
 * Everything goes inside single quotes, where no character is special; a single quote itself is
 * written as `'\''` (close, escaped quote, reopen). The result is always quoted, even for "safe"
 * values, so that reading a generated script never requires judging what is safe.
 *
 * @throws {UnquotableValueError} for a NUL character or an unpaired surrogate.
 * @example
 * shellQuote("it's $(here)") // → 'it'\''s $(here)'
 * shellQuote('')             // → ''
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new UnquotableValueError('nul-character');
  if (LONE_SURROGATE.test(value)) throw new UnquotableValueError('lone-surrogate');
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
