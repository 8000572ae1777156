import { APP_LABEL_KEY, APP_LABEL_VALUE, IMPORT_ID_LABEL_KEY } from '../job/import-job-defaults.js';
import type { HfCallOptions } from './hf-call-options.js';
import type { HfJob } from './hf-job.js';
import { listJobs } from './list-jobs.js';

/**
 * The most recently created import Job labelled with `importId` in `namespace`, if any
 * (whatever its stage).
 *
 * @example
 * const previous = await findImportJob({ namespace: 'alice', importId, accessToken });
 */
export async function findImportJob(options: HfCallOptions & { namespace: string; importId: string }): Promise<HfJob | undefined> {
  const jobs = await listJobs({
    ...options,
    labels: { [APP_LABEL_KEY]: APP_LABEL_VALUE, [IMPORT_ID_LABEL_KEY]: options.importId },
  });
  return jobs.reduce<HfJob | undefined>((latest, job) => (!latest || job.createdAt > latest.createdAt ? job : latest), undefined);
}
