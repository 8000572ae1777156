import { html, type TemplateResult } from 'lit';
import type { S3Connection } from '@s3-to-hf/core';
import { isElementDefined, type BucketTargetValue, type TreeSelection } from '../../elements/element-contracts.js';
import type { PageSession } from '../../session/page-session.js';
import { missingElement } from './select-view.js';

/** What the "Destination and import" step shows. */
export interface ImportViewInput {
  session: PageSession;
  hubUrl: string;
  connection: S3Connection;
  selection?: TreeSelection;
  target?: BucketTargetValue;
  suggestedBucket: string;
  onTargetChange: (event: Event) => void;
  onJobEvent: (event: Event) => void;
}

/**
 * Step 4: `<hf-bucket-target>` feeds `<hf-import-job>`, which shows the summary and estimate,
 * creates the bucket when needed, launches the Job and follows it (its own button and errors).
 */
export function importView(input: ImportViewInput): TemplateResult {
  const { session } = input;
  return html`
    <h3 class="substep">Destination</h3>
    ${isElementDefined('hf-bucket-target')
      ? html`<hf-bucket-target
          namespace=${session.user.name}
          bucket=${input.suggestedBucket}
          private
          .accessToken=${session.accessToken}
          .hubUrl=${input.hubUrl}
          @hf-bucket-target-change=${input.onTargetChange}
        ></hf-bucket-target>`
      : missingElement('hf-bucket-target', 'The destination picker')}
    ${isElementDefined('hf-import-job')
      ? html`<hf-import-job
          .selection=${input.selection}
          .connection=${input.connection}
          .target=${input.target}
          .accessToken=${session.accessToken}
          .tokenExpiresAt=${session.expiresAt}
          .hubUrl=${input.hubUrl}
          @hf-import-job-created=${input.onJobEvent}
          @hf-import-job-status=${input.onJobEvent}
          @hf-import-job-finished=${input.onJobEvent}
        ></hf-import-job>`
      : missingElement('hf-import-job', 'The import runner')}
  `;
}
