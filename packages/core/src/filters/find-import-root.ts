import type { FolderView } from '../selection/folder-node.js';
import { EmptySelectionError } from './filter-errors.js';

/**
 * The deepest folder that contains the whole selection, which becomes the import's source: the
 * deeper the source, the fewer keys the filters must exclude.
 *
 * The importer filters on `key[len(source):].lstrip('/')` and strips the source's trailing `/`, so a
 * source whose last segment is empty (`a//`) or that has an empty-named subfolder (`a/` with keys
 * `a//…`) would make some keys lose their leading slash; the root moves up until neither happens.
 *
 * Moving up retraces the way down instead of following `parent`, so `top` may be a view whose
 * folders are shared with another tree (the shard planner's restricted views are).
 * @throws {EmptySelectionError} when nothing is selected.
 */
export function findImportRoot(top: FolderView): FolderView {
  if (top.totals.selectedLeaves === 0) throw new EmptySelectionError();
  const way = [top];
  for (let root = top; root.listed && root.directSelectedFiles === 0; ) {
    const only = onlyFolderWithSelection(root);
    if (!only) break;
    way.push(only);
    root = only;
  }
  while (way.length > 1 && needsParentAsRoot(way[way.length - 1])) way.pop();
  return way[way.length - 1];
}

/** Whether the folder holds a subfolder with an empty name, i.e. keys starting with `<folder>/`. */
export function hasEmptyNamedFolder(folder: FolderView): boolean {
  const emptyNamed = `${folder.path}/`;
  return folder.listed && folder.folders.some((child) => child.path === emptyNamed);
}

/** The single subfolder holding selected leaves, or undefined when there are none or several. */
function onlyFolderWithSelection(folder: FolderView): FolderView | undefined {
  let only: FolderView | undefined;
  for (const child of folder.folders) {
    if (child.totals.selectedLeaves === 0) continue;
    if (only) return undefined;
    only = child;
  }
  return only;
}

function needsParentAsRoot(folder: FolderView): boolean {
  return folder.path === '/' || folder.path.endsWith('//') || hasEmptyNamedFolder(folder);
}
