import { html, nothing, type TemplateResult } from 'lit';
import type { S3Error } from '@s3-to-hf/core/s3';
import type { CheckState, TreeRow } from '@s3-to-hf/core/selection';
import { styleMap } from 'lit/directives/style-map.js';
import { errorTitle } from './describe-error.js';
import { formatCount, visibleName } from './format-count.js';
import { chevronIcon, fileIcon, folderIcon, warningIcon } from './icons.js';

/** Everything one tree row shows. */
export interface TreeRowView {
  row: TreeRow;
  /** Position in the visible rows, which places the row (`top = index × row height`). */
  index: number;
  /** The row in the tab order (roving tabindex). */
  active: boolean;
  state: CheckState;
  /** Entries listed so far while the folder is being listed; undefined otherwise. */
  listing: number | undefined;
  failure: S3Error | undefined;
  /** A listed folder without any entry. */
  empty: boolean;
  /** The size column's text. */
  size: string;
}

const ARIA_CHECKED: Record<CheckState, string> = { checked: 'true', mixed: 'mixed', unchecked: 'false' };

/**
 * One `treeitem`. Its pieces carry `data-action` so one click listener on the tree knows what was
 * hit; the check box is drawn (the state is on the row as `aria-checked`, so nothing in the row
 * needs its own focus).
 */
export function renderTreeRow(view: TreeRowView): TemplateResult {
  const { row, state, listing, failure } = view;
  const folder = row.kind === 'folder';
  const parts = [
    'row',
    folder ? 'row-folder' : 'row-file',
    state === 'checked' ? 'row-checked' : state === 'mixed' ? 'row-mixed' : '',
    listing !== undefined ? 'row-loading' : '',
    failure ? 'row-failed' : '',
  ].filter(Boolean);
  return html`
    <div
      class="row"
      part=${parts.join(' ')}
      role="treeitem"
      tabindex=${view.active ? '0' : '-1'}
      aria-level=${row.level}
      aria-setsize=${row.setSize}
      aria-posinset=${row.posInSet}
      aria-expanded=${folder ? (row.expanded ? 'true' : 'false') : nothing}
      aria-checked=${ARIA_CHECKED[state]}
      aria-busy=${listing !== undefined ? 'true' : nothing}
      data-path=${row.path}
      style=${styleMap({ '--index': String(view.index), '--level': String(row.level - 1) })}
    >
      <span class="toggle" part="toggle" data-action="toggle" aria-hidden="true">${folder ? chevronIcon : nothing}</span>
      <span class="check-hit" data-action="check" aria-hidden="true"><span class="checkbox" part="checkbox"></span></span>
      <span class="icon" aria-hidden="true">${folder ? folderIcon : fileIcon}</span>
      <span class="name ${row.name === '' ? 'unnamed' : ''} ${row.match ? 'match' : ''}" part="name" data-action="name" title=${row.path}
        >${row.name === '' ? '(empty name)' : visibleName(row.name)}</span
      >
      ${renderStatus(view)}
      <span class="size" part="size">${view.size}</span>
    </div>
  `;
}

function renderStatus({ listing, failure, empty, row }: TreeRowView): TemplateResult | typeof nothing {
  if (listing !== undefined) {
    return html`<span class="status" part="status">
      <span class="spinner" aria-hidden="true"></span>${listing > 0 ? `${formatCount(listing)} listed…` : 'Listing…'}
      <button type="button" class="link" tabindex="-1" data-action="cancel">Cancel</button>
    </span>`;
  }
  if (failure) {
    return html`<span class="status failed" part="status" title=${failure.message}>
      ${warningIcon}<span class="status-text">${errorTitle(failure)}</span>
      <button type="button" class="link" tabindex="-1" data-action="retry">Retry</button>
    </span>`;
  }
  if (empty && row.expanded) return html`<span class="status muted" part="status">empty</span>`;
  return nothing;
}
