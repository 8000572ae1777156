// Reading back what `hf buckets import` was asked to do, from its argv (and --filter-from file),
// and deciding per key what it will copy, the way the importer decides.
import { matchesFilters, parseFilterFile, type FilterRule } from '@s3-to-hf/core';

export interface ParsedImportArgv {
  source: string;
  destination: string;
  include: string[];
  exclude: string[];
  /** Rules of the --filter-from file, when there is one. */
  rules: FilterRule[];
  filterFrom: boolean;
  /** `--dry-run`, `--skip-existing`, `--workers=N`. */
  options: string[];
}

const OPTION = /^--(?:dry-run|skip-existing|workers=\d+)$/;

/** Splits `buckets import SOURCE DEST [filters…] [options…]` as the stub (or the emulator) recorded it. */
export function parseImportArgv(argv: readonly string[], filterFile: string | undefined): ParsedImportArgv {
  if (argv[0] !== 'buckets' || argv[1] !== 'import') throw new Error(`not an import: ${JSON.stringify(argv.slice(0, 2))}`);
  const parsed: ParsedImportArgv = { source: argv[2], destination: argv[3], include: [], exclude: [], rules: [], filterFrom: false, options: [] };
  for (const arg of argv.slice(4)) {
    if (arg.startsWith('--include=')) parsed.include.push(arg.slice('--include='.length));
    else if (arg.startsWith('--exclude=')) parsed.exclude.push(arg.slice('--exclude='.length));
    else if (arg.startsWith('--filter-from=')) parsed.filterFrom = true;
    else if (OPTION.test(arg)) parsed.options.push(arg);
    else throw new Error(`unexpected argument ${JSON.stringify(arg)}`);
  }
  if (parsed.filterFrom) {
    if (filterFile === undefined) throw new Error('--filter-from given but no file was read');
    parsed.rules = parseFilterFile(filterFile);
  }
  return parsed;
}

/**
 * The path the importer filters `key` on when the source folder is `root` (both relative to the
 * source prefix), or undefined when it does not import it at all: the source loses its trailing
 * slashes, keys must start with it plus '/', the relative path loses its leading slashes, and
 * folder markers are skipped.
 */
export function importRelativeKey(root: string, key: string): string | undefined {
  if (key.endsWith('/')) return undefined;
  const source = `bucket/${root}`.replace(/\/+$/, '');
  const full = `bucket/${key}`;
  if (!full.startsWith(`${source}/`)) return undefined;
  const relative = full.slice(source.length).replace(/^\/+/, '');
  return relative === '' ? undefined : relative;
}

/** Whether the import described by `parsed` copies `key` (relative to the source prefix). */
export function importsKey(parsed: ParsedImportArgv, root: string, key: string): boolean {
  const relative = importRelativeKey(root, key);
  return relative !== undefined && matchesFilters(relative, parsed);
}
