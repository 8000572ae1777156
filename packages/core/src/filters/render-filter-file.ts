import { FilterFileError } from './filter-errors.js';
import { findClassEnd } from './find-class-end.js';
import type { ImportFilters } from './import-filters.js';
import { isPythonWhitespace } from './python-whitespace.js';

/**
 * `--filter-from` content equivalent to passing `filters` as `--include`/`--exclude` arguments.
 * The file's rules are first-match-wins, so excludes come first (an exclude always wins), then the
 * includes, then `- *` when there are includes (a key no include matches is left out).
 *
 * The importer strips each line, so a pattern's leading or trailing whitespace is written as a
 * one-character set (`[ ]`, `[\t]`).
 * @throws {FilterFileError} when a pattern contains `\n` or `\r`.
 * @example
 * renderFilterFile({ root: 'data/', include: ['a.csv', 'b/*'], exclude: ['b/tmp/*'] })
 * // '- b/tmp/*\n+ a.csv\n+ b/*\n- *\n'
 */
export function renderFilterFile(filters: ImportFilters): string {
  return renderFilterRules({ exclude: filters.exclude, include: filters.include, excludeTheRest: filters.include.length > 0 });
}

/**
 * Whether a `--filter-from` file can carry `pattern`: the importer reads the file line by line
 * (Python text mode), so a pattern with `\n` or `\r` would become two rules.
 */
export function fitsFilterFile(pattern: string): boolean {
  return !/[\r\n]/.test(pattern);
}

/**
 * The lines of a `--filter-from` file: the excludes (`- p`), then the includes (`+ p`), then `- *`
 * when `excludeTheRest`. Used alone, or next to `--include`/`--exclude` arguments the file could
 * not carry (the importer consults the file first, then the arguments).
 * @throws {FilterFileError} when a pattern contains `\n` or `\r`.
 * @internal
 */
export function renderFilterRules({ exclude, include, excludeTheRest }: { exclude: readonly string[]; include: readonly string[]; excludeTheRest: boolean }): string {
  const lines = [...exclude.map((pattern) => `- ${fileLinePattern(pattern)}`), ...include.map((pattern) => `+ ${fileLinePattern(pattern)}`)];
  if (excludeTheRest) lines.push('- *');
  return lines.map((line) => `${line}\n`).join('');
}

/** The pattern as it must appear on a line so that the importer reads back the same pattern. */
function fileLinePattern(pattern: string): string {
  if (!fitsFilterFile(pattern)) throw new FilterFileError(pattern);
  const chars = Array.from(pattern);
  const leading = chars.length > 0 && isPythonWhitespace(chars[0]);
  const trailing = chars.length > 1 && isPythonWhitespace(chars[chars.length - 1]);
  if (!leading && !trailing) return pattern;
  const middle = chars.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  return [
    leading ? `[${chars[0]}]` : '',
    // The `]` appended below could close a `[` that is literal today; make those `[[]` first.
    trailing ? closeLiteralBrackets(middle) : middle.join(''),
    trailing ? `[${chars[chars.length - 1]}]` : '',
  ].join('');
}

/** Rewrites every `[` that fnmatch reads as a literal (no closing `]`) as the set `[[]`. */
function closeLiteralBrackets(chars: readonly string[]): string {
  let text = '';
  let index = 0;
  while (index < chars.length) {
    const end = chars[index] === '[' ? findClassEnd(chars, index + 1) : index;
    if (end === -1) {
      text += '[[]';
      index++;
    } else {
      text += chars.slice(index, end + 1).join('');
      index = end + 1;
    }
  }
  return text;
}
