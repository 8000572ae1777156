import type { HfCallOptions } from './hf-call-options.js';
import type { HfJob } from './hf-job.js';
import type { JobStage } from './job-stages.js';
import { nextPageUrl } from './next-page-url.js';
import { prepareHubCall } from './prepare-hub-call.js';

/** The inputs of {@link listJobs}. */
export interface ListJobsOptions extends HfCallOptions {
  namespace: string;
  /** Only Jobs carrying all these labels. */
  labels?: Record<string, string>;
  /** Only Jobs in this stage. */
  stage?: JobStage;
}

// A runaway Link chain must not loop forever.
const MAX_PAGES = 100;

/**
 * The Jobs of a namespace (`GET /api/jobs/{namespace}?label=k=v&stage=…`), following the Link
 * header through every page. @huggingface/hub's listJobs has no label or stage filter.
 *
 * @throws {HfApiError} 'forbidden' without the jobs permission, …
 * @example
 * const running = await listJobs({ namespace: 'alice', labels: { app: 's3-to-hf-import' }, stage: 'RUNNING', accessToken });
 */
export async function listJobs(options: ListJobsOptions): Promise<HfJob[]> {
  const { namespace, labels = {}, stage } = options;
  const call = prepareHubCall(options, { description: `list the Jobs of ${namespace}`, permission: 'jobs' });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(labels)) query.append('label', `${key}=${value}`);
  if (stage) query.set('stage', stage);
  const search = query.toString();
  let url: string | undefined = `${call.hubUrl}/api/jobs/${encodeURIComponent(namespace)}${search ? `?${search}` : ''}`;
  const jobs: HfJob[] = [];
  for (let page = 0; url && page < MAX_PAGES; page += 1) {
    const response: Response = await call.fetch(url, { headers: call.headers });
    jobs.push(...((await response.json()) as HfJob[]));
    url = nextPageUrl(response);
  }
  return jobs;
}
