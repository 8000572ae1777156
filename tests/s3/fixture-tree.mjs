// The object tree of contract A, seeded identically into every test bucket. Plain ESM without
// Node built-ins so browser tests can import it too.

const encoder = new TextEncoder();

/** Number of files in `many/`, enough to force several listing pages at S3's 1,000-key limit. */
export const MANY_FILE_COUNT = 5000;

/** Depth of the `deep/` chain (`deep/l01/…/l30/leaf.txt`). */
export const DEEP_LEVELS = 30;

/** Levels of the `deep/` chain that also hold a sibling file next to the next level's folder. */
const DEEP_SIBLING_LEVELS = [1, 2, 10, 20, 30];

/**
 * Keys that break naive globbing, quoting, HTML escaping, URL encoding or prefix logic, one or
 * more per category of contract A. Sizes default to the key's UTF-8 length + 1.
 * @type {Array<{ name: string, size?: number }>}
 */
const HOSTILE_NAMES = [
  { name: 'with space/file one.txt' },
  { name: 'folder with trailing space /file.txt' },
  { name: 'ünïcödé/日本語.txt' },
  // The same visible name twice: NFC (precomposed é) and NFD (e + combining accent).
  { name: 'ünïcödé/caf\u00e9.txt' },
  { name: 'ünïcödé/cafe\u0301.txt' },
  { name: 'emoji 😀/🚀 launch.txt' },
  { name: '[bracket].txt' },
  { name: 'close]bracket.txt' },
  { name: 'star*.txt' },
  { name: 'star-plain.txt' }, // what the glob `star*.txt` would also match
  { name: 'question?.txt' },
  { name: 'questionX.txt' }, // what the glob `question?.txt` would also match
  { name: "it's.txt" },
  { name: 'say "hi".txt' },
  { name: '$(touch pwned).txt' },
  { name: '`touch pwned`.txt' },
  { name: '#hash.txt' },
  { name: '100%.txt' },
  { name: '%20literal.txt' },
  { name: 'a+b.txt' },
  { name: '-rf' },
  { name: '--include=x' },
  { name: 'trail ' },
  { name: ' lead' },
  { name: '<b>html</b>.txt' },
  { name: '&amp;.txt' },
  { name: 'back\\slash.txt' },
  { name: 'tab\there.txt' },
  { name: 'misc ~,;:@!=(){}|^.txt' },
  { name: 'empty.txt', size: 0 },
  { name: longName(1000) },
  { name: 'pre' },
  { name: 'pre.txt' },
  { name: 'prefix/inside.txt' },
  { name: '*/in-star-folder.txt' },
  { name: '[abc]/in-bracket-folder.txt' },
  { name: 'a/plain-a-folder.txt' }, // what the glob `[abc]` would also match
];

/**
 * @typedef {{ key: string, size: number, body: Uint8Array }} FixtureObject
 */

/**
 * Builds the seeded tree: every key with a small body derived from the key itself, so the same
 * call always yields the same bytes.
 * @returns {FixtureObject[]} sorted in S3 listing order (UTF-8 byte order)
 * @example
 * const objects = fixtureTree();
 * objects.find((o) => o.key === 'README.md').size; // > 0
 */
export function fixtureTree() {
  const entries = [
    { key: 'README.md', size: 512 },
    { key: 'data/meta.json', size: 96 },
    ...range(10).map((index) => ({ key: `data/train/part-${pad(index, 5)}.parquet`, size: 2048 + index * 512 })),
    ...range(3).map((index) => ({ key: `data/test/part-${pad(index, 5)}.parquet`, size: 1024 + index * 256 })),
    ...HOSTILE_NAMES.map(({ name, size }) => ({ key: `hostile/${name}`, size })),
    ...deepKeys().map((key) => ({ key })),
    ...range(MANY_FILE_COUNT).map((index) => ({ key: `many/file-${pad(index, 5)}.txt` })),
  ];
  return entries
    .map(({ key, size }) => {
      const body = fixtureBody(key, size ?? encoder.encode(key).length + 1);
      return { key, size: body.length, body };
    })
    .sort((a, b) => compareUtf8(a.key, b.key));
}

/**
 * Orders keys the way S3 lists them: by the bytes of their UTF-8 encoding.
 * @param {string} a
 * @param {string} b
 */
export function compareUtf8(a, b) {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    if (left[index] !== right[index]) return left[index] - right[index];
  }
  return left.length - right.length;
}

/** `size` bytes made of `<key>\n` repeated, so a body identifies its key. */
function fixtureBody(key, size) {
  const line = encoder.encode(`${key}\n`);
  const body = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += line.length) {
    body.set(line.subarray(0, Math.min(line.length, size - offset)), offset);
  }
  return body;
}

function deepKeys() {
  const keys = [];
  let folder = 'deep/';
  for (let level = 1; level <= DEEP_LEVELS; level++) {
    folder += `l${pad(level, 2)}/`;
    if (DEEP_SIBLING_LEVELS.includes(level)) keys.push(`${folder}sibling-${pad(level, 2)}.txt`);
  }
  keys.push(`${folder}leaf.txt`);
  return keys;
}

/** A file name of exactly `bytes` UTF-8 bytes (S3 keys may be up to 1,024 bytes in total). */
function longName(bytes) {
  const suffix = '.txt';
  return 'long-name-'.padEnd(bytes - suffix.length, 'x') + suffix;
}

function range(count) {
  return Array.from({ length: count }, (_, index) => index);
}

function pad(value, width) {
  return String(value).padStart(width, '0');
}
