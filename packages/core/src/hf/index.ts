// Public API of the Hugging Face client: calls over @huggingface/hub where it has them, with
// `hubUrl` and `fetch` injectable, and wrappers where its behaviour does not match the Hub.
export { listBucketNamespaces, type BucketNamespace } from './bucket-namespaces.js';
export { cancelJob } from './cancel-job.js';
export { createBucket, type CreateBucketOptions, type CreateBucketResult } from './create-bucket.js';
export { MAX_CREATE_ATTEMPTS, createImportJob, type CreateImportJobOptions, type CreateImportJobResult } from './create-import-job.js';
export { explainBucketError, type BucketErrorContext } from './explain-bucket-error.js';
export { findImportJob } from './find-import-job.js';
export { followJob, type FollowJobOptions } from './follow-job.js';
export { getBucket, type HfBucketInfo } from './get-bucket.js';
export { getJob } from './get-job.js';
export { HfApiError, type HfApiErrorInit, type HfApiErrorKind } from './hf-api-error.js';
export { DEFAULT_HUB_URL, type HfCallOptions } from './hf-call-options.js';
export type { HfJob, HfJobStatus } from './hf-job.js';
export { hubBucketUrl } from './hub-bucket-url.js';
export { PERMISSION_HINTS, type HubAction, type HubPermission } from './hub-action.js';
export { JOB_STAGES, isTerminalStage, type JobStage } from './job-stages.js';
export { listJobHardware, type JobHardware } from './list-job-hardware.js';
export { groupImportJobs, listImports, type ImportRecord } from './list-imports.js';
export { listJobs, type ListJobsOptions } from './list-jobs.js';
export { completeOAuthSignIn, type CompleteOAuthSignInOptions } from './oauth-complete-sign-in.js';
export { cleanOAuthRedirectUrl, oauthRedirectParams, type OAuthRedirectParams } from './oauth-redirect-url.js';
export { oauthSessionFromResult, type HfOAuthSession, type HfSessionOrg, type HfSessionUser } from './oauth-session.js';
export { oauthSignInUrl, type OAuthSignInUrlOptions } from './oauth-sign-in-url.js';
export {
  OAUTH_CODE_VERIFIER_KEY,
  OAUTH_NONCE_KEY,
  defaultOAuthStorage,
  forgetOAuthAttempt,
  readOAuthAttempt,
  type OAuthStorage,
} from './oauth-storage.js';
export { parseServerSentEvents, type ServerSentEvent } from './parse-server-sent-events.js';
export { runJob, type HfJobSpec } from './run-job.js';
export { streamJobLogs, type JobLogLine, type StreamJobLogsOptions } from './stream-job-logs.js';
export { whoAmI, type HfWhoAmI } from './who-am-i.js';
