/** The destination `<hf-bucket-target>` describes: what `<hf-import-job>` takes as `target`. */
export interface HfBucketTargetValue {
  namespace: string;
  /** The bucket name alone, without the namespace. */
  bucket: string;
  /** Folder in the bucket: '' (the top) or ending with '/'; as typed while invalid. */
  prefix: string;
  /** The existing bucket's visibility when it exists and is known, else the one a new bucket gets. */
  private: boolean;
  /** Whether a missing bucket is created (`ensureBucket()`); the `no-create` attribute turns it off. */
  createIfMissing: boolean;
  /** Whether the bucket exists; undefined while unknown (not checked yet, checking, signed out, failed). */
  exists: boolean | undefined;
  /** The names are valid and nothing known stands in the way (missing with creation off, 401, 403). */
  valid: boolean;
}
