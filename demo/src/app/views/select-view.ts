import { html, type TemplateResult } from 'lit';
import type { S3Connection } from '@s3-to-hf/core';
import { isElementDefined } from '../../elements/element-contracts.js';

/** What the "Choose what to copy" step shows. */
export interface SelectViewInput {
  connection: S3Connection;
  onSelectionChange: (event: Event) => void;
  onTreeError: (event: Event) => void;
}

/** Shown where an element is missing from this build, instead of an empty box. */
export function missingElement(tag: string, what: string): TemplateResult {
  return html`<p class="notice warning">${what} (<code>&lt;${tag}&gt;</code>) is not part of this build yet.</p>`;
}

/**
 * Step 3: the `<s3-tree>` of the connected bucket. The tree explains a CORS block itself (with the
 * rule to paste) and switches to patterns; listing failures at the top go back to the form.
 */
export function selectView(input: SelectViewInput): TemplateResult {
  if (!isElementDefined('s3-tree')) return missingElement('s3-tree', 'The bucket browser');
  return html`
    <s3-tree
      class="tree"
      .connection=${input.connection}
      @s3-tree-selection-change=${input.onSelectionChange}
      @s3-tree-error=${input.onTreeError}
    ></s3-tree>
  `;
}
