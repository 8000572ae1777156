import { checkFileEntry } from './check-input.js';
import { compareCodePoints } from './compare-code-points.js';
import { FolderNode } from './folder-node.js';
import { parentFolderOf } from './folder-path.js';
import { duplicateKeyError, orderFiles } from './order-files.js';
import type { S3FileEntry } from './selection-tree.js';

/**
 * Fills a fresh tree from a complete recursive listing (`SelectionTree.fromKeys`): every folder that
 * appears is listed. Built for a million keys: S3 returns keys in order, so a key usually lands in
 * the same folder as the previous one (no path slicing, no map lookup) and is appended after a
 * single order check; only folders that received keys out of order are sorted at the end. Totals
 * are summed bottom-up once instead of being propagated per key.
 */
export function loadKeys(root: FolderNode, registry: Map<string, FolderNode>, entries: Iterable<S3FileEntry>): void {
  const created: FolderNode[] = [root];
  const unorderedFiles = new Set<FolderNode>();
  const unorderedFolders = new Set<FolderNode>();
  root.listed = true;

  const ensureFolder = (path: string): FolderNode => {
    const missing: string[] = [];
    let candidate = path;
    let known = registry.get(candidate);
    while (!known) {
      missing.push(candidate);
      candidate = parentFolderOf(candidate);
      known = registry.get(candidate);
    }
    let parent: FolderNode = known;
    for (let index = missing.length - 1; index >= 0; index--) {
      const child = new FolderNode(missing[index], parent);
      child.listed = true;
      const siblings = parent.folders;
      if (siblings.length > 0 && compareCodePoints(siblings[siblings.length - 1].path, child.path, parent.path.length) > 0) {
        unorderedFolders.add(parent);
      }
      siblings.push(child);
      registry.set(child.path, child);
      created.push(child);
      parent = child;
    }
    return parent;
  };

  let folder = root;
  for (const entry of entries) {
    checkFileEntry(entry);
    const { key, size } = entry;
    const slash = key.lastIndexOf('/');
    if (slash === key.length - 1) {
      // A folder marker object: it makes the folder exist but is not a file.
      ensureFolder(key);
      continue;
    }
    if (slash + 1 !== folder.path.length || !key.startsWith(folder.path)) folder = ensureFolder(key.slice(0, slash + 1));
    const keys = folder.fileKeys;
    if (keys.length > 0) {
      const order = compareCodePoints(keys[keys.length - 1], key, folder.path.length);
      if (order === 0) throw duplicateKeyError(key);
      if (order > 0) unorderedFiles.add(folder);
    }
    keys.push(key);
    folder.fileSizes.push(size);
    folder.directBytes += size;
  }

  for (const unordered of unorderedFiles) {
    const ordered = orderFiles(unordered.path, unordered.fileKeys, unordered.fileSizes);
    unordered.fileKeys = ordered.keys;
    unordered.fileSizes = ordered.sizes;
  }
  for (const unordered of unorderedFolders) unordered.folders.sort((a, b) => compareCodePoints(a.path, b.path));
  for (const node of created) {
    node.fileSelected = new Uint8Array(node.fileKeys.length);
    node.totals.setDirectFiles(node.fileKeys.length, node.directBytes);
  }
  // Children were created after their parents, so walking backwards sums each subtree before its parent.
  for (let index = created.length - 1; index > 0; index--) created[index].parent?.totals.add(created[index].totals, 1);
}
