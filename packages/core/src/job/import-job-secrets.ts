import type { S3Credentials } from './import-job-types.js';
import { JobInputError } from './job-input-error.js';

/** The inputs of {@link importJobSecrets}. */
export interface ImportJobSecretsOptions {
  hfToken: string;
  credentials?: S3Credentials;
  /** A public source: no AWS secret is sent, even when credentials are given. */
  anonymous: boolean;
}

// Tokens and keys are printable ASCII without spaces; anything else is a paste accident
// (a trailing newline, a quote). Messages never repeat the value.
const TOKEN_TEXT = /^[\x21-\x7e]+$/;

function requireTokenText(value: string | undefined, field: 'hfToken' | 'credentials', what: string): string {
  if (!value) throw new JobInputError(field, `Enter the ${what}.`);
  if (!TOKEN_TEXT.test(value)) {
    throw new JobInputError(field, `The ${what} contains spaces, line breaks or non-ASCII characters; paste it again without them.`);
  }
  return value;
}

/**
 * The Job secrets of an import: `HF_TOKEN`, plus `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`
 * and (when given) `AWS_SESSION_TOKEN` for a non-anonymous source. Secrets are encrypted by the
 * Hub and reach the Job as environment variables, where botocore and `hf` read them.
 *
 * @throws {JobInputError} for a missing or malformed token or key (field 'hfToken' or 'credentials').
 */
export function importJobSecrets({ hfToken, credentials, anonymous }: ImportJobSecretsOptions): Record<string, string> {
  const secrets: Record<string, string> = { HF_TOKEN: requireTokenText(hfToken, 'hfToken', 'Hugging Face access token') };
  if (anonymous) return secrets;
  if (!credentials) {
    throw new JobInputError('credentials', 'Enter an S3 access key and secret key, or mark the bucket as public to read it anonymously.');
  }
  secrets.AWS_ACCESS_KEY_ID = requireTokenText(credentials.accessKeyId, 'credentials', 'S3 access key ID');
  secrets.AWS_SECRET_ACCESS_KEY = requireTokenText(credentials.secretAccessKey, 'credentials', 'S3 secret access key');
  if (credentials.sessionToken) {
    secrets.AWS_SESSION_TOKEN = requireTokenText(credentials.sessionToken, 'credentials', 'S3 session token');
  }
  return secrets;
}
