// Which keys an import of a source folder lists, and the path it filters each one on, computed
// the way `hf buckets import` does (and tests/hub-emulator, and filters-python-oracle.py): the
// source loses its trailing slashes, keys must start with it plus '/', and the relative path
// loses its leading slashes.
import type { ImportFilters } from '../src/filters/import-filters.js';
import { matchesFilters } from '../src/filters/matches-filters.js';

/** The path the importer filters `key` on when importing `root`, or undefined when it does not list it. */
export function importRelativeKey(root: string, key: string): string | undefined {
  if (key.endsWith('/')) return undefined; // folder markers are never imported
  const source = `bucket/${root}`.replace(/\/+$/, '');
  const full = `bucket/${key}`;
  if (!full.startsWith(`${source}/`)) return undefined;
  const relative = full.slice(source.length).replace(/^\/+/, '');
  return relative === '' ? undefined : relative;
}

/** Whether an import with `filters` copies `key` (a key relative to the source prefix). */
export function importsKey(filters: ImportFilters, key: string): boolean {
  const relative = importRelativeKey(filters.root, key);
  return relative !== undefined && matchesFilters(relative, filters);
}
