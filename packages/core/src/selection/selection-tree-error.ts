/** What went wrong in a {@link SelectionTree} call; see {@link SelectionTreeError}. */
export type SelectionTreeErrorKind =
  | 'unknown-path'
  | 'not-listed'
  | 'already-listed'
  | 'invalid-entry'
  | 'duplicate-key'
  | 'invalid-count';

/**
 * Thrown when a path, listing, entry or count given to a `SelectionTree` does not fit the tree.
 * `kind` tells the cases apart; the message names the offending path (JSON-quoted, so that spaces
 * and control characters stay visible) and says what to do.
 */
export class SelectionTreeError extends Error {
  override readonly name = 'SelectionTreeError';

  constructor(
    readonly kind: SelectionTreeErrorKind,
    message: string,
  ) {
    super(message);
  }
}
