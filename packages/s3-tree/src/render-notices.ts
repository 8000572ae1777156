import { html, nothing, type TemplateResult } from 'lit';
import type { S3Error } from '@s3-to-hf/core/s3';
import { errorTitle } from './describe-error.js';
import { visibleName } from './format-count.js';
import { warningIcon } from './icons.js';

/** What the notices above the tree show and what their buttons do. */
export interface NoticesView {
  regionNote: string | undefined;
  /** Listing failures, `''` for the top (only listed here while the tree below is kept). */
  failures: Array<{ folder: string; error: S3Error }>;
  countFailure: { folder: string; error: S3Error } | undefined;
  onRetry: (folder: string) => void;
  onDismiss: (folder: string) => void;
  onCountAgain: () => void;
  onDismissCount: () => void;
}

/** Errors and notes about the tree below them: where it happened, what it means, what to do. */
export function renderNotices(view: NoticesView): TemplateResult | typeof nothing {
  const notices: TemplateResult[] = [];
  if (view.regionNote) notices.push(html`<li class="notice" part="notice">${view.regionNote}</li>`);
  for (const { folder, error } of view.failures) {
    const where = folder === '' ? 'the bucket' : `“${visibleName(folder)}”`;
    notices.push(html`
      <li class="notice error" part="error" role="alert">
        <p class="notice-title">${warningIcon} Could not list ${where}: ${errorTitle(error)}</p>
        <p>${error.message} ${folder === '' ? 'What you selected is kept.' : ''}</p>
        <div class="notice-actions">
          <button type="button" @click=${() => view.onRetry(folder)}>Retry</button>
          <button type="button" class="link" @click=${() => view.onDismiss(folder)}>Dismiss</button>
        </div>
      </li>
    `);
  }
  if (view.countFailure) {
    const { folder, error } = view.countFailure;
    notices.push(html`
      <li class="notice error" part="error" role="alert">
        <p class="notice-title">${warningIcon} Could not count “${visibleName(folder) || '(top)'}”: ${errorTitle(error)}</p>
        <p>${error.message}</p>
        <div class="notice-actions">
          <button type="button" @click=${view.onCountAgain}>Count again</button>
          <button type="button" class="link" @click=${view.onDismissCount}>Dismiss</button>
        </div>
      </li>
    `);
  }
  if (notices.length === 0) return nothing;
  return html`<ul class="notices" part="notices">${notices}</ul>`;
}

/** The panel in place of the tree when its top could not be listed at all. */
export function renderRootFailure(error: S3Error, onRetry: () => void): TemplateResult {
  return html`
    <div class="panel error-panel notice error" part="error" role="alert">
      <p class="notice-title">${warningIcon} ${errorTitle(error)}</p>
      <p>${error.message}</p>
      <div class="notice-actions"><button type="button" class="primary" @click=${onRetry}>Retry</button></div>
    </div>
  `;
}
