import fc from 'fast-check';
import { parentFolderOf } from '../src/selection/folder-path.js';
import { SelectionTree, type S3FileEntry } from '../src/selection/selection-tree.js';

/**
 * Characters that break naive glob or shell handling: glob syntax, quotes, whitespace that Python
 * strips (space, tab, NBSP, U+0085, U+2028), line breaks, backslash, non-ASCII and an astral emoji.
 */
export const HOSTILE_CHARS = [
  'a', 'b', 'c', '.', ' ', '*', '?', '[', ']', '!', '-', '^', "'", '"', '$', '#', '%', '+', '\\',
  '\t', '\n', '\r', '\u00a0', '\u0085', '\u2028', 'é', '日', '😀', '\uFFFD',
];

const hostileName = (maxLength: number) =>
  fc.array(fc.constantFrom(...HOSTILE_CHARS), { minLength: 1, maxLength }).map((chars) => chars.join(''));

/** A folder or file name; mostly one or two characters so that names collide and prefix each other. */
const segment = (emptyWeight: number) =>
  fc.oneof(
    { weight: 300, arbitrary: hostileName(2) },
    { weight: 100, arbitrary: hostileName(6) },
    { weight: emptyWeight, arbitrary: fc.constant('') }, // empty segments: keys with `//` or a leading `/`
  );

/** Folder segments of a key; a leading empty one (a key starting with `/`) is kept rare. */
const folderSegments = (minLength: number, maxLength: number) =>
  fc
    .tuple(segment(1), fc.array(segment(5), { minLength: Math.max(0, minLength - 1), maxLength: maxLength - 1 }))
    .chain(([first, rest]) => fc.constantFrom([first, ...rest], rest));

/** A key made of up to four segments (never ending with `/`), sometimes a very deep one. */
const hostileKey = fc
  .oneof(
    { weight: 12, arbitrary: fc.tuple(folderSegments(0, 3), hostileName(3)) },
    { weight: 1, arbitrary: fc.tuple(folderSegments(40, 60), hostileName(2)) },
  )
  .map(([folders, name]) => [...folders, name].join('/'));

export interface UniverseOptions {
  maxKeys: number;
}

/**
 * Suffix pairs added to the same key: the first is literal text that an unescaped pattern would read
 * as glob syntax matching the second, or a name that prefixes the other.
 */
const TWIN_SUFFIXES: readonly (readonly [string, string])[] = [
  ['[a]', 'a'],
  ['[!b]', 'c'],
  ['*', 'zz'],
  ['?', 'q'],
  ['', '.txt'],
  ['', '/x'],
  [' ', '/*'],
  ['[', '[/x'],
];

/**
 * The complete set of keys of a bucket, relative to the source prefix. Some keys get twins (see
 * TWIN_SUFFIXES), so that keys prefix other keys, files share names with folders, and escaping
 * mistakes change what a pattern matches.
 */
export function universeArbitrary({ maxKeys }: UniverseOptions): fc.Arbitrary<S3FileEntry[]> {
  return fc
    .tuple(
      fc.array(hostileKey, { minLength: 1, maxLength: maxKeys }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TWIN_SUFFIXES)), { maxLength: 4 }),
    )
    .map(([keys, twins]) => {
      const extended = twins.flatMap(([index, suffixes]) => suffixes.map((suffix) => keys[index % keys.length] + suffix));
      return [...new Set([...keys, ...extended])].slice(0, maxKeys);
    })
    .chain((keys) => fc.tuple(fc.constant(keys), fc.array(fc.nat(5000), { minLength: keys.length, maxLength: keys.length })))
    .map(([keys, sizes]) => keys.map((key, index) => ({ key, size: sizes[index] })));
}

/** One user action of a lazy session; `pick` chooses among the candidates at that moment. */
export type SessionStep =
  | { kind: 'list'; pick: number }
  | { kind: 'select'; pick: number; selected: boolean };

/** Sessions that mostly tick rows, so that most selections are non-empty and mixed. */
export const sessionStepsArbitrary: fc.Arbitrary<SessionStep[]> = fc.array(
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('list' as const), pick: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('select' as const), pick: fc.nat(), selected: fc.constant(true) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('select' as const), pick: fc.nat(), selected: fc.constant(false) }) },
  ),
  { minLength: 2, maxLength: 40 },
);

/** The one-level listing of `folder` as S3 would return it (delimiter `/`). */
export function listingOf(folder: string, universe: readonly S3FileEntry[]): { files: S3FileEntry[]; folders: string[] } {
  const files: S3FileEntry[] = [];
  const folders = new Set<string>();
  for (const entry of universe) {
    if (!entry.key.startsWith(folder)) continue;
    const slash = entry.key.indexOf('/', folder.length);
    if (slash === -1) files.push(entry);
    else folders.add(entry.key.slice(0, slash + 1));
  }
  return { files, folders: [...folders] };
}

/** A tree built the way the UI builds it: the root listed, then folders opened and rows ticked. */
export interface LazySession {
  tree: SelectionTree;
  universe: S3FileEntry[];
  /** The actions that built `tree` (shown in counterexamples, since the tree's state is private). */
  steps: readonly SessionStep[];
  /** Known folders that were never listed. */
  unlistedFolders: string[];
}

export function playSession(universe: S3FileEntry[], steps: readonly SessionStep[]): LazySession {
  const tree = new SelectionTree();
  const known: string[] = [''];
  const unlisted: string[] = [''];
  const open = (folder: string): void => {
    const { files, folders } = listingOf(folder, universe);
    tree.addListing(folder, files, folders);
    unlisted.splice(unlisted.indexOf(folder), 1);
    known.push(...files.map((file) => file.key), ...folders);
    unlisted.push(...folders);
  };
  open('');
  for (const step of steps) {
    if (step.kind === 'list' && unlisted.length > 0) open(unlisted[step.pick % unlisted.length]);
    else if (step.kind === 'select') tree.setSelected(known[step.pick % known.length], step.selected);
  }
  return { tree, universe, steps, unlistedFolders: unlisted };
}

export const lazySessionArbitrary = (options: UniverseOptions): fc.Arbitrary<LazySession> =>
  fc.tuple(universeArbitrary(options), sessionStepsArbitrary).map(([universe, steps]) => playSession(universe, steps));

/**
 * Whether a key of the bucket is selected according to the tree's own states: listed files by their
 * tick, keys below a never-listed folder by that folder's tick.
 */
export function isSelectedInTree(tree: SelectionTree, key: string): boolean {
  if (tree.has(key)) return tree.state(key) === 'checked';
  let folder = parentFolderOf(key);
  while (!tree.isFolder(folder)) folder = parentFolderOf(folder);
  if (tree.isListed(folder)) throw new Error(`${JSON.stringify(key)} is missing from the listed folder ${JSON.stringify(folder)}`);
  return tree.state(folder) === 'checked';
}

/** Keys that exist in no listing but would live below never-listed folders (unknown to the tree). */
export function syntheticKeysBelow(unlistedFolders: readonly string[], universe: readonly S3FileEntry[]): string[] {
  const existing = new Set(universe.map((entry) => entry.key));
  const synthetic = unlistedFolders.flatMap((folder) => [`${folder}zz`, `${folder}*/[?]/deep`, `${folder}/lead`, `${folder} `]);
  return synthetic.filter((key) => !existing.has(key));
}
