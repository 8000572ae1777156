import type { ImportOutcome, ShardPosition } from '@s3-to-hf/core';
import type { ImportJobRef } from './types.js';

/** The Job an event is about. */
export interface HfImportJobEventDetail {
  jobId: string;
  /** Namespace that runs the Job. */
  namespace: string;
  /** The Job's stage: SCHEDULING, RUNNING, COMPLETED, CANCELED, ERROR, DELETED (or a newer one). */
  stage: string;
  /** The `import-id` label, when the Job has one. */
  importId?: string;
  /** Sharded imports: the `import-group` label their Jobs share. */
  importGroup?: string;
  /** Sharded imports: which Job of the group this is (status events, a retried shard's created event). */
  shard?: ShardPosition;
  /**
   * Sharded imports: every Job of the import, by shard (created event of the launch, finished
   * event). `jobId` is then the first one's.
   */
  jobs?: ImportJobRef[];
}

/** How the import ended: for a sharded import, all its Jobs together. */
export interface HfImportJobFinishedDetail extends HfImportJobEventDetail {
  outcome: ImportOutcome;
  /** One or two sentences for the user: what happened and what to do next (a sharded import names its Jobs that did not complete). */
  reason: string;
}

const eventInit = { bubbles: true, composed: true } as const;

/**
 * The import was started on the Hub: its Job created (or found, when a retried launch had already
 * created it); for a sharded import once for all its Jobs, and again for each retried shard.
 */
export class HfImportJobCreatedEvent extends Event {
  static readonly eventName = 'hf-import-job-created';
  constructor(readonly detail: HfImportJobEventDetail) {
    super(HfImportJobCreatedEvent.eventName, eventInit);
  }
}

/** A followed Job changed stage (also sent once when `attach()` first reads it); one event per Job. */
export class HfImportJobStatusEvent extends Event {
  static readonly eventName = 'hf-import-job-status';
  constructor(readonly detail: HfImportJobEventDetail) {
    super(HfImportJobStatusEvent.eventName, eventInit);
  }
}

/** The import ended (every Job of a sharded import) and its logs were read to the end. */
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
