import { html, type TemplateResult } from 'lit';
import type { S3Connection } from '@s3-to-hf/core';
import type { HfBucketTargetChangeEvent, HfBucketTargetValue } from '@s3-to-hf/hf-bucket-target';
import type { HfImportJobCreatedEvent, HfImportJobFinishedEvent, HfImportJobStatusEvent } from '@s3-to-hf/hf-import-job';
import type { S3TreeSelection } from '@s3-to-hf/s3-tree';
import type { PageSession } from '../../session/page-session.js';
import { elementsPending, type ElementsState } from './elements-pending.js';

/** What the "Destination and import" step shows. */
export interface ImportViewInput {
  session: PageSession;
  hubUrl: string;
  connection: S3Connection;
  elements: ElementsState;
  selection?: S3TreeSelection;
  target?: HfBucketTargetValue;
  suggestedBucket: string;
  onTargetChange: (event: HfBucketTargetChangeEvent) => void;
  onJobEvent: (event: HfImportJobCreatedEvent | HfImportJobStatusEvent | HfImportJobFinishedEvent) => void;
  onRetryElements: () => void;
}

/**
 * Step 4: `<hf-bucket-target>` feeds `<hf-import-job>`, which shows the summary and estimate,
 * creates the bucket when needed, launches the Job and follows it (its own button and errors).
 */
export function importView(input: ImportViewInput): TemplateResult {
  if (input.elements !== 'ready') return elementsPending(input.elements, 'the destination and import steps', input.onRetryElements);
  const { session } = input;
  return html`
    <h3 class="substep">Destination</h3>
    <hf-bucket-target
      namespace=${session.user.name}
      bucket=${input.suggestedBucket}
      private
      .accessToken=${session.accessToken}
      .hubUrl=${input.hubUrl}
      @hf-bucket-target-change=${input.onTargetChange}
    ></hf-bucket-target>
    <h3 class="substep">Import</h3>
    <hf-import-job
      id="step-import-job"
      .selection=${input.selection}
      .connection=${input.connection}
      .target=${input.target}
      .accessToken=${session.accessToken}
      .tokenExpiresAt=${session.expiresAt}
      .hubUrl=${input.hubUrl}
      @hf-import-job-created=${input.onJobEvent}
      @hf-import-job-status=${input.onJobEvent}
      @hf-import-job-finished=${input.onJobEvent}
    ></hf-import-job>
  `;
}
