import { findClassEnd } from './find-class-end.js';
import { translateGlobClass } from './translate-glob-class.js';

/** Marks a run of `*` among the translated pieces. */
const STAR = null;

/**
 * Translates an fnmatch pattern into JavaScript regex source (for the `s` and `u` flags) with the
 * semantics of Python's `fnmatch.translate`: anchored at both ends, `*` matches anything including
 * `/` and line breaks, `?` one code point, `[...]`/`[!...]` sets with ranges, an unclosed `[` is
 * literal, and there is no backslash escape.
 *
 * Like Python, every `*` that is followed by more stars consumes the shortest text up to the next
 * fixed piece and never gives it back (an atomic group, written here as a lookahead plus a
 * backreference), so patterns with many stars cannot backtrack exponentially.
 *
 * @example
 * new RegExp(translateGlob('data/*.csv'), 'su').test('data/a/b.csv') // true
 */
export function translateGlob(pattern: string): string {
  const chars = Array.from(pattern);
  const pieces: (string | typeof STAR)[] = [];
  for (let index = 0; index < chars.length; ) {
    const char = chars[index++];
    if (char === '*') {
      if (pieces[pieces.length - 1] !== STAR) pieces.push(STAR);
    } else if (char === '?') {
      pieces.push('.');
    } else if (char === '[') {
      const end = findClassEnd(chars, index);
      if (end === -1) {
        pieces.push('\\[');
      } else {
        pieces.push(translateGlobClass(chars, index, end));
        index = end + 1;
      }
    } else {
      pieces.push(escapeLiteral(char));
    }
  }
  return `^${joinStars(pieces)}$`;
}

function joinStars(pieces: readonly (string | typeof STAR)[]): string {
  let index = 0;
  let source = '';
  while (index < pieces.length && pieces[index] !== STAR) source += pieces[index++];
  for (let group = 1; index < pieces.length; group++) {
    index++; // the star
    let fixed = '';
    while (index < pieces.length && pieces[index] !== STAR) fixed += pieces[index++];
    source += index === pieces.length ? `.*${fixed}` : `(?=(.*?${fixed}))(?:\\${group})`;
  }
  return source;
}

function escapeLiteral(char: string): string {
  return /^[\\^$.*+?()[\]{}|/]$/.test(char) ? `\\${char}` : char;
}
