import { applyListing } from './apply-listing.js';
import { checkFolderCount } from './check-input.js';
import { FolderNode, type FolderView } from './folder-node.js';
import { isFolderPath } from './folder-path.js';
import { loadKeys } from './load-keys.js';
import { selectSubtree } from './select-subtree.js';
import { SelectionTreeError } from './selection-tree-error.js';

/** One S3 object; `key` is RELATIVE to the source prefix. */
export interface S3FileEntry {
  key: string;
  size: number;
}

/** Tick state of a row: folders are `mixed` when only part of what they contain is selected. */
export type CheckState = 'checked' | 'unchecked' | 'mixed';

/** What the current selection amounts to. */
export interface SelectionStats {
  /** Selected listed files plus the counted files of selected never-listed folders. */
  files: number;
  bytes: number;
  /** Selected folders whose contents were never listed. */
  unlistedFolders: number;
  /** Those of them without a count, whose files and bytes are missing from `files`/`bytes`. */
  uncountedFolders: number;
}

/** Recursive totals of a folder. */
export interface FolderCount {
  files: number;
  bytes: number;
}

interface FileLocation {
  folder: FolderNode;
  index: number;
}

/**
 * The user's selection over a lazily listed S3 prefix. Paths are relative to the source prefix:
 * folders end with `/`, the root is `''`, file keys never end with `/` (keys that do are folder
 * marker objects). A folder that was never listed is an opaque leaf: it can be selected as a whole,
 * and if it is listed later its children inherit that selection.
 *
 * Every folder keeps aggregate counters that are updated along the ancestor path, so `state()` and
 * `stats()` are O(1) and `setSelected` costs O(affected subtree + depth).
 *
 * @example
 * const tree = new SelectionTree();
 * tree.addListing('', [{ key: 'README.md', size: 10 }], ['data/']);
 * tree.setSelected('data/', true);                  // selected as a whole, not listed yet
 * tree.addListing('data/', [{ key: 'data/a.csv', size: 5 }], []);
 * tree.state('data/a.csv');                         // 'checked' (inherited)
 * tree.state('');                                   // 'mixed'
 */
export class SelectionTree {
  readonly #folders = new Map<string, FolderNode>();
  readonly #root = new FolderNode('', undefined);
  #version = 0;
  /** Folder of the last file looked up: runs of lookups in one folder (ticking files) skip the map. */
  #recentFolder: FolderNode = this.#root;

  /** An empty tree whose root `''` exists but is not listed yet. */
  constructor() {
    this.#root.totals.setUnlistedLeaf(false, undefined);
    this.#folders.set('', this.#root);
  }

  /**
   * A fully listed tree from a complete recursive listing. Keys in S3 order (as ListObjectsV2
   * returns them) take the fast path; other orders are sorted. Keys ending with `/` create folders.
   * @throws {SelectionTreeError} `invalid-entry` or `duplicate-key`.
   */
  static fromKeys(entries: Iterable<S3FileEntry>): SelectionTree {
    const tree = new SelectionTree();
    loadKeys(tree.#root, tree.#folders, entries);
    return tree;
  }

  /** Increments on every change, so views can cache what they derive from the tree. */
  get version(): number {
    return this.#version;
  }

  /** Read-only access to the folder structure, for code that walks very large trees. */
  get rootFolder(): FolderView {
    return this.#root;
  }

  /**
   * Records the one-level listing of a folder that is known but not listed yet.
   * @param folder `''` or a path ending with `/` whose parent is listed.
   * @param files the objects directly inside `folder` (its own marker object is ignored).
   * @param folders the subfolders directly inside `folder`, ending with `/`.
   * @throws {SelectionTreeError} `unknown-path`, `already-listed`, `invalid-entry` or `duplicate-key`.
   */
  addListing(folder: string, files: S3FileEntry[], folders: string[]): void {
    const node = this.#folder(folder);
    if (node.listed) {
      throw new SelectionTreeError(
        'already-listed',
        `${JSON.stringify(folder)} is already listed; build a new SelectionTree to refresh a listing.`,
      );
    }
    applyListing(node, files, folders, this.#folders);
    this.#version++;
  }

  /**
   * Selects or unselects a file, or a folder with everything below it (`''` = everything).
   * @throws {SelectionTreeError} `unknown-path` when the path is not in the tree.
   */
  setSelected(path: string, selected: boolean): void {
    if (isFolderPath(path)) {
      const node = this.#folder(path);
      if (node.listed) {
        selectSubtree(node, selected);
      } else if (node.selected !== selected) {
        const before = node.totals.copy();
        node.selected = selected;
        node.totals.selectAll(selected);
        node.propagateChangeSince(before);
      }
    } else {
      const { folder, index } = this.#file(path);
      if (folder.isFileSelected(index) !== selected) {
        folder.fileSelected[index] = selected ? 1 : 0;
        const sign = selected ? 1 : -1;
        folder.directSelectedFiles += sign;
        const size = folder.fileSizes[index];
        for (let node: FolderNode | undefined = folder; node; node = node.parent) {
          node.totals.selectedLeaves += sign;
          node.totals.selectedFiles += sign;
          node.totals.selectedBytes += sign * size;
        }
      }
    }
    this.#version++;
  }

  /**
   * Tick state of a file or folder. Listed folders are `checked` when every file and never-listed
   * folder below them is selected, `mixed` when some are, and `unchecked` otherwise (also when empty).
   * @throws {SelectionTreeError} `unknown-path`.
   */
  state(path: string): CheckState {
    if (!isFolderPath(path)) {
      const { folder, index } = this.#file(path);
      return folder.isFileSelected(index) ? 'checked' : 'unchecked';
    }
    const node = this.#folder(path);
    if (!node.listed) return node.selected ? 'checked' : 'unchecked';
    const { leaves, selectedLeaves } = node.totals;
    if (selectedLeaves === 0) return 'unchecked';
    return selectedLeaves === leaves ? 'checked' : 'mixed';
  }

  /** Totals of the whole selection, in O(1). */
  stats(): SelectionStats {
    const totals = this.#root.totals;
    return {
      files: totals.selectedFiles,
      bytes: totals.selectedBytes,
      unlistedFolders: totals.selectedUnlistedFolders,
      uncountedFolders: totals.selectedUncountedFolders,
    };
  }

  /**
   * Records the recursive totals of a folder (the result of counting it in S3). For a never-listed
   * folder they feed `stats()`; for a listed one they are kept as its `folderCount` while some of its
   * subfolders are still uncounted.
   * @throws {SelectionTreeError} `unknown-path` or `invalid-count`.
   */
  setFolderCount(folder: string, count: FolderCount): void {
    const node = this.#folder(folder);
    checkFolderCount(folder, count);
    node.count = { files: count.files, bytes: count.bytes };
    if (!node.listed) {
      const before = node.totals.copy();
      node.totals.setUnlistedLeaf(node.selected, node.count);
      node.propagateChangeSince(before);
    }
    this.#version++;
  }

  /**
   * Known recursive totals of a folder: summed from its listed subtree when every never-listed folder
   * below it has a count, otherwise the count given with `setFolderCount`, otherwise `undefined`.
   * @throws {SelectionTreeError} `unknown-path`.
   */
  folderCount(folder: string): FolderCount | undefined {
    const node = this.#folder(folder);
    if (node.listed && node.totals.uncountedFolders === 0) return { files: node.totals.files, bytes: node.totals.bytes };
    return node.count && { ...node.count };
  }

  /** Whether `folder` is known and its contents were listed. */
  isListed(folder: string): boolean {
    return this.#folders.get(folder)?.listed ?? false;
  }

  /** Whether `path` (a file key or a folder path) is known to the tree. */
  has(path: string): boolean {
    return isFolderPath(path) ? this.#folders.has(path) : this.#locateFile(path) !== undefined;
  }

  /** Whether `path` is a known folder. */
  isFolder(path: string): boolean {
    return this.#folders.has(path);
  }

  /**
   * The direct contents of a listed folder, in S3 order (UTF-8 byte order).
   * @throws {SelectionTreeError} `unknown-path` or `not-listed`.
   */
  children(folder: string): { folders: string[]; files: S3FileEntry[] } {
    const node = this.#folder(folder);
    if (!node.listed) {
      throw new SelectionTreeError(
        'not-listed',
        `${JSON.stringify(folder)} has not been listed yet; call addListing with its contents first.`,
      );
    }
    return {
      folders: node.folders.map((child) => child.path),
      files: node.fileKeys.map((key, index) => ({ key, size: node.fileSizes[index] })),
    };
  }

  /** Keys of the selected listed files, folder by folder. */
  *selectedKeys(): Iterable<string> {
    for (const node of this.#foldersWithSelection()) {
      if (node.directSelectedFiles === 0) continue;
      for (let index = 0; index < node.fileKeys.length; index++) {
        if (node.isFileSelected(index)) yield node.fileKeys[index];
      }
    }
  }

  /** Paths of the selected folders that were never listed (everything under them is selected). */
  *selectedUnlistedFolders(): Iterable<string> {
    for (const node of this.#foldersWithSelection()) {
      for (const child of node.folders) {
        if (!child.listed && child.selected) yield child.path;
      }
    }
    if (!this.#root.listed && this.#root.selected) yield '';
  }

  /** Listed folders that have something selected below them, depth first. */
  *#foldersWithSelection(): Iterable<FolderNode> {
    const pending = this.#root.listed ? [this.#root] : [];
    for (let node = pending.pop(); node; node = pending.pop()) {
      yield node;
      for (let index = node.folders.length - 1; index >= 0; index--) {
        const child = node.folders[index];
        if (child.listed && child.totals.selectedLeaves > 0) pending.push(child);
      }
    }
  }

  #folder(path: string): FolderNode {
    const node = this.#folders.get(path);
    if (!node) {
      throw new SelectionTreeError(
        'unknown-path',
        `The folder ${JSON.stringify(path)} is not in the tree: list its parent folder first (paths are relative to the source prefix and folders end with "/").`,
      );
    }
    return node;
  }

  #file(key: string): FileLocation {
    const location = this.#locateFile(key);
    if (!location) {
      throw new SelectionTreeError(
        'unknown-path',
        `The file ${JSON.stringify(key)} is not in the tree: list its folder first (keys are relative to the source prefix).`,
      );
    }
    return location;
  }

  #locateFile(key: string): FileLocation | undefined {
    const folder = this.#folderOfFile(key);
    if (!folder?.listed) return undefined;
    this.#recentFolder = folder;
    const index = folder.indexOfFile(key);
    return index === -1 ? undefined : { folder, index };
  }

  #folderOfFile(key: string): FolderNode | undefined {
    const recent = this.#recentFolder.path;
    if (key.startsWith(recent) && key.indexOf('/', recent.length) === -1) return this.#recentFolder;
    return this.#folders.get(key.slice(0, key.lastIndexOf('/') + 1));
  }
}
