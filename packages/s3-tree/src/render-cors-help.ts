import { html, nothing, type TemplateResult } from 'lit';
import type { S3Error } from '@s3-to-hf/core/s3';
import { warningIcon } from './icons.js';

/** What the CORS help shows and what its buttons do. */
export interface CorsHelpView {
  error: S3Error;
  bucket: string;
  origin: string;
  /** The rule to paste, as pretty JSON. */
  corsJson: string;
  copyStatus: string | undefined;
  onCopy: () => void;
  onRetry: () => void;
}

/**
 * The explanation shown when the browser may not list a bucket: what happened in plain words,
 * the exact CORS rule for this page's origin with a copy button, and how to go on without it.
 */
export function renderCorsHelp(view: CorsHelpView): TemplateResult {
  return html`
    <section class="notice warning cors" part="cors" aria-labelledby="cors-title">
      <p class="notice-title" id="cors-title">${warningIcon} This browser may not list “${view.bucket}”</p>
      <p>${view.error.message}</p>
      <p>
        This rule allows read-only requests from <code>${view.origin}</code> and nothing else. On AWS, paste it under
        Permissions → Cross-origin resource sharing (CORS) → Edit; MinIO, R2, Wasabi and GCS have a similar setting.
      </p>
      <div class="cors-json">
        <pre part="cors-json" id="cors-json" tabindex="0" aria-label="CORS rule for ${view.origin}">${view.corsJson}</pre>
        <div class="cors-actions">
          <button type="button" @click=${view.onCopy} aria-describedby="cors-copy-status">Copy rule</button>
          <button type="button" class="primary" @click=${view.onRetry}>Try listing again</button>
          <span class="field-hint" id="cors-copy-status" role="status">${view.copyStatus ?? nothing}</span>
        </div>
      </div>
      <p class="field-hint">Or type what to import as patterns below: the import itself runs on Hugging Face and does not need CORS.</p>
    </section>
  `;
}
