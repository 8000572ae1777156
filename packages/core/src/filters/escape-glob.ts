/**
 * Escapes a literal path for fnmatch: `*`, `?` and `[` become one-character classes (`[*]`, `[?]`,
 * `[[]`). fnmatch has no backslash escape, and a lone `]` or `!` outside a class is already literal.
 * @example
 * escapeGlob('data/[abc]*.csv') // 'data/[[]abc][*].csv'
 */
export function escapeGlob(literal: string): string {
  return literal.replace(/[*?[]/g, '[$&]');
}
