import { html, nothing, type TemplateResult } from 'lit';
import type { PatternValidation } from '@s3-to-hf/core/filters';
import { formatBytes } from '@s3-to-hf/core/format';
import type { SelectionStats } from '@s3-to-hf/core/selection';
import { countOf, formatCount } from './format-count.js';

/** A running count of folders, as the totals bar shows it. */
export interface CountProgressView {
  folders: number;
  done: number;
  files: number;
  bytes: number;
}

/** What the totals bar of the tree mode shows. */
export interface TreeTotalsView {
  stats: SelectionStats;
  count: CountProgressView | undefined;
  note: string | undefined;
  onCount: () => void;
  onCancelCount: () => void;
  /** The preview button, placed at the end of the bar. */
  previewToggle: TemplateResult | typeof nothing;
}

/** Totals of the ticked files, and the action that counts the folders whose files are unknown. */
export function renderTreeTotals(view: TreeTotalsView): TemplateResult {
  const { stats, count } = view;
  const nothingSelected = stats.files === 0 && stats.unlistedFolders === 0;
  return html`
    <div class="totals" part="totals">
      <span role="status" class="totals-text">
        ${nothingSelected
          ? 'Nothing selected.'
          : html`<strong>${countOf(stats.files, 'file')}</strong> · <strong>${formatBytes(stats.bytes)}</strong>
              selected${stats.uncountedFolders > 0 ? `, plus ${countOf(stats.uncountedFolders, 'selected folder')} not counted yet` : ''}`}
      </span>
      ${count
        ? html`
            <span class="count-progress">
              <progress max=${count.folders} value=${count.done} aria-label="Counting folders"></progress>
              <span>
                Counting ${formatCount(count.done + 1)} of ${countOf(count.folders, 'folder')}: ${countOf(count.files, 'file')},
                ${formatBytes(count.bytes)} so far
              </span>
              <button type="button" @click=${view.onCancelCount}>Cancel</button>
            </span>
          `
        : stats.uncountedFolders > 0
          ? html`<button type="button" @click=${view.onCount}>Count ${stats.uncountedFolders === 1 ? 'folder' : 'folders'}</button>`
          : nothing}
      ${view.note && !count ? html`<span class="field-hint">${view.note}</span>` : nothing}
      ${view.previewToggle}
    </div>
  `;
}

/** The totals bar of the pattern mode, where sizes are unknown. */
export function renderPatternTotals(validation: PatternValidation, previewToggle: TemplateResult | typeof nothing): TemplateResult {
  const text = !validation.filters
    ? 'Fix the patterns marked above to continue.'
    : validation.include.length === 0 && validation.exclude.length === 0
      ? 'Every file under the source prefix is imported. Sizes are unknown in pattern mode.'
      : `${countOf(validation.include.length, 'include pattern')}, ${countOf(validation.exclude.length, 'exclude pattern')}. ` +
        'Sizes are unknown in pattern mode.';
  return html`<div class="totals" part="totals"><span role="status" class="totals-text">${text}</span>${previewToggle}</div>`;
}
