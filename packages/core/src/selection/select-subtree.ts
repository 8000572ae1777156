import type { FolderNode } from './folder-node.js';

/**
 * Selects or unselects everything below a listed folder: its files, its listed subfolders and its
 * never-listed subfolders as a whole. Iterative (paths can be hundreds of levels deep) and
 * O(size of the subtree); ancestors receive one delta at the end.
 */
export function selectSubtree(top: FolderNode, selected: boolean): void {
  const before = top.totals.copy();
  const flag = selected ? 1 : 0;
  const pending = [top];
  for (let node = pending.pop(); node; node = pending.pop()) {
    node.fileSelected.fill(flag);
    node.directSelectedFiles = selected ? node.fileKeys.length : 0;
    node.totals.selectAll(selected);
    for (const child of node.folders) {
      if (child.listed) {
        pending.push(child);
      } else {
        child.selected = selected;
        child.totals.selectAll(selected);
      }
    }
  }
  top.propagateChangeSince(before);
}
