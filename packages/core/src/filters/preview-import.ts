import { compareCodePoints } from '../selection/compare-code-points.js';
import type { S3FileEntry, SelectionTree } from '../selection/selection-tree.js';
import type { ImportFilters } from './import-filters.js';
import { matchesFilters } from './matches-filters.js';

/** What an import would copy among the keys listed so far; see {@link previewImport}. */
export interface ImportPreview {
  /** Listed files the filters import, in S3 order, keys relative to the source prefix. */
  files: S3FileEntry[];
  bytes: number;
  /**
   * Folders inside `filters.root` that were never listed: the preview cannot know their keys, and
   * the filters may import some or all of them.
   */
  neverListedFolders: string[];
}

/**
 * A dry run of an import over the keys a tree has listed: every listed key under `filters.root`
 * is matched the way `hf buckets import` matches it (relative to the root, leading slashes
 * stripped), so the result is exactly the listed part of what the import copies. Works for
 * compiled selections and for hand-written patterns alike.
 *
 * @example
 * const filters = compileFilters(tree);
 * const { files, bytes } = previewImport(tree, filters); // the files a Job would copy
 */
export function previewImport(tree: SelectionTree, filters: ImportFilters): ImportPreview {
  const preview: ImportPreview = { files: [], bytes: 0, neverListedFolders: [] };
  if (!tree.isFolder(filters.root)) return preview;
  const visit = (folder: string): void => {
    if (!tree.isListed(folder)) {
      preview.neverListedFolders.push(folder);
      return;
    }
    const { folders, files } = tree.children(folder);
    // Merging keeps the whole preview in S3 order without sorting it afterwards.
    let next = 0;
    for (const file of files) {
      while (next < folders.length && compareCodePoints(folders[next], file.key, folder.length) < 0) visit(folders[next++]);
      const relative = file.key.slice(filters.root.length).replace(/^\/+/, '');
      if (matchesFilters(relative, filters)) {
        preview.files.push(file);
        preview.bytes += file.size;
      }
    }
    while (next < folders.length) visit(folders[next++]);
  };
  visit(filters.root);
  return preview;
}
