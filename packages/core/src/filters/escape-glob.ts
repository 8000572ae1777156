const GLOB_CHARACTER = /[*?[]/;
const GLOB_CHARACTERS = /[*?[]/g;

/**
 * Escapes a literal path for fnmatch: `*`, `?` and `[` become one-character classes (`[*]`, `[?]`,
 * `[[]`). fnmatch has no backslash escape, and a lone `]` or `!` outside a class is already literal.
 * Most keys have none of these; testing first is several times faster than replacing nothing.
 * @example
 * escapeGlob('data/[abc]*.csv') // 'data/[[]abc][*].csv'
 */
export function escapeGlob(literal: string): string {
  return GLOB_CHARACTER.test(literal) ? literal.replace(GLOB_CHARACTERS, '[$&]') : literal;
}
