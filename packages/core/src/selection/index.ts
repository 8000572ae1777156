export { compareCodePoints } from './compare-code-points.js';
export type { FolderView } from './folder-node.js';
export { isFolderPath, parentFolderOf } from './folder-path.js';
export {
  SelectionTree,
  type CheckState,
  type FolderCount,
  type S3FileEntry,
  type SelectionStats,
} from './selection-tree.js';
export { SelectionTreeError, type SelectionTreeErrorKind } from './selection-tree-error.js';
export type { SubtreeTotalsView } from './subtree-totals.js';
export { visibleRows, type FolderChildren, type TreeRow, type VisibleRowsOptions } from './visible-rows.js';
