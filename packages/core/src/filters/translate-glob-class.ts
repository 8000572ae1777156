/** Stands for an unescaped `-` between two chunks in Python's translated set: a range separator. */
const RANGE = -1;
const HYPHEN = 0x2d;
const EXCLAMATION = 0x21;

/**
 * Translates the inside of a bracket expression (`chars[start..end)`, brackets excluded) into a
 * JavaScript regex fragment (for the `u` flag) that matches exactly the code points Python's
 * `fnmatch` matches, quirks included: empty ranges such as `z-a` are dropped, which can turn the set
 * into "never matches", into "any character", or even move a `!` to the front and negate it.
 *
 * @example
 * translateGlobClass([...'[!a-c]'], 1, 5) // '[^\\u{61}-\\u{63}]'
 */
export function translateGlobClass(chars: readonly string[], start: number, end: number): string {
  const tokens = pythonSetTokens(chars, start, end);
  if (tokens.length === 0) return '(?!)';
  if (tokens.length === 1 && tokens[0] === EXCLAMATION) return '.';
  const negated = tokens[0] === EXCLAMATION;
  return `[${negated ? '^' : ''}${setItems(negated ? tokens.slice(1) : tokens)}]`;
}

/**
 * The set as Python's `fnmatch.translate` writes it: code points, with RANGE where it leaves a `-`
 * unescaped. Mirrors its chunking: `-` right after `[` or `[!` is literal, and each `-` found
 * starts a range whose next `-` may only come three characters later.
 */
function pythonSetTokens(chars: readonly string[], start: number, end: number): number[] {
  if (!chars.slice(start, end).includes('-')) return codePoints(chars, start, end);
  const chunks: number[][] = [];
  let chunkStart = start;
  for (let dash = indexOfDash(chars, chars[start] === '!' ? start + 2 : start + 1, end); dash !== -1; ) {
    chunks.push(codePoints(chars, chunkStart, dash));
    chunkStart = dash + 1;
    dash = indexOfDash(chars, dash + 3, end);
  }
  const last = codePoints(chars, chunkStart, end);
  if (last.length > 0) chunks.push(last);
  else chunks[chunks.length - 1].push(HYPHEN);
  // Python drops ranges whose start is above their end (they would be regex errors), merging chunks.
  for (let index = chunks.length - 1; index > 0; index--) {
    const before = chunks[index - 1];
    const after = chunks[index];
    if (before[before.length - 1] > after[0]) {
      chunks[index - 1] = [...before.slice(0, -1), ...after.slice(1)];
      chunks.splice(index, 1);
    }
  }
  return chunks.flatMap((chunk, index) => (index === 0 ? chunk : [RANGE, ...chunk]));
}

/**
 * Reads the tokens the way Python's regex parser reads a set: a RANGE with something before it makes
 * a range, a RANGE with nothing before it is a literal `-`.
 */
function setItems(tokens: readonly number[]): string {
  let items = '';
  for (let index = 0; index < tokens.length; ) {
    const low = literal(tokens[index++]);
    if (tokens[index] === RANGE) {
      items += `${escapeCodePoint(low)}-${escapeCodePoint(literal(tokens[index + 1]))}`;
      index += 2;
    } else {
      items += escapeCodePoint(low);
    }
  }
  return items;
}

function literal(token: number): number {
  return token === RANGE ? HYPHEN : token;
}

function escapeCodePoint(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}

function codePoints(chars: readonly string[], start: number, end: number): number[] {
  return chars.slice(start, end).map((char) => char.codePointAt(0) ?? 0);
}

function indexOfDash(chars: readonly string[], from: number, end: number): number {
  for (let index = from; index < end; index++) if (chars[index] === '-') return index;
  return -1;
}
