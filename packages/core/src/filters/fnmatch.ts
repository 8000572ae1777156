import { translateGlob } from './translate-glob.js';

/** Same bound as Python's `fnmatch` cache; patterns beyond it are recompiled when needed again. */
const CACHE_LIMIT = 32768;
const compiled = new Map<string, RegExp>();

/**
 * Python's `fnmatch.fnmatchcase(name, pattern)` (what `fnmatch.fnmatch` does on Linux): a
 * case-sensitive full match where `*` also matches `/`, `?` matches one code point, `[...]` and
 * `[!...]` are sets, and an unclosed `[` is literal. Compiled patterns are cached.
 * @example
 * fnmatch('a/b/x.csv', '*.csv') // true: `*` crosses folders
 * fnmatch('[x]', '[[]x]')       // true: `[[]` is a literal `[`
 */
export function fnmatch(name: string, pattern: string): boolean {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    regexp = new RegExp(translateGlob(pattern), 'su');
    if (compiled.size >= CACHE_LIMIT) compiled.delete(compiled.keys().next().value as string);
    compiled.set(pattern, regexp);
  }
  return regexp.test(name);
}
