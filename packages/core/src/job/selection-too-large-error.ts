/** Why a selection cannot be handed to one import Job. */
export type SelectionTooLargeReason =
  /** Too long for the command line, and some names (with line breaks) cannot be written in a filter file. */
  | 'unexpressible-names'
  /** Even compressed, the filter file exceeds what a Job's environment can carry. */
  | 'filter-file-too-large';

/**
 * The selection is too large or too irregular for a single import Job. The message tells the
 * user what to do instead.
 */
export class SelectionTooLargeError extends Error {
  override readonly name = 'SelectionTooLargeError';

  constructor(readonly reason: SelectionTooLargeReason) {
    super(
      reason === 'unexpressible-names'
        ? 'This selection is too long to pass on the command line, and some selected names contain a line break, ' +
            'which a filter file cannot express. Import the files with line breaks in their names in a separate, smaller ' +
            'import, or select whole folders instead of many single files.'
        : 'This selection lists too many individual files for one import Job, even compressed. Select whole folders ' +
            'instead of many single files, or split the import into several smaller ones.',
    );
  }
}
