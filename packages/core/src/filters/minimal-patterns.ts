import type { FolderView } from '../selection/folder-node.js';
import { escapeGlob } from './escape-glob.js';

/** Include and exclude patterns, relative to the import root. */
export interface PatternLists {
  include: string[];
  exclude: string[];
}

/** How much of a folder is selected: `empty` folders hold no file and no never-listed folder. */
type Coverage = 'empty' | 'none' | 'all' | 'mixed';

/**
 * Cheapest pattern counts for a folder whose selection is mixed, as (patterns, includes) pairs
 * compared lexicographically.
 */
interface FolderPlan {
  /** When no include above covers the folder. */
  uncoveredPatterns: number;
  uncoveredIncludes: number;
  /** Whether that cheapest way starts with including `folder/*`. */
  includeFolder: boolean;
  /** When an include above covers the folder (only excludes are then useful). */
  coveredPatterns: number;
}

/**
 * The fewest patterns that import exactly the selection below `root` (see `compileFilters` for the
 * reasoning). Runs in O(mixed folders + their direct children); fully selected or unselected folders
 * are priced in O(1) from their totals.
 */
export function minimalPatterns(root: FolderView): PatternLists {
  if (coverage(root) !== 'mixed') return { include: [], exclude: [] };
  const plans = planMixedFolders(root);
  const rootPlan = plans.get(root) as FolderPlan;
  // No include at all (everything is imported unless excluded) wins ties: it has zero includes.
  const excludeOnly = rootPlan.coveredPatterns <= rootPlan.uncoveredPatterns;
  return emitPatterns(root, plans, excludeOnly);
}

function coverage(folder: FolderView): Coverage {
  const { leaves, selectedLeaves } = folder.totals;
  if (leaves === 0) return 'empty';
  if (selectedLeaves === 0) return 'none';
  return selectedLeaves === leaves ? 'all' : 'mixed';
}

/** Bottom-up over the mixed folders (iteratively: paths can be hundreds of levels deep). */
function planMixedFolders(root: FolderView): Map<FolderView, FolderPlan> {
  const preorder: FolderView[] = [];
  const pending = [root];
  for (let folder = pending.pop(); folder; folder = pending.pop()) {
    preorder.push(folder);
    for (const child of folder.folders) if (coverage(child) === 'mixed') pending.push(child);
  }
  const plans = new Map<FolderView, FolderPlan>();
  for (let index = preorder.length - 1; index >= 0; index--) {
    const folder = preorder[index];
    const selectedFiles = folder.directSelectedFiles;
    // Uncovered: each selected file needs its own include. Covered: each unselected one an exclude.
    let uncoveredPatterns = selectedFiles;
    let uncoveredIncludes = selectedFiles;
    let coveredPatterns = folder.fileKeys.length - selectedFiles;
    for (const child of folder.folders) {
      const kind = coverage(child);
      if (kind === 'all') {
        uncoveredPatterns++;
        uncoveredIncludes++;
      } else if (kind === 'none') {
        coveredPatterns++;
      } else if (kind === 'mixed') {
        const plan = plans.get(child) as FolderPlan;
        uncoveredPatterns += plan.uncoveredPatterns;
        uncoveredIncludes += plan.uncoveredIncludes;
        coveredPatterns += plan.coveredPatterns;
      }
    }
    // Including `folder/*` costs one include plus the covered price. On equal pattern counts it also
    // has no more includes (the alternative needs at least one), and the folder pattern is preferred.
    const includeFolder = 1 + coveredPatterns <= uncoveredPatterns;
    plans.set(folder, {
      uncoveredPatterns: includeFolder ? 1 + coveredPatterns : uncoveredPatterns,
      uncoveredIncludes: includeFolder ? 1 : uncoveredIncludes,
      includeFolder,
      coveredPatterns,
    });
  }
  return plans;
}

/** Top-down: replays the chosen plan and writes the patterns, sorted. */
function emitPatterns(root: FolderView, plans: Map<FolderView, FolderPlan>, excludeOnly: boolean): PatternLists {
  const include: string[] = [];
  const exclude: string[] = [];
  const relative = (path: string): string => escapeGlob(path.slice(root.path.length));
  const folders = [root];
  const coveredFlags = [excludeOnly];
  for (let folder = folders.pop(); folder; folder = folders.pop()) {
    let covered = coveredFlags.pop() as boolean;
    if (!covered && (plans.get(folder) as FolderPlan).includeFolder) {
      include.push(`${relative(folder.path)}*`);
      covered = true;
    }
    const target = covered ? exclude : include;
    if (covered ? folder.directSelectedFiles < folder.fileKeys.length : folder.directSelectedFiles > 0) {
      for (let index = 0; index < folder.fileKeys.length; index++) {
        if (folder.isFileSelected(index) !== covered) target.push(relative(folder.fileKeys[index]));
      }
    }
    const stackedFrom = folders.length;
    for (const child of folder.folders) {
      const kind = coverage(child);
      if (kind === 'mixed') {
        folders.push(child);
        coveredFlags.push(covered);
      } else if (kind === (covered ? 'none' : 'all')) {
        target.push(`${relative(child.path)}*`);
      }
    }
    // Mixed children come off the stack in order, so the lists are built almost sorted and
    // sorting them costs little.
    reverseFrom(folders, stackedFrom);
    reverseFrom(coveredFlags, stackedFrom);
  }
  return { include: include.sort(), exclude: exclude.sort() };
}

/** Reverses `items[from..]` in place. */
function reverseFrom<T>(items: T[], from: number): void {
  for (let low = from, high = items.length - 1; low < high; low++, high--) {
    const item = items[low];
    items[low] = items[high];
    items[high] = item;
  }
}
