/**
 * The names of the Job secrets an import sends (never their values), for telling users where
 * their credentials go: the AWS keys (plus the session token of temporary credentials) unless the
 * source is read anonymously, and `HF_TOKEN`. Matches the keys of `buildImportJob(…).secrets`.
 *
 * @example
 * importJobSecretNames({ anonymous: false }) // → ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'HF_TOKEN']
 */
export function importJobSecretNames({ anonymous, sessionToken = false }: { anonymous: boolean; sessionToken?: boolean }): string[] {
  if (anonymous) return ['HF_TOKEN'];
  return ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', ...(sessionToken ? ['AWS_SESSION_TOKEN'] : []), 'HF_TOKEN'];
}
