import { runJob as hubRunJob, type SpaceHardwareFlavor } from '@huggingface/hub';
import type { HfCallOptions } from './hf-call-options.js';
import type { HfJob } from './hf-job.js';
import { prepareHubCall } from './prepare-hub-call.js';

/** The body of `POST /api/jobs/{namespace}` for a Docker-image Job (an ImportJobSpec is one). */
export interface HfJobSpec {
  dockerImage: string;
  command: string[];
  arguments?: string[];
  environment?: Record<string, string>;
  secrets?: Record<string, string>;
  flavor: string;
  timeoutSeconds?: number;
  labels?: Record<string, string>;
}

/**
 * Starts a Job (`POST /api/jobs/{namespace}`). Not retried on 429: a repeated POST could start
 * the Job twice.
 *
 * @throws {HfApiError} 'forbidden' without the jobs permission, 'invalid-input' for a rejected spec, …
 * @example
 * const job = await runJob({ namespace: 'alice', spec: await buildImportJob(options), accessToken });
 */
export async function runJob(options: HfCallOptions & { namespace: string; spec: HfJobSpec }): Promise<HfJob> {
  const { namespace, spec } = options;
  const call = prepareHubCall(options, { description: `start a Job in ${namespace}`, permission: 'jobs' });
  return hubRunJob({
    ...spec,
    // hub.js lists the flavors it knew when released; the Hub accepts newer ones.
    flavor: spec.flavor as SpaceHardwareFlavor,
    namespace: encodeURIComponent(namespace),
    accessToken: call.accessToken,
    hubUrl: call.hubUrl,
    fetch: call.fetch,
  });
}
