/** Thrown by `compileFilters` when nothing is selected: an import of nothing is never intended. */
export class EmptySelectionError extends Error {
  override readonly name = 'EmptySelectionError';
  readonly kind = 'empty-selection';

  constructor() {
    super('Nothing is selected: select at least one file or folder before starting an import.');
  }
}

/**
 * Thrown by `renderFilterFile` for a pattern that a `--filter-from` file cannot carry (a line break
 * would split it into two rules). Pass the patterns as `--include`/`--exclude` arguments instead.
 */
export class FilterFileError extends Error {
  override readonly name = 'FilterFileError';
  readonly kind = 'pattern-not-expressible-in-file';

  constructor(readonly pattern: string) {
    super(
      `The pattern ${JSON.stringify(pattern)} contains a line break, which a --filter-from file cannot carry; pass the patterns as --include/--exclude arguments instead.`,
    );
  }
}

/**
 * Thrown by `compileFilters` when the selection spans the source root and some keys start with `/`:
 * `hf buckets import` strips leading slashes from the path it filters on, so those keys become
 * indistinguishable from others and no pattern set is exact.
 */
export class LeadingSlashKeysError extends Error {
  override readonly name = 'LeadingSlashKeysError';
  readonly kind = 'leading-slash-keys';

  constructor() {
    super(
      'Some keys start with "/", and hf buckets import strips leading slashes before filtering, so this selection cannot be imported exactly. Select the whole source, or only folders below its root.',
    );
  }
}
