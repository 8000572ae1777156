// Key layouts for the benchmarks, generated in S3 order (UTF-8 byte order), as a listing returns them.
// Keys come out as flat strings, like those parsed from a listing: a key built by concatenation is a
// rope that V8 flattens on first use, which would charge the code under test for the generator's work.

/** A deterministic size for the n-th file, 50–150 MB: realistic magnitudes without randomness. */
export function fileSize(index) {
  return 50_000_000 + ((index * 2_654_435_761) % 100_000_000);
}

const pad = (number, digits) => String(number).padStart(digits, '0');

/**
 * `count` keys of a dataset laid out like many on the Hub: `data/<split>/shard-<n>/part-<n>.parquet`,
 * `perFolder` files per shard folder, shard folders split 10% test, 80% train, 10% valid.
 * @returns {{ entries: Array<{ key: string, size: number }>, folders: string[] }} folders: every shard folder, in order
 */
export function datasetKeys(count, { perFolder = 1000 } = {}) {
  const folderCount = Math.ceil(count / perFolder);
  const test = Math.max(1, Math.round(folderCount * 0.1));
  const valid = Math.max(1, Math.round(folderCount * 0.1));
  const splits = [
    ['test', test],
    ['train', Math.max(0, folderCount - test - valid)],
    ['valid', valid],
  ];
  const entries = [];
  const folders = [];
  let shard = 0;
  for (const [split, shards] of splits) {
    for (let index = 0; index < shards && entries.length < count; index++, shard++) {
      const folder = `data/${split}/shard-${pad(shard, 5)}/`;
      folders.push(folder);
      for (let file = 0; file < perFolder && entries.length < count; file++) {
        entries.push({ key: `${folder}part-${pad(file, 4)}.parquet`, size: fileSize(entries.length) });
      }
    }
  }
  return { entries: flatCopy(entries), folders };
}

/** `classes × perClass` keys of an image dataset: `images/class-<n>/img-<n>.jpg`. */
export function imageKeys(classes, perClass) {
  const entries = [];
  for (let label = 0; label < classes; label++) {
    for (let image = 0; image < perClass; image++) {
      entries.push({ key: `images/class-${pad(label, 4)}/img-${pad(image, 5)}.jpg`, size: 100_000 + ((entries.length * 7919) % 400_000) });
    }
  }
  return flatCopy(entries);
}

/** The same entries with every key a flat string (JSON.parse creates them flat). */
function flatCopy(entries) {
  return JSON.parse(JSON.stringify(entries));
}
