import { listJobHardware as hubListJobHardware } from '@huggingface/hub';
import type { HfCallOptions } from './hf-call-options.js';
import { prepareHubCall } from './prepare-hub-call.js';

/** One hardware flavor Jobs can run on, with its price per `unitLabel` (a minute on the Hub). */
export type JobHardware = Awaited<ReturnType<typeof hubListJobHardware>>[number] & { ephemeralStorage?: string };

/**
 * The hardware flavors and prices for Jobs (`GET /api/jobs/hardware`).
 *
 * @example
 * const hardware = await listJobHardware({ accessToken });
 * const estimate = estimateImport({ bytes, files }, { hardware });
 */
export async function listJobHardware(options: HfCallOptions): Promise<JobHardware[]> {
  const call = prepareHubCall(options, { description: 'list the Job hardware flavors' });
  return hubListJobHardware({ accessToken: call.accessToken, hubUrl: call.hubUrl, fetch: call.fetch });
}
