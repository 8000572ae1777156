import { html, nothing, type TemplateResult } from 'lit';
import type { ImportPreview } from '@s3-to-hf/core/filters';
import { formatBytes } from '@s3-to-hf/core/format';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { countOf, visibleName } from './format-count.js';
import { indexRange } from './virtual-window.js';

/** What the preview shows: the dry run, or why there is none. */
export interface PreviewView {
  mode: 'tree' | 'manual';
  /** Why nothing can be previewed (no valid selection). */
  problem: string | undefined;
  preview: ImportPreview | undefined;
  root: string;
  /** Folders whose files the preview cannot list: selected ones in the tree, any in pattern mode. */
  unlistedFolders: number;
  /** Rows of the virtualized list to render, `[start, end)`. */
  window: { start: number; end: number };
  onScroll: (event: Event) => void;
}

/** The dry run of the import over the listed keys, as a virtualized list with count and size. */
export function renderPreview(view: PreviewView): TemplateResult {
  return html`
    <section class="preview" part="preview" id="preview" aria-labelledby="preview-title">
      <p class="preview-title" id="preview-title">Preview: what the import copies</p>
      ${view.preview ? renderResult(view, view.preview) : html`<p class="field-hint">${view.problem ?? 'Nothing is selected.'}</p>`}
    </section>
  `;
}

function renderResult(view: PreviewView, preview: ImportPreview): TemplateResult {
  const { files } = preview;
  const unlisted =
    view.unlistedFolders === 0
      ? nothing
      : view.mode === 'tree'
        ? html`<span class="preview-unlisted">
            + everything in ${countOf(view.unlistedFolders, 'selected folder')} never listed: imported, but unknown until counted or
            opened.
          </span>`
        : html`<span class="preview-unlisted">
            ${countOf(view.unlistedFolders, 'folder')} never listed: the patterns may match more files in them.
          </span>`;
  return html`
    <p class="preview-summary" role="status">
      <strong>${countOf(files.length, 'listed file')}</strong> · <strong>${formatBytes(preview.bytes)}</strong>
      ${view.root ? html`from <code>${visibleName(view.root)}</code>` : nothing} ${unlisted}
    </p>
    ${files.length === 0
      ? nothing
      : html`
          <div class="preview-list" role="list" aria-label="Listed files the import copies" tabindex="0" @scroll=${view.onScroll}>
            <div class="probe" aria-hidden="true"></div>
            <div class="sizer" role="none" style=${styleMap({ '--rows': String(files.length) })}>
              ${repeat(
                indexRange(view.window.start, view.window.end),
                (index) => files[index].key,
                (index) => html`
                  <div
                    class="preview-row"
                    role="listitem"
                    aria-setsize=${files.length}
                    aria-posinset=${index + 1}
                    style=${styleMap({ '--index': String(index) })}
                  >
                    <span class="name" title=${files[index].key}>${visibleName(files[index].key)}</span>
                    <span class="size">${formatBytes(files[index].size)}</span>
                  </div>
                `,
              )}
            </div>
          </div>
        `}
  `;
}
