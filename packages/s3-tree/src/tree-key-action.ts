import type { TreeRow } from '@s3-to-hf/core/selection';

/** What a key press on the focused row asks for; indices are into the visible rows. */
export type TreeKeyAction =
  | { type: 'focus'; index: number }
  | { type: 'expand'; index: number }
  | { type: 'collapse'; index: number }
  | { type: 'toggle-expanded'; index: number }
  | { type: 'toggle-checked'; index: number }
  | { type: 'cancel'; index: number };

/**
 * The WAI-ARIA tree view keyboard pattern over a flat list of visible rows: Up/Down move, Right
 * opens a closed folder or moves into an open one, Left closes an open folder or moves to the
 * parent, Home/End jump, PageUp/PageDown move by `pageSize` rows, Space ticks, Enter opens or
 * closes a folder, and Escape cancels the focused folder's listing.
 * @returns undefined for keys the tree does not handle (the browser keeps their default).
 */
export function treeKeyAction(key: string, rows: readonly TreeRow[], index: number, pageSize: number): TreeKeyAction | undefined {
  const row = rows[index];
  if (!row) return rows.length > 0 ? { type: 'focus', index: 0 } : undefined;
  const last = rows.length - 1;
  const focus = (target: number): TreeKeyAction => ({ type: 'focus', index: Math.min(last, Math.max(0, target)) });
  switch (key) {
    case 'ArrowDown':
      return focus(index + 1);
    case 'ArrowUp':
      return focus(index - 1);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(last);
    case 'PageDown':
      return focus(index + Math.max(1, pageSize));
    case 'PageUp':
      return focus(index - Math.max(1, pageSize));
    case 'ArrowRight':
      if (row.kind !== 'folder') return undefined;
      if (!row.expanded) return { type: 'expand', index };
      return rows[index + 1]?.level === row.level + 1 ? focus(index + 1) : undefined;
    case 'ArrowLeft': {
      if (row.kind === 'folder' && row.expanded) return { type: 'collapse', index };
      const parent = parentIndex(rows, index);
      return parent === undefined ? undefined : focus(parent);
    }
    case ' ':
      return { type: 'toggle-checked', index };
    case 'Enter':
      return row.kind === 'folder' ? { type: 'toggle-expanded', index } : undefined;
    case 'Escape':
      return row.kind === 'folder' ? { type: 'cancel', index } : undefined;
    default:
      return undefined;
  }
}

/** Index of the row's parent folder: the nearest row above it one level up. */
function parentIndex(rows: readonly TreeRow[], index: number): number | undefined {
  const level = rows[index].level;
  for (let candidate = index - 1; candidate >= 0; candidate--) {
    if (rows[candidate].level < level) return candidate;
  }
  return undefined;
}
