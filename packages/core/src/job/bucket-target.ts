/**
 * The destination of an import as a destination UI (such as `<hf-bucket-target>`) describes it:
 * what the import step needs to create the bucket if asked and to write under the prefix.
 */
export interface BucketTarget {
  namespace: string;
  /** The bucket name alone, without the namespace. */
  bucket: string;
  /** Folder in the bucket: '' (the top) or ending with '/'; as typed while invalid. */
  prefix: string;
  /** The existing bucket's visibility when it exists and is known, else the one a new bucket gets. */
  private: boolean;
  /** Whether a missing bucket is created before the import. */
  createIfMissing: boolean;
  /** Whether the bucket exists; undefined while unknown (not checked yet, checking, signed out, failed). */
  exists: boolean | undefined;
  /** The names are valid and nothing known stands in the way (missing with creation off, 401, 403). */
  valid: boolean;
}
