import { getJob as hubGetJob } from '@huggingface/hub';
import type { HfCallOptions } from './hf-call-options.js';
import type { HfJob } from './hf-job.js';
import { prepareHubCall } from './prepare-hub-call.js';

/**
 * One Job's current state (`GET /api/jobs/{namespace}/{jobId}`).
 *
 * @throws {HfApiError} 'not-found' for an unknown Job, 'forbidden' without the jobs permission, …
 * @example
 * const job = await getJob({ namespace: 'alice', jobId, accessToken });
 * if (isTerminalStage(job.status.stage)) …
 */
export async function getJob(options: HfCallOptions & { namespace: string; jobId: string }): Promise<HfJob> {
  const call = prepareHubCall(options, { description: `read the Job ${options.jobId}`, permission: 'jobs' });
  return hubGetJob({
    namespace: encodeURIComponent(options.namespace),
    jobId: encodeURIComponent(options.jobId),
    accessToken: call.accessToken,
    hubUrl: call.hubUrl,
    fetch: call.fetch,
  });
}
