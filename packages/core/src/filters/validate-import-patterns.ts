import { findClassEnd } from './find-class-end.js';
import type { ImportFilters } from './import-filters.js';
import { isPythonWhitespace } from './python-whitespace.js';

/** Which pattern list a problem belongs to. */
export type PatternField = 'include' | 'exclude';

/** What is wrong with one typed pattern line. Errors block the import; warnings only inform. */
export interface PatternProblem {
  field: PatternField;
  /** 1-based line number in the text the user typed. */
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

/** Result of {@link validateImportPatterns}. */
export interface PatternValidation {
  /** The patterns to pass on, verbatim, in typed order, without blank and repeated lines. */
  include: string[];
  exclude: string[];
  problems: PatternProblem[];
  /** The filters for a source-root import, or undefined while some problem is an error. */
  filters: ImportFilters | undefined;
}

/** Text typed into the include and exclude fields, one pattern per line. */
export interface TypedPatterns {
  include: string;
  exclude: string;
}

/**
 * Checks include/exclude patterns typed by hand (one per line) against the rules of
 * `hf buckets import`: keys are matched relative to the source folder, `*` crosses `/`, there is no
 * escape character, and excludes win. Blank lines are skipped; everything else is kept verbatim,
 * because spaces at either end are part of what is matched (keys may start or end with spaces).
 * Each line gets the problems a person would want to hear about: errors for patterns that can never
 * do what they look like (a leading `/`, a trailing `/`, excluding everything, NUL characters),
 * warnings for legal patterns that probably mean something else.
 *
 * @example
 * validateImportPatterns({ include: 'data/*\n/logs/*', exclude: '' }).problems
 * // [{ field: 'include', line: 2, severity: 'error', message: 'Starts with "/" …' }]
 */
export function validateImportPatterns(typed: TypedPatterns): PatternValidation {
  const problems: PatternProblem[] = [];
  const include = checkField('include', typed.include, problems);
  const exclude = checkField('exclude', typed.exclude, problems);
  const includedAt = new Map(include.map((entry) => [entry.pattern, entry.line]));
  for (const { pattern, line } of exclude) {
    const alsoIncluded = includedAt.get(pattern);
    if (alsoIncluded !== undefined) {
      problems.push({
        field: 'exclude',
        line,
        severity: 'warning',
        message: `Also on include line ${alsoIncluded}; excludes win, so matching files are not imported.`,
      });
    }
  }
  problems.sort((a, b) => (a.field === b.field ? a.line - b.line : a.field === 'include' ? -1 : 1));
  const patterns = { include: include.map((entry) => entry.pattern), exclude: exclude.map((entry) => entry.pattern) };
  const valid = problems.every((problem) => problem.severity !== 'error');
  return { ...patterns, problems, filters: valid ? { root: '', ...patterns } : undefined };
}

interface TypedPattern {
  pattern: string;
  line: number;
}

function checkField(field: PatternField, text: string, problems: PatternProblem[]): TypedPattern[] {
  const patterns: TypedPattern[] = [];
  const firstLineOf = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((pattern, index) => {
    const line = index + 1;
    if (Array.from(pattern).every(isPythonWhitespace)) return;
    const report = (severity: PatternProblem['severity'], message: string) => problems.push({ field, line, severity, message });
    const earlier = firstLineOf.get(pattern);
    if (earlier !== undefined) {
      report('warning', `Repeats line ${earlier}; it is used once.`);
      return;
    }
    firstLineOf.set(pattern, line);
    patterns.push({ pattern, line });
    for (const [severity, message] of lineProblems(field, pattern)) report(severity, message);
  });
  return patterns;
}

type Finding = [PatternProblem['severity'], string];

function lineProblems(field: PatternField, pattern: string): Finding[] {
  const findings: Finding[] = [];
  const chars = Array.from(pattern);
  const first = chars[0];
  const last = chars[chars.length - 1];
  if (pattern.includes('\0')) {
    findings.push(['error', 'Contains a NUL character, which cannot be passed to the import. Remove it.']);
  }
  if (isPythonWhitespace(first)) {
    findings.push([
      'warning',
      `Starts with ${describeWhitespace(first)}, which is part of the pattern: it only matches keys that start with it too. Delete it unless your keys do.`,
    ]);
  }
  if (isPythonWhitespace(last)) {
    findings.push([
      'warning',
      `Ends with ${describeWhitespace(last)}, which is part of the pattern: it only matches keys that end with it too. Delete it unless your keys do.`,
    ]);
  }
  const trimmed = pattern.replace(/^\s+/, '');
  if (trimmed.startsWith('/')) {
    const relative = trimmed.replace(/^\/+/, '');
    findings.push([
      'error',
      `Starts with "/", so it never matches: keys are matched relative to the source folder, without a leading "/". Write ${suggestion(relative.endsWith('/') ? `${relative}*` : relative)}.`,
    ]);
  } else if (pattern.endsWith('/')) {
    findings.push([
      'error',
      `Ends with "/", so it matches no file (only an empty folder marker). To ${field === 'include' ? 'import' : 'leave out'} everything in that folder, write ${suggestion(`${pattern}*`)}.`,
    ]);
  }
  if (field === 'exclude' && /^\*+$/.test(pattern)) {
    findings.push(['error', 'Excludes every file, so nothing would be imported. Remove this line.']);
  }
  if (pattern.includes('**')) {
    findings.push(['warning', `"**" is the same as "*" here: "*" already matches across folders ("/"). Write ${suggestion(pattern.replace(/\*{2,}/g, '*'))}.`]);
  }
  const unclosed = unclosedBracketColumn(chars);
  if (unclosed !== undefined) {
    findings.push([
      'warning',
      `The "[" at column ${unclosed} is never closed, so it matches a literal "[". Write "[[]" to say so, or close the set with "]".`,
    ]);
  }
  if (pattern.includes('\\')) {
    findings.push([
      'warning',
      '"\\" is not an escape character here: it matches a backslash in the key. To match a literal *, ? or [, write [*], [?] or [[].',
    ]);
  }
  return findings;
}

/** Column (1-based, in code points) of the first `[` that fnmatch reads as a literal, if any. */
function unclosedBracketColumn(chars: readonly string[]): number | undefined {
  for (let index = 0; index < chars.length; index++) {
    if (chars[index] !== '[') continue;
    const end = findClassEnd(chars, index + 1);
    if (end === -1) return index + 1;
    index = end;
  }
  return undefined;
}

function suggestion(pattern: string): string {
  return pattern === '' ? 'a pattern such as data/*' : JSON.stringify(pattern);
}

function describeWhitespace(char: string): string {
  if (char === ' ') return 'a space';
  if (char === '\t') return 'a tab';
  if (char === '\u00a0') return 'a non-breaking space';
  return `a whitespace character (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}
