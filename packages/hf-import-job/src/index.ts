// <hf-import-job>: launch and follow the HF Job that imports an S3 selection into a bucket.
// Importing this module registers the tag (see define.ts).
import './define.js';

export {
  HfImportJobCreatedEvent,
  HfImportJobFinishedEvent,
  HfImportJobStatusEvent,
  type HfImportJobEventDetail,
  type HfImportJobFinishedDetail,
} from './events.js';
export { HfImportJobElement } from './hf-import-job-element.js';
export type { ImportGroupRef, ImportJobField, ImportJobRef, ImportJobSelection, ImportJobTarget } from './types.js';
