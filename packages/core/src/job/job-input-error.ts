/** The input an error is about, so a form can show the message next to that field. */
export type JobInputField =
  | 'source.bucket'
  | 'source.prefix'
  | 'source.region'
  | 'source.endpoint'
  | 'credentials'
  | 'filters'
  | 'destination.namespace'
  | 'destination.bucket'
  | 'destination.prefix'
  | 'hfToken'
  | 'flavor'
  | 'timeoutSeconds'
  | 'workers'
  | 'installSpec'
  | 'dockerImage'
  | 'labels'
  | 'importId'
  | 'importGroup'
  | 'shard';

/**
 * An import option that cannot be turned into a Job. `field` names the option; the message says
 * what is wrong and how to fix it, and never contains a credential.
 */
export class JobInputError extends Error {
  override readonly name = 'JobInputError';
  readonly kind = 'invalid-input';

  constructor(
    readonly field: JobInputField,
    message: string,
  ) {
    super(message);
  }
}
