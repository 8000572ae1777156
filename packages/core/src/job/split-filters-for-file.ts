import type { ImportFilters } from '../filters/import-filters.js';
import { fitsFilterFile, renderFilterRules } from '../filters/render-filter-file.js';

/** A selection's filters shared between a `--filter-from` file and command-line arguments. */
export interface FilterFileSplit {
  /** The `--filter-from` file. */
  fileText: string;
  /** Patterns written in the file. */
  filePatterns: number;
  /** `--include=…`/`--exclude=…` arguments for the patterns the file cannot carry (line breaks). */
  args: string[];
}

/**
 * Puts as many patterns as possible in a `--filter-from` file and the rest (patterns with a line
 * break, see fitsFilterFile) in arguments, so that `hf buckets import` copies exactly what the
 * filters as arguments alone would. The importer decides with the file first (first matching rule
 * wins), then any matching `--exclude`, then any matching `--include`, then "excluded iff some
 * `--include` was given". Hence:
 *  - only includes left out of the file: the file has its excludes and includes but no final `- *`,
 *    and the left-out includes become arguments (a key no rule matches is then kept only if one of
 *    them matches, as wanted);
 *  - an exclude left out of the file: it must be checked before every include, so all includes go
 *    to the arguments too, and the file keeps only excludes.
 * Otherwise everything is in the file, as renderFilterFile writes it.
 */
export function splitFiltersForFile(filters: ImportFilters): FilterFileSplit {
  const fileExcludes = filters.exclude.filter(fitsFilterFile);
  const argExcludes = filters.exclude.filter((pattern) => !fitsFilterFile(pattern));
  const includesInFile = argExcludes.length === 0;
  const fileIncludes = includesInFile ? filters.include.filter(fitsFilterFile) : [];
  const argIncludes = includesInFile ? filters.include.filter((pattern) => !fitsFilterFile(pattern)) : [...filters.include];
  const fileText = renderFilterRules({
    exclude: fileExcludes,
    include: fileIncludes,
    excludeTheRest: fileIncludes.length > 0 && argIncludes.length === 0,
  });
  return {
    fileText,
    filePatterns: fileExcludes.length + fileIncludes.length,
    args: [...argIncludes.map((pattern) => `--include=${pattern}`), ...argExcludes.map((pattern) => `--exclude=${pattern}`)],
  };
}
