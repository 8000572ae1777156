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
  const lines = [
    ...filters.exclude.map((pattern) => `- ${fileLinePattern(pattern)}`),
    ...filters.include.map((pattern) => `+ ${fileLinePattern(pattern)}`),
  ];
  if (filters.include.length > 0) lines.push('- *');
  return lines.map((line) => `${line}\n`).join('');
}

/** The pattern as it must appear on a line so that the importer reads back the same pattern. */
function fileLinePattern(pattern: string): string {
  if (/[\r\n]/.test(pattern)) throw new FilterFileError(pattern);
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
