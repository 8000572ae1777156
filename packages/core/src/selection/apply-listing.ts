import { checkFileEntry } from './check-input.js';
import { compareCodePoints } from './compare-code-points.js';
import { FolderNode } from './folder-node.js';
import { orderFiles } from './order-files.js';
import { SelectionTreeError } from './selection-tree-error.js';
import type { S3FileEntry } from './selection-tree.js';

/**
 * Turns a never-listed folder into a listed one. Its new children inherit the selection the folder
 * had as a whole (a folder ticked before it was opened stays ticked), and the change of its totals is
 * carried up to the root.
 */
export function applyListing(
  node: FolderNode,
  files: readonly S3FileEntry[],
  folders: readonly string[],
  registry: Map<string, FolderNode>,
): void {
  const { fileKeys, fileSizes, folderPaths } = splitListing(node.path, files, folders);
  const ordered = orderFiles(node.path, fileKeys, fileSizes);
  const inherited = node.selected;
  const before = node.totals.copy();

  node.listed = true;
  node.fileKeys = ordered.keys;
  node.fileSizes = ordered.sizes;
  node.fileSelected = new Uint8Array(ordered.keys.length).fill(inherited ? 1 : 0);
  node.directBytes = ordered.sizes.reduce((sum, size) => sum + size, 0);
  node.directSelectedFiles = inherited ? ordered.keys.length : 0;
  node.totals.setDirectFiles(ordered.keys.length, node.directBytes);
  node.totals.selectAll(inherited);
  node.folders = [];
  for (const path of folderPaths) {
    const child = new FolderNode(path, node);
    child.selected = inherited;
    child.totals.setUnlistedLeaf(inherited, undefined);
    node.totals.add(child.totals, 1);
    node.folders.push(child);
    registry.set(path, child);
  }
  node.propagateChangeSince(before);
}

interface SplitListing {
  fileKeys: string[];
  fileSizes: number[];
  folderPaths: string[];
}

/**
 * Validates a one-level listing of `folder` and separates real files from folder marker keys
 * (keys ending with `/`, which stand for folders, not files).
 */
function splitListing(folder: string, files: readonly S3FileEntry[], folders: readonly string[]): SplitListing {
  const fileKeys: string[] = [];
  const fileSizes: number[] = [];
  const folderPaths = new Set<string>();
  for (const entry of files) {
    checkFileEntry(entry);
    if (entry.key === folder) continue; // the folder's own marker object
    if (childNameEnd(folder, entry.key) === -1) {
      fileKeys.push(entry.key);
      fileSizes.push(entry.size);
    } else {
      folderPaths.add(entry.key);
    }
  }
  for (const path of folders) {
    if (typeof path !== 'string' || !path.endsWith('/') || childNameEnd(folder, path) !== path.length - 1) {
      throw new SelectionTreeError(
        'invalid-entry',
        `${JSON.stringify(path)} is not a folder directly inside ${JSON.stringify(folder)}: pass subfolder paths relative to the source prefix, ending with "/".`,
      );
    }
    folderPaths.add(path);
  }
  return { fileKeys, fileSizes, folderPaths: [...folderPaths].sort((a, b) => compareCodePoints(a, b)) };
}

/**
 * Index of the first `/` after `folder` in `path` (-1 when `path` names a file directly inside it).
 * Throws when `path` is not directly inside `folder`.
 */
function childNameEnd(folder: string, path: string): number {
  const slash = path.indexOf('/', folder.length);
  const direct = path.startsWith(folder) && (slash === -1 || slash === path.length - 1);
  if (!direct) {
    throw new SelectionTreeError(
      'invalid-entry',
      `${JSON.stringify(path)} is not directly inside ${JSON.stringify(folder)}: a listing holds one level, with keys relative to the source prefix.`,
    );
  }
  return slash;
}
