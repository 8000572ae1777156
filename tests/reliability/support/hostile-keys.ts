// Random S3 buckets of keys built to break things, and the lazy tree sessions a user would play on
// them (open some folders, tick some rows), for the import fuzz tests.
import fc from 'fast-check';
import { SelectionTree, type S3FileEntry } from '@s3-to-hf/core';

/**
 * Pieces of key names: glob and shell syntax, quotes, HTML, whitespace Python strips, line breaks,
 * C1 controls, U+FFFD, bidi and zero-width marks, astral characters, and whole fragments that
 * would run a command or inject markup if anything ever evaluated them. Never NUL or other C0
 * controls than tab, LF and CR: S3 keys (RGW) refuse those.
 */
export const KEY_UNITS = [
  'a', 'b', 'c', '0', '.', ' ', '*', '?', '[', ']', '!', '-', '^', "'", '"', '`', '$', '(', ')', ';', '&', '|',
  '<', '>', '\\', '~', '#', '%', '+', '=', ',', '{', '}', '\t', '\n', '\r', '\u0085', '\u009b', '\u00a0', '\u2028',
  '\u200b', '\u200f', '\u202e', '\ufeff', '\ufffd', 'é', '日', '😀',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&amp;', '$(touch pwned)', '`touch pwned`', '; touch pwned', '--include=*', '-rf',
] as const;

const utf8 = new TextEncoder();
/** S3's longest key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

const name = fc.array(fc.constantFrom(...KEY_UNITS), { minLength: 1, maxLength: 3 }).map((units) => units.join(''));
/** Mostly short names so that keys collide and prefix each other; sometimes empty (`//`, a leading `/`). */
const segment = (emptyOneIn: number) => fc.oneof({ weight: emptyOneIn - 1, arbitrary: name }, { weight: 1, arbitrary: fc.constant('') });
const spaced = fc.oneof(name.map((text) => ` ${text}`), name.map((text) => `${text} `), name.map((text) => ` ${text} `));

/** A key of up to three folders; sometimes a name with spaces at an end, or padded to 1,024 bytes. */
const key = (emptyOneIn: number) => fc
  .tuple(fc.array(segment(emptyOneIn), { maxLength: 3 }), fc.oneof({ weight: 8, arbitrary: name }, { weight: 2, arbitrary: spaced }), fc.nat(9))
  .map(([folders, file, roll]) => {
    const text = [...folders, file].join('/');
    if (roll !== 0) return text;
    const room = MAX_KEY_BYTES - utf8.encode(text).length;
    return room > 0 ? `${text}${'L'.repeat(room)}` : text;
  })
  .filter((text) => utf8.encode(text).length <= MAX_KEY_BYTES);

/** Suffixes that turn a key into a neighbour: a longer name it prefixes, a folder of the same name, a folder marker. */
const TWINS = ['x', '/y', '/', ' ', '*', '[a]'] as const;

/**
 * The keys of a bucket: hostile keys, plus twins (keys that prefix other keys, a file and a folder
 * of the same name, folder markers ending with `/` next to real files). One folder name in
 * `emptyOneIn` (default 31) is empty, making `//` and keys that start with `/`.
 */
export function bucketKeysArbitrary({ maxKeys, emptyOneIn = 31 }: { maxKeys: number; emptyOneIn?: number }): fc.Arbitrary<string[]> {
  return fc
    .tuple(fc.uniqueArray(key(emptyOneIn), { minLength: 1, maxLength: maxKeys }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TWINS)), { maxLength: 5 }))
    .map(([keys, twins]) => {
      const all = new Set(keys);
      for (const [index, suffix] of twins) {
        const twin = keys[index % keys.length] + suffix;
        if (utf8.encode(twin).length <= MAX_KEY_BYTES) all.add(twin);
      }
      return [...all];
    });
}

/** One user action: open a folder among the known unlisted ones, or tick/untick a known row. */
export type SessionStep = { kind: 'list'; pick: number } | { kind: 'select'; pick: number; selected: boolean };

export const sessionStepsArbitrary: fc.Arbitrary<SessionStep[]> = fc.array(
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('list' as const), pick: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('select' as const), pick: fc.nat(), selected: fc.constant(true) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('select' as const), pick: fc.nat(), selected: fc.constant(false) }) },
  ),
  { minLength: 2, maxLength: 30 },
);

/** One level of `folder` as S3 lists it with delimiter `/`: the folder's own marker is not a file. */
export function listingOf(folder: string, entries: readonly S3FileEntry[]): { files: S3FileEntry[]; folders: string[] } {
  const files: S3FileEntry[] = [];
  const folders = new Set<string>();
  for (const entry of entries) {
    if (!entry.key.startsWith(folder) || entry.key === folder) continue;
    const slash = entry.key.indexOf('/', folder.length);
    if (slash === -1) files.push(entry);
    else folders.add(entry.key.slice(0, slash + 1));
  }
  return { files, folders: [...folders] };
}

/** The state of a lazily explored tree after a session; `list` may be a real S3 listing. */
export interface PlayedSession {
  tree: SelectionTree;
  /** Known folders never listed: the import covers their unseen keys too. */
  unlistedFolders: string[];
}

export async function playSession(
  steps: readonly SessionStep[],
  list: (folder: string) => Promise<{ files: S3FileEntry[]; folders: string[] }>,
): Promise<PlayedSession> {
  const tree = new SelectionTree();
  // '' is the whole bucket: ticking it selects everything, as "Select all" does.
  const known: string[] = [''];
  const unlisted: string[] = [''];
  const open = async (folder: string) => {
    const { files, folders } = await list(folder);
    tree.addListing(folder, files, folders);
    unlisted.splice(unlisted.indexOf(folder), 1);
    known.push(...files.map((file) => file.key), ...folders);
    unlisted.push(...folders);
  };
  await open('');
  for (const step of steps) {
    if (step.kind === 'list' && unlisted.length > 0) await open(unlisted[step.pick % unlisted.length]);
    else if (step.kind === 'select' && known.length > 0) tree.setSelected(known[step.pick % known.length], step.selected);
  }
  return { tree, unlistedFolders: unlisted };
}
