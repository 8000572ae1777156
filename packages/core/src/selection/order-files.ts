import { compareCodePoints } from './compare-code-points.js';
import { SelectionTreeError } from './selection-tree-error.js';

/** Files of one folder as parallel arrays, in S3 order. */
export interface OrderedFiles {
  keys: string[];
  sizes: number[];
}

/**
 * Sorts one folder's files into S3 order (UTF-8 byte order) and rejects duplicate keys, which an S3
 * listing never contains and which would otherwise be counted twice.
 * @param folder the folder's path: the prefix all keys share, skipped when comparing.
 */
export function orderFiles(folder: string, keys: readonly string[], sizes: readonly number[]): OrderedFiles {
  const order = keys.map((_, index) => index).sort((a, b) => compareCodePoints(keys[a], keys[b], folder.length));
  const ordered: OrderedFiles = { keys: order.map((index) => keys[index]), sizes: order.map((index) => sizes[index]) };
  for (let index = 1; index < ordered.keys.length; index++) {
    if (ordered.keys[index] === ordered.keys[index - 1]) throw duplicateKeyError(ordered.keys[index]);
  }
  return ordered;
}

/** The error for a key listed twice. */
export function duplicateKeyError(key: string): SelectionTreeError {
  return new SelectionTreeError(
    'duplicate-key',
    `The key ${JSON.stringify(key)} is listed twice; pass each S3 object once.`,
  );
}
