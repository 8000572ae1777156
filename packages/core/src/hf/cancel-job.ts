import { cancelJob as hubCancelJob } from '@huggingface/hub';
import type { HfCallOptions } from './hf-call-options.js';
import type { HfJob } from './hf-job.js';
import { prepareHubCall } from './prepare-hub-call.js';

/**
 * Cancels a Job (`POST /api/jobs/{namespace}/{jobId}/cancel`); files it already copied stay.
 *
 * @throws {HfApiError} 'not-found' for an unknown Job, 'forbidden' without the jobs permission, …
 * @example
 * const job = await cancelJob({ namespace: 'alice', jobId, accessToken });
 */
export async function cancelJob(options: HfCallOptions & { namespace: string; jobId: string }): Promise<HfJob> {
  const call = prepareHubCall(options, { description: `cancel the Job ${options.jobId}`, permission: 'jobs' });
  return hubCancelJob({
    namespace: encodeURIComponent(options.namespace),
    jobId: encodeURIComponent(options.jobId),
    accessToken: call.accessToken,
    hubUrl: call.hubUrl,
    fetch: call.fetch,
  });
}
