import type { FolderView } from '../selection/folder-node.js';
import type { SelectionTree } from '../selection/selection-tree.js';
import { LeadingSlashKeysError } from './filter-errors.js';
import { findImportRoot, hasEmptyNamedFolder } from './find-import-root.js';
import type { ImportFilters } from './import-filters.js';
import { minimalPatterns } from './minimal-patterns.js';

/*
 * Why this vocabulary. The import must copy exactly the selected listed files and everything under
 * the selected never-listed folders: keys we have never seen are only known to live under some
 * folder. So patterns come in two kinds only:
 *   - exact file patterns, the escaped relative key (matches that key and nothing else), and
 *   - folder patterns, `escaped/folder/*` (`*` for the root), matching every key below the folder,
 *     known or not, because fnmatch's `*` crosses `/`.
 * Wider globs (`*.csv`, `data-?/*`) could sometimes be shorter, but whether they are exact depends
 * on keys we have not listed; these two kinds are exact by construction.
 *
 * Why this dynamic program. The importer copies a key when no exclude matches it and, if any include
 * was given, some include does. Walking down the tree, all that matters about the patterns above a
 * node is whether an include folder pattern covers it ("covered"). Per folder the useful choices are:
 * nothing; include `folder/*` (only when uncovered); exclude `folder/*` (only when nothing below is
 * selected, since excludes win). A file or never-listed folder costs one pattern when it is selected
 * and uncovered (include) or unselected and covered (exclude), else nothing. So
 *   f(folder, covered) = min over those choices of the sum of f(children, covered')
 * and the answer is the cheaper of two modes: "exclude only" (no include at all, so the root is
 * covered: everything is imported unless excluded) and "include" (the root uncovered; it always ends
 * up with at least one include because something is selected). Nested includes, includes under
 * excludes and excludes of uncovered keys never help, so the optimum within the vocabulary is found.
 * Fully selected or unselected folders have closed-form prices, so only mixed folders are visited:
 * linear in the size of the selection's boundary, which keeps a million keys well under a second.
 *
 * Ties: (patterns, includes) is minimised lexicographically, then a folder pattern is preferred over
 * listing its contents, then both lists are sorted, so the result is deterministic.
 */

/**
 * Compiles a selection into the source folder and the fewest `--include`/`--exclude` patterns (within
 * exact-file and `folder/*` patterns) with which `hf buckets import` copies exactly that selection.
 * @throws {EmptySelectionError} when nothing is selected.
 * @throws {LeadingSlashKeysError} when the selection cannot be expressed because keys start with `/`.
 * @example
 * const tree = SelectionTree.fromKeys([{ key: 'data/a.csv', size: 1 }, { key: 'data/b.csv', size: 1 }]);
 * tree.setSelected('data/a.csv', true);
 * compileFilters(tree) // { root: 'data/', include: [], exclude: ['b.csv'] }
 */
export function compileFilters(tree: SelectionTree): ImportFilters {
  return compileFolderFilters(tree.rootFolder);
}

/**
 * {@link compileFilters} for any view of a selection, such as one shard's part of it (the shard
 * planner passes restricted views of the tree).
 * @internal
 */
export function compileFolderFilters(top: FolderView): ImportFilters {
  const root = findImportRoot(top);
  const { include, exclude } = minimalPatterns(root);
  // Only the bucket root can still hold `/`-prefixed keys here (findImportRoot moves other roots up).
  if (include.length + exclude.length > 0 && hasEmptyNamedFolder(root)) throw new LeadingSlashKeysError();
  return { root: root.path, include, exclude };
}
