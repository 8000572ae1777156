/**
 * Compares two strings by Unicode code point, which is the byte order of their UTF-8 encoding and
 * therefore the order in which S3 lists keys.
 *
 * JavaScript's `<` compares UTF-16 code units, which sorts astral characters (surrogate pairs) before
 * U+E000–U+FFFF; this function corrects that at the first differing unit.
 *
 * @param from index where the comparison starts: callers pass the length of a prefix both strings
 *   are known to share (their folder), so the shared part is not scanned again.
 * @returns a negative number, zero or a positive number, like `Array.prototype.sort` expects.
 * @example
 * compareCodePoints('\u{1F600}', '\uFFFD') > 0 // true, although '\u{1F600}' < '\uFFFD' in UTF-16
 */
export function compareCodePoints(a: string, b: string, from = 0): number {
  const length = Math.min(a.length, b.length);
  for (let index = from; index < length; index++) {
    const unitA = a.charCodeAt(index);
    const unitB = b.charCodeAt(index);
    if (unitA !== unitB) {
      return unitA >= 0xd800 && unitB >= 0xd800 ? codePointRank(unitA) - codePointRank(unitB) : unitA - unitB;
    }
  }
  return a.length - b.length;
}

/** Moves surrogates (which start astral characters) above U+E000–U+FFFF, keeping every other order. */
function codePointRank(unit: number): number {
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
