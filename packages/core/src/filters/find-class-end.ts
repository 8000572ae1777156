/**
 * Where the bracket expression opened just before `start` ends: the index of its closing `]`, or -1
 * when there is none (fnmatch then treats the `[` as a literal). Like fnmatch, a `]` right after
 * `[` or `[!` belongs to the set instead of closing it.
 * @param chars the pattern split into code points.
 */
export function findClassEnd(chars: readonly string[], start: number): number {
  let index = start;
  if (chars[index] === '!') index++;
  if (chars[index] === ']') index++;
  while (index < chars.length && chars[index] !== ']') index++;
  return index < chars.length ? index : -1;
}
