import type { S3FileEntry } from './selection-tree.js';

/** The direct contents of a listed folder, as `SelectionTree.children` returns them. */
export interface FolderChildren {
  folders: readonly string[];
  files: readonly S3FileEntry[];
}

/** One row of a tree view: a file or folder with its place among the rows shown. */
export interface TreeRow {
  /** File key or folder path (ending with `/`), relative to the source prefix. */
  path: string;
  /** Last segment of the path, without the folder's trailing `/` (may be empty: S3 allows `a//b`). */
  name: string;
  kind: 'folder' | 'file';
  /** 1 for the entries of the root folder (`aria-level`). */
  level: number;
  /** 1-based position among the siblings shown (`aria-posinset`). */
  posInSet: number;
  /** Number of siblings shown (`aria-setsize`). */
  setSize: number;
  /** Byte size of a file; undefined for folders. */
  size: number | undefined;
  /** For folders: whether their rows follow (open and listed). Always false for files. */
  expanded: boolean;
  /** Whether the name contains the filter text (false without a filter). */
  match: boolean;
}

/** What decides which rows are shown; see {@link visibleRows}. */
export interface VisibleRowsOptions {
  /** Folders the user opened. */
  expanded: ReadonlySet<string>;
  /** Case-insensitive text searched in names; empty or absent shows every row. */
  filter?: string;
  /**
   * While filtering, folders with matches inside open by themselves; these are the ones the user
   * closed again during this filter.
   */
  collapsed?: ReadonlySet<string>;
}

/**
 * Flattens the open part of a lazily listed tree into the rows a view shows, in display order:
 * each folder's subfolders first, then its files, both in S3 order. A folder's rows follow it when
 * it is open and listed (`childrenOf` returns undefined for folders not listed yet).
 *
 * With a filter, only loaded rows are searched: a row is shown when its name matches, when it is a
 * folder with a match somewhere inside (such folders open by themselves so that matches stay
 * visible with their ancestors), or when it lies inside a matching folder, which then browses as
 * usual. `posInSet`/`setSize` count the siblings that are shown, so a virtualized view can put them
 * on the rows it renders.
 *
 * @example
 * const rows = visibleRows((folder) => (tree.isListed(folder) ? tree.children(folder) : undefined), {
 *   expanded: new Set(['data/']),
 * });
 */
export function visibleRows(
  childrenOf: (folder: string) => FolderChildren | undefined,
  options: VisibleRowsOptions,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const query = options.filter?.toLowerCase() ?? '';
  const collapsed = options.collapsed ?? new Set<string>();
  const matchInside = new Map<string, boolean>();
  const matches = (name: string) => query !== '' && name.toLowerCase().includes(query);

  // Memoised, because every folder on the way down asks about its subfolders again.
  const hasMatchInside = (folder: string): boolean => {
    let known = matchInside.get(folder);
    if (known === undefined) {
      const children = childrenOf(folder);
      known =
        children !== undefined &&
        (children.files.some((file) => matches(nameOf(folder, file.key))) ||
          children.folders.some((child) => matches(nameOf(folder, child)) || hasMatchInside(child)));
      matchInside.set(folder, known);
    }
    return known;
  };

  const isOpen = (folder: string): boolean => {
    if (query !== '' && hasMatchInside(folder)) return !collapsed.has(folder);
    return options.expanded.has(folder);
  };

  const addLevel = (folder: string, level: number, insideMatch: boolean): void => {
    const children = childrenOf(folder);
    if (!children) return;
    // Without a filter (or inside a matching folder) every child is shown: no copies, no tests.
    const everything = query === '' || insideMatch;
    const folders = everything
      ? children.folders
      : children.folders.filter((path) => matches(nameOf(folder, path)) || hasMatchInside(path));
    const files = everything ? children.files : children.files.filter((file) => matches(nameOf(folder, file.key)));
    const setSize = folders.length + files.length;
    let posInSet = 0;
    for (const path of folders) {
      const name = nameOf(folder, path);
      const match = matches(name);
      const expanded = childrenOf(path) !== undefined && isOpen(path);
      rows.push({ path, name, kind: 'folder', level, posInSet: ++posInSet, setSize, size: undefined, expanded, match });
      if (expanded) addLevel(path, level + 1, insideMatch || match);
    }
    for (let index = 0; index < files.length; index++) {
      const { key, size } = files[index];
      const name = key.slice(folder.length);
      rows.push({ path: key, name, kind: 'file', level, posInSet: ++posInSet, setSize, size, expanded: false, match: matches(name) });
    }
  };

  addLevel('', 1, false);
  return rows;
}

/** The name of a direct child of `folder`: its path after the folder, without a trailing `/`. */
function nameOf(folder: string, path: string): string {
  return path.endsWith('/') ? path.slice(folder.length, -1) : path.slice(folder.length);
}
