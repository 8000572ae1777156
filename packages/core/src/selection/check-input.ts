import { SelectionTreeError } from './selection-tree-error.js';
import type { FolderCount, S3FileEntry } from './selection-tree.js';

/** Rejects entries that cannot come from an S3 listing (empty key, negative or fractional size). */
export function checkFileEntry(entry: S3FileEntry): void {
  if (typeof entry.key !== 'string' || entry.key === '') {
    throw new SelectionTreeError(
      'invalid-entry',
      `Invalid listing entry ${JSON.stringify(entry)}: the key must be a non-empty string relative to the source prefix.`,
    );
  }
  if (!isByteCount(entry.size)) {
    throw new SelectionTreeError(
      'invalid-entry',
      `Invalid size ${String(entry.size)} for ${JSON.stringify(entry.key)}: pass the object's size in bytes (a non-negative integer).`,
    );
  }
}

/** Rejects counts that cannot be the result of counting a folder. */
export function checkFolderCount(folder: string, count: FolderCount): void {
  if (!isByteCount(count.files) || !isByteCount(count.bytes)) {
    throw new SelectionTreeError(
      'invalid-count',
      `Invalid count for ${JSON.stringify(folder)}: files and bytes must be non-negative integers, got ${JSON.stringify(count)}.`,
    );
  }
}

function isByteCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
