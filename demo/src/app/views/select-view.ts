import { html, type TemplateResult } from 'lit';
import type { S3Connection } from '@s3-to-hf/core';
import type { S3TreeErrorEvent, S3TreeSelectionChangeEvent } from '@s3-to-hf/s3-tree';
import { elementsPending, type ElementsState } from './elements-pending.js';

/** What the "Choose what to copy" step shows. */
export interface SelectViewInput {
  connection: S3Connection;
  elements: ElementsState;
  onSelectionChange: (event: S3TreeSelectionChangeEvent) => void;
  onTreeError: (event: S3TreeErrorEvent) => void;
  onRetryElements: () => void;
}

/**
 * Step 3: the `<s3-tree>` of the connected bucket. The tree explains a CORS block itself (with the
 * rule to paste) and switches to patterns; listing failures at the top go back to the form.
 */
export function selectView(input: SelectViewInput): TemplateResult {
  // Rendered only once registered: `connection` is a plain accessor that a value set on the
  // not-yet-upgraded element would shadow.
  if (input.elements !== 'ready') return elementsPending(input.elements, 'the bucket browser', input.onRetryElements);
  return html`
    <s3-tree
      class="tree"
      .connection=${input.connection}
      @s3-tree-selection-change=${input.onSelectionChange}
      @s3-tree-error=${input.onTreeError}
    ></s3-tree>
  `;
}
