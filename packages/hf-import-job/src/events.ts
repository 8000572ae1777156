import type { ImportOutcome } from '@s3-to-hf/core';

/** The Job an event is about. */
export interface HfImportJobEventDetail {
  jobId: string;
  /** Namespace that runs the Job. */
  namespace: string;
  /** The Job's stage: SCHEDULING, RUNNING, COMPLETED, CANCELED, ERROR, DELETED (or a newer one). */
  stage: string;
  /** The `import-id` label, when the Job has one. */
  importId?: string;
}

/** How the Job's import ended. */
export interface HfImportJobFinishedDetail extends HfImportJobEventDetail {
  outcome: ImportOutcome;
  /** One or two sentences for the user: what happened and what to do next. */
  reason: string;
}

const eventInit = { bubbles: true, composed: true } as const;

/** The import Job was created on the Hub (or found, when a retried launch had already created it). */
export class HfImportJobCreatedEvent extends Event {
  static readonly eventName = 'hf-import-job-created';
  constructor(readonly detail: HfImportJobEventDetail) {
    super(HfImportJobCreatedEvent.eventName, eventInit);
  }
}

/** The followed Job changed stage (also sent once when `attach()` first reads it). */
export class HfImportJobStatusEvent extends Event {
  static readonly eventName = 'hf-import-job-status';
  constructor(readonly detail: HfImportJobEventDetail) {
    super(HfImportJobStatusEvent.eventName, eventInit);
  }
}

/** The followed Job ended and its log was read to the end. */
export class HfImportJobFinishedEvent extends Event {
  static readonly eventName = 'hf-import-job-finished';
  constructor(readonly detail: HfImportJobFinishedDetail) {
    super(HfImportJobFinishedEvent.eventName, eventInit);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hf-import-job-created': HfImportJobCreatedEvent;
    'hf-import-job-status': HfImportJobStatusEvent;
    'hf-import-job-finished': HfImportJobFinishedEvent;
  }
}
