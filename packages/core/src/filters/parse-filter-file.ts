import type { FilterRule } from './import-filters.js';
import { stripPythonWhitespace } from './python-whitespace.js';

/**
 * Parses `--filter-from` content exactly as `hf buckets import` reads it: lines split on `\n`, `\r`
 * and `\r\n` (Python's text mode), each line stripped of Python whitespace, blank lines and lines
 * starting with `#` skipped, `+`/`-` followed by a pattern (stripped again), and a line without a
 * sign counted as an include.
 * @example
 * parseFilterFile('- *.tmp\n+ data/*\n- *\n')
 * // [{ sign: '-', pattern: '*.tmp' }, { sign: '+', pattern: 'data/*' }, { sign: '-', pattern: '*' }]
 */
export function parseFilterFile(text: string): FilterRule[] {
  const rules: FilterRule[] = [];
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = stripPythonWhitespace(rawLine);
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('+') || line.startsWith('-')) {
      rules.push({ sign: line[0] as FilterRule['sign'], pattern: stripPythonWhitespace(line.slice(1)) });
    } else {
      rules.push({ sign: '+', pattern: line });
    }
  }
  return rules;
}
