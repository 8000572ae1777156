/** A permission a Hub call needs, named so a 403 can say which one is missing. */
export type HubPermission = 'jobs' | 'write-buckets' | 'read-buckets';

/** What a Hub call does, for error messages ("Could not <description>: …"). */
export interface HubAction {
  /** Lower-case verb phrase, e.g. 'create the bucket alice/imports'. */
  description: string;
  permission?: HubPermission;
}

/** How to get each permission, with an OAuth sign-in and with a fine-grained access token. */
export const PERMISSION_HINTS: Readonly<Record<HubPermission, string>> = Object.freeze({
  jobs: 'the "jobs" scope when signing in with Hugging Face, or a fine-grained token allowed to start Jobs in that namespace',
  'write-buckets':
    'the "contribute-repos" or "write-repos" scope when signing in with Hugging Face, or write access to the namespace on a fine-grained token',
  'read-buckets': 'the "read-repos" scope when signing in with Hugging Face, or read access to the namespace on a fine-grained token',
});
