/**
 * What `hf buckets import` needs to copy exactly a selection: the source folder (`root`, relative to
 * the source prefix, `''` or ending with `/`) and `--include`/`--exclude` patterns that are matched
 * against keys relative to that folder.
 */
export interface ImportFilters {
  root: string;
  include: string[];
  exclude: string[];
}

/** One line of a `--filter-from` file: `+` includes, `-` excludes; the first matching rule wins. */
export interface FilterRule {
  sign: '+' | '-';
  pattern: string;
}
