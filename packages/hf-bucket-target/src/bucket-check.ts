import type { HfApiErrorKind } from '@s3-to-hf/core/hf';

/** What is known about one bucket (`id` = `namespace/name`) from the last check or creation. */
export type BucketCheck =
  | { state: 'checking'; id: string }
  | { state: 'creating'; id: string }
  | { state: 'exists'; id: string; private: boolean | undefined; created: boolean }
  | { state: 'missing'; id: string }
  | { state: 'failed'; id: string; kind: HfApiErrorKind | undefined; message: string };

/** Failures after which the target is known not to work until the user acts (sign in, another namespace). */
export const BLOCKING_FAILURES: ReadonlySet<HfApiErrorKind | undefined> = new Set<HfApiErrorKind | undefined>(['unauthorized', 'forbidden']);
