import type { getJob as hubGetJob } from '@huggingface/hub';
import type { JobStage } from './job-stages.js';

/** A Job's status; `stage` may also be a stage newer than {@link JOB_STAGES} (e.g. UPDATING). */
export interface HfJobStatus {
  stage: JobStage | (string & {});
  message?: string | null;
  failureCount?: number;
}

/** A Job as the Hub returns it (JobInfo), with a correct `status.stage` type. */
export type HfJob = Omit<Awaited<ReturnType<typeof hubGetJob>>, 'status'> & { status: HfJobStatus };
