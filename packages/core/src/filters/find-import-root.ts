import type { FolderView } from '../selection/folder-node.js';
import { EmptySelectionError } from './filter-errors.js';

/**
 * The deepest folder that contains the whole selection, which becomes the import's source: the
 * deeper the source, the fewer keys the filters must exclude.
 *
 * The importer filters on `key[len(source):].lstrip('/')` and strips the source's trailing `/`, so a
 * source whose last segment is empty (`a//`) or that has an empty-named subfolder (`a/` with keys
 * `a//…`) would make some keys lose their leading slash; the root moves up until neither happens.
 * @throws {EmptySelectionError} when nothing is selected.
 */
export function findImportRoot(top: FolderView): FolderView {
  if (top.totals.selectedLeaves === 0) throw new EmptySelectionError();
  let root = top;
  while (root.listed && root.directSelectedFiles === 0) {
    const withSelection = root.folders.filter((child) => child.totals.selectedLeaves > 0);
    if (withSelection.length !== 1) break;
    root = withSelection[0];
  }
  while (root.parent && (endsWithEmptySegment(root.path) || hasEmptyNamedFolder(root))) root = root.parent;
  return root;
}

/** Whether the folder holds a subfolder with an empty name, i.e. keys starting with `<folder>/`. */
export function hasEmptyNamedFolder(folder: FolderView): boolean {
  const emptyNamed = `${folder.path}/`;
  return folder.listed && folder.folders.some((child) => child.path === emptyNamed);
}

function endsWithEmptySegment(path: string): boolean {
  return path === '/' || path.endsWith('//');
}
