import type { ImportFilters } from '../filters/import-filters.js';
import type { SelectionStats, SelectionTree } from '../selection/selection-tree.js';

/** How the files to import are chosen: ticked in a tree, or typed as patterns. */
export type ImportSelectionMode = 'tree' | 'manual';

/**
 * What a selection UI (such as `<s3-tree>`) hands to the import: the compiled filters and, when
 * the files were ticked in a listing, their totals. Plain data, so any UI can produce it.
 */
export interface ImportSelection {
  mode: ImportSelectionMode;
  /** Totals of the ticked files and folders; undefined in manual mode, where sizes are unknown. */
  stats?: SelectionStats;
  /** What `hf buckets import` needs to copy exactly the selection; undefined while nothing valid is selected. */
  filters?: ImportFilters;
  /** Why `filters` is undefined, in words for the user. */
  problem?: string;
  /**
   * The tree the files were ticked in (tree mode only), for planning a split into several Jobs
   * (`planImportShards`). A live reference to read, not to change: it is the selection UI's model.
   */
  tree?: SelectionTree;
}
