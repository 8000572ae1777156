import { css } from 'lit';

/** Styles of `<s3-tree>`, on top of the shared `baseStyles` and `spinnerStyles`. */
export const s3TreeStyles = css`
  :host {
    --_row-height: var(--s3-tree-row-height, 2.25em);
    --_indent: var(--s3-tree-indent, 1.25em);
    --_max-height: var(--s3-tree-max-height, 26rem);
    --_preview-max-height: var(--s3-tree-preview-max-height, 16rem);
    --_size-width: var(--s3-tree-size-width, 6.5em);
    --_row-hover: var(--s3-tree-row-hover, rgba(127, 127, 127, 0.1));
    --_checked-background: var(--s3-tree-checked-background, var(--_selection));
    --_folder: var(--s3-tree-folder-color, var(--_warning));
  }

  .base {
    container-type: inline-size;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  p {
    margin: 0;
  }

  /* Toolbar */

  .toolbar {
    display: grid;
    gap: 0.5em;
    padding: 0.6em 0.75em;
    border-bottom: 1px solid var(--_border);
  }

  .toolbar-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  .location {
    flex: 1 1 8em;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .bucket {
    font-weight: 600;
  }

  .prefix {
    color: var(--_text-muted);
  }

  .modes {
    display: inline-flex;
  }

  .modes button {
    border-radius: 0;
    font-weight: 500;
  }

  .modes button:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }

  .modes button:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
    margin-inline-start: -1px;
  }

  .modes button[aria-pressed='true'] {
    position: relative;
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }

  input.filter {
    flex: 1 1 12em;
    width: auto;
    min-width: 8em;
    margin-inline-end: auto;
  }

  .totals .preview-toggle {
    margin-inline-start: auto;
  }

  /* Notices and panels */

  .notices {
    display: grid;
    gap: 0.5em;
    margin: 0;
    padding: 0.6em 0.75em;
    list-style: none;
    border-bottom: 1px solid var(--_border);
  }

  .notice p + p {
    margin-top: 0.25em;
  }

  .notice-title {
    display: flex;
    align-items: flex-start;
    gap: 0.4em;
    font-weight: 600;
  }

  .notice-title svg {
    flex: none;
    margin-top: 0.2em;
  }

  .notice.error .notice-title svg {
    flex: none;
    color: var(--_danger);
  }

  .notice.warning .notice-title svg {
    flex: none;
    color: var(--_warning);
  }

  .notice-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
    margin-top: 0.5em;
  }

  .panel {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6em;
    padding: 1.25em 0.75em;
  }

  .panel.error-panel {
    display: block;
    margin: 0.75em;
    padding: 0.7em 0.9em;
  }

  .spinner {
    width: 0.9em;
    height: 0.9em;
  }

  /* CORS help */

  .cors {
    display: grid;
    gap: 0.5em;
    margin: 0.75em;
  }

  .cors pre {
    max-height: 15em;
    margin: 0;
    padding: 0.6em 0.75em;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    white-space: pre;
  }

  .cors-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-top: 0.5em;
  }

  /* Tree */

  .columns {
    display: flex;
    justify-content: space-between;
    padding: 0.35em 0.75em;
    border-bottom: 1px solid var(--_border);
    color: var(--_text-muted);
    font-size: 0.78em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }

  .viewport,
  .preview-list {
    position: relative;
    max-height: var(--_max-height);
    overflow: auto;
    overscroll-behavior: contain;
    contain: content;
  }

  .viewport:focus-visible {
    outline-offset: -2px;
  }

  .sizer {
    position: relative;
    height: calc(var(--rows) * var(--_row-height));
  }

  .probe {
    position: absolute;
    top: 0;
    width: 1px;
    height: var(--_row-height);
    visibility: hidden;
  }

  /* The rows of both virtualized lists (tree and preview), placed by their index. */
  .row,
  .preview-row {
    position: absolute;
    top: calc(var(--index) * var(--_row-height));
    right: 0;
    left: 0;
    display: flex;
    align-items: center;
    height: var(--_row-height);
  }

  .row {
    gap: 0.3em;
    padding-inline: calc(0.5em + min(var(--level) * var(--_indent), 40%)) 0.75em;
    cursor: default;
    user-select: none;
    -webkit-user-select: none;
  }

  .row:hover {
    background: var(--_row-hover);
  }

  .row[aria-checked='true'],
  .row[aria-checked='mixed'] {
    background: var(--_checked-background);
  }

  .row:focus {
    outline: none;
  }

  .row:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  .toggle {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 1.25em;
    height: 1.25em;
    color: var(--_text-muted);
    cursor: pointer;
  }

  .toggle svg {
    transition: transform 0.12s ease;
  }

  .row[aria-expanded='true'] .toggle svg {
    transform: rotate(90deg);
  }

  .row:not([aria-expanded]) .toggle {
    cursor: default;
  }

  .check-hit {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 1.6em;
    height: 100%;
    cursor: pointer;
  }

  .checkbox {
    position: relative;
    width: 1.05em;
    height: 1.05em;
    border: 1.5px solid var(--_text-muted);
    border-radius: 3px;
    background: var(--_bg);
  }

  .row[aria-checked='true'] .checkbox,
  .row[aria-checked='mixed'] .checkbox {
    border-color: var(--_accent);
    background: var(--_accent);
  }

  .row[aria-checked='true'] .checkbox::after {
    content: '';
    position: absolute;
    top: 8%;
    left: 32%;
    width: 28%;
    height: 58%;
    border: solid var(--_accent-text);
    border-width: 0 2px 2px 0;
    transform: rotate(45deg);
  }

  .row[aria-checked='mixed'] .checkbox::after {
    content: '';
    position: absolute;
    top: calc(50% - 1px);
    right: 18%;
    left: 18%;
    height: 2px;
    border-radius: 1px;
    background: var(--_accent-text);
  }

  .icon {
    display: inline-grid;
    flex: none;
    place-items: center;
    color: var(--_text-muted);
  }

  .row-folder .icon,
  .row[aria-expanded] .icon {
    color: var(--_folder);
  }

  .name {
    flex: 1 1 auto;
    min-width: 3.5em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: pre;
  }

  .row[aria-expanded] .name {
    font-weight: 600;
  }

  .name.unnamed {
    color: var(--_text-muted);
    font-style: italic;
  }

  .filtering .name:not(.match) {
    color: var(--_text-muted);
  }

  .name.match {
    text-decoration: underline;
    text-decoration-color: var(--_accent);
    text-decoration-thickness: 2px;
    text-underline-offset: 3px;
  }

  .status {
    display: inline-flex;
    flex: none;
    align-items: center;
    gap: 0.35em;
    color: var(--_text-muted);
    font-size: 0.85em;
    white-space: nowrap;
  }

  .status.failed {
    color: var(--_danger);
  }

  .status button.link {
    font-size: inherit;
  }

  .size {
    flex: none;
    width: var(--_size-width);
    color: var(--_text-muted);
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }

  /* Pattern editor */

  .manual {
    display: grid;
    gap: 0.6em;
    padding: 0.75em;
  }

  .manual-title,
  .preview-title {
    font-weight: 600;
  }

  .pattern-field {
    align-content: start;
  }

  .pattern-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr));
    gap: 0.9em;
  }

  .problems {
    display: grid;
    gap: 0.2em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }

  .problems li {
    font-size: inherit;
  }

  .field-warning {
    color: var(--_warning);
  }

  .problem-line {
    font-weight: 600;
  }

  /* Totals */

  .totals {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.9em;
    padding: 0.6em 0.75em;
    border-top: 1px solid var(--_border);
    background: var(--_surface-raised);
  }

  .totals-text {
    flex: 1 1 14em;
  }

  .count-progress {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  progress {
    width: 8em;
    accent-color: var(--_accent);
  }

  /* Preview */

  .preview {
    display: grid;
    gap: 0.5em;
    padding: 0.6em 0.75em 0.75em;
    border-top: 1px solid var(--_border);
  }

  .preview-unlisted {
    display: block;
    color: var(--_text-muted);
  }

  .preview-list {
    max-height: var(--_preview-max-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  .preview-row {
    gap: 0.75em;
    padding-inline: 0.6em;
  }

  .preview-row .name {
    font-family: var(--_mono);
    font-size: 0.9em;
  }

  /* Narrow screens */

  @container (max-width: 34rem) {
    .body,
    .preview {
      --_size-width: 4.8em;
    }

    input.filter {
      flex-basis: 100%;
    }

    .toolbar-line button {
      padding-inline: 0.7em;
    }

    .row {
      padding-inline-end: 0.5em;
    }

    /* The notice above the tree explains a failure; the row keeps the sign and Retry. */
    .status.failed .status-text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
`;
