/** The `@aws-sdk/client-s3` module namespace. */
export type S3Sdk = typeof import('@aws-sdk/client-s3');

let sdk: Promise<S3Sdk> | undefined;

/**
 * Loads `@aws-sdk/client-s3` on first use and reuses it afterwards. The SDK is about 200 KB, so
 * loading it lazily lets a page render before it arrives.
 */
export function loadS3Sdk(): Promise<S3Sdk> {
  sdk ??= import('@aws-sdk/client-s3').catch((error: unknown) => {
    // Forget the failure so a later call can try again (e.g. after a network blip).
    sdk = undefined;
    throw error;
  });
  return sdk;
}
