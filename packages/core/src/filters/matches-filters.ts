import { fnmatch } from './fnmatch.js';
import type { FilterRule } from './import-filters.js';

/** Patterns and rules as `hf buckets import` receives them. */
export interface FilterSet {
  include: readonly string[];
  exclude: readonly string[];
  /** Rules of a `--filter-from` file, in file order. */
  rules?: readonly FilterRule[];
}

/**
 * Whether `hf buckets import` copies a key, given its path relative to the source folder. Mirrors
 * the importer's matcher: the first matching `--filter-from` rule decides; otherwise any matching
 * `--exclude` excludes; otherwise any matching `--include` includes; otherwise the key is included
 * only when no `--include` was given.
 * @example
 * matchesFilters('a.csv', { include: ['*.csv'], exclude: [] })  // true
 * matchesFilters('a.txt', { include: ['*.csv'], exclude: [] })  // false
 */
export function matchesFilters(relativeKey: string, filters: FilterSet): boolean {
  for (const rule of filters.rules ?? []) {
    if (fnmatch(relativeKey, rule.pattern)) return rule.sign === '+';
  }
  if (filters.exclude.some((pattern) => fnmatch(relativeKey, pattern))) return false;
  if (filters.include.some((pattern) => fnmatch(relativeKey, pattern))) return true;
  return filters.include.length === 0;
}
