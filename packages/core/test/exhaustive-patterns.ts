// An independent, exhaustive optimum for the filter compiler's tests: every set of includes and
// excludes drawn from the pattern vocabulary, judged by what the real matcher does with probe
// keys, not by the tree's structure.
import { escapeGlob } from '../src/filters/escape-glob.js';
import { fnmatch } from '../src/filters/fnmatch.js';
import type { SelectionTree } from '../src/selection/selection-tree.js';
import { importRelativeKey } from './import-relative-key.js';
import { isSelectedInTree } from './selection-arbitraries.js';

/** Probe keys (relative paths as the importer sees them) and the vocabulary's patterns. */
export interface PatternVocabulary {
  /** Every pattern the compiler may use below the root: `folder/*` per folder, the exact key per file. */
  patterns: string[];
  probes: { key: string; relative: string; selected: boolean }[];
  /** Two probes reach the importer as the same path but differ in selection: no pattern set is exact. */
  conflicting: boolean;
}

/**
 * The vocabulary below `root` and its probes: every listed file below it, and two invented keys
 * below each never-listed folder (one of them hostile), each with the selection the tree gives it.
 * Keys the import of `root` would not list are not probes.
 */
export function vocabularyBelow(tree: SelectionTree, root: string): PatternVocabulary {
  const patterns = new Set<string>();
  const probes = new Map<string, { key: string; relative: string; selected: boolean }>();
  let conflicting = false;
  const addProbe = (key: string) => {
    const relative = importRelativeKey(root, key);
    if (relative === undefined) return;
    const selected = isSelectedInTree(tree, key);
    const known = probes.get(relative);
    if (known) conflicting ||= known.selected !== selected;
    else probes.set(relative, { key, relative, selected });
  };
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    patterns.add(`${escapeGlob(folder.slice(root.length))}*`);
    if (!tree.isListed(folder)) {
      addProbe(`${folder}x`);
      addProbe(`${folder}*?[/ ]`);
      continue;
    }
    const { files, folders } = tree.children(folder);
    for (const { key } of files) {
      patterns.add(escapeGlob(key.slice(root.length)));
      addProbe(key);
    }
    pending.push(...folders);
  }
  return { patterns: [...patterns], probes: [...probes.values()], conflicting };
}

/** Limits that keep one exhaustive search under about a million steps. */
export const EXHAUSTIVE_LIMITS = { patterns: 20, unselectedProbes: 18, probes: 30 };

/**
 * The fewest patterns of `vocabulary` (each usable as an include or as an exclude) with which the
 * importer copies exactly the selected probes; Infinity when no set does, undefined when the
 * vocabulary exceeds EXHAUSTIVE_LIMITS. Every include set is tried (2^patterns); for each, the
 * fewest excludes come from a table over the unselected probes, filled once by dynamic
 * programming over exclude sets and closed over supersets.
 */
export function fewestExactPatterns(vocabulary: PatternVocabulary): number | undefined {
  const { patterns, probes } = vocabulary;
  if (vocabulary.conflicting) return Infinity;
  const unselected = probes.filter((probe) => !probe.selected);
  if (patterns.length > EXHAUSTIVE_LIMITS.patterns || unselected.length > EXHAUSTIVE_LIMITS.unselectedProbes || probes.length > EXHAUSTIVE_LIMITS.probes) {
    return undefined;
  }
  // Two bit sets per pattern: the selected probes it matches, and the unselected ones.
  const selectedProbes = probes.filter((probe) => probe.selected);
  const bits = (list: typeof probes, pattern: string) =>
    list.reduce((mask, probe, index) => (fnmatch(probe.relative, pattern) ? mask | (1 << index) : mask), 0);
  const hitsSelected = patterns.map((pattern) => bits(selectedProbes, pattern));
  const hitsUnselected = patterns.map((pattern) => bits(unselected, pattern));
  const allSelected = (1 << selectedProbes.length) - 1;
  const allUnselected = (1 << unselected.length) - 1;

  // fewestExcludes[m]: fewest patterns matching no selected probe that together match every probe in m.
  const fewestExcludes = new Uint8Array(1 << unselected.length).fill(255);
  fewestExcludes[0] = 0;
  const safe = patterns.map((_, index) => index).filter((index) => hitsSelected[index] === 0).map((index) => hitsUnselected[index]);
  for (let covered = 0; covered <= allUnselected; covered++) {
    if (fewestExcludes[covered] === 255) continue;
    for (const mask of safe) {
      const next = covered | mask;
      if (fewestExcludes[covered] + 1 < fewestExcludes[next]) fewestExcludes[next] = fewestExcludes[covered] + 1;
    }
  }
  for (let bit = 1; bit <= allUnselected; bit <<= 1) {
    for (let mask = 0; mask <= allUnselected; mask++) {
      if ((mask & bit) === 0 && fewestExcludes[mask | bit] < fewestExcludes[mask]) fewestExcludes[mask] = fewestExcludes[mask | bit];
    }
  }

  // Every include set, with the probes it matches built up from the set without its lowest pattern.
  const sets = 1 << patterns.length;
  const matchedSelected = new Int32Array(sets);
  const matchedUnselected = new Int32Array(sets);
  const sizes = new Uint8Array(sets);
  let best = Infinity;
  for (let set = 0; set < sets; set++) {
    if (set > 0) {
      const lowest = 31 - Math.clz32(set & -set);
      const rest = set & (set - 1);
      matchedSelected[set] = matchedSelected[rest] | hitsSelected[lowest];
      matchedUnselected[set] = matchedUnselected[rest] | hitsUnselected[lowest];
      sizes[set] = sizes[rest] + 1;
    }
    // Without includes the importer takes every key it lists.
    const takesSelected = set === 0 ? allSelected : matchedSelected[set];
    const takesUnselected = set === 0 ? allUnselected : matchedUnselected[set];
    if (takesSelected !== allSelected) continue;
    const excludes = fewestExcludes[takesUnselected];
    if (excludes !== 255) best = Math.min(best, sizes[set] + excludes);
  }
  return best;
}
