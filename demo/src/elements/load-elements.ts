let loading: Promise<void> | undefined;

/**
 * Fetches and registers `<s3-tree>`, `<hf-bucket-target>` and `<hf-import-job>` (one chunk). The
 * first screen (sign-in) does not need them, so it renders without waiting for their code; the
 * page starts this right after that first render. A failed load can be retried.
 */
export function loadElements(): Promise<void> {
  loading ??= import('./register-elements.js').then(
    () => undefined,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
