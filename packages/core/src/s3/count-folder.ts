import type { FolderCount } from '../selection/selection-tree.js';
import type { S3Connection } from './s3-connection.js';
import { PendingLists, type PendingList } from './pending-lists.js';
import { S3Error } from './s3-error.js';
import type { S3RequestOptions } from './send-s3-request.js';
import { tallyObjectsPage } from './tally-objects-page.js';
import type { ListingTally } from './tally-listing-xml.js';
import { validateConnection, validateListedFolder } from './validate-connection.js';
import { MAX_PAGE_SIZE, validateConcurrency, validatePageSize } from './validate-options.js';

/** Running totals of {@link countFolder}. */
export interface FolderCountProgress {
  files: number;
  bytes: number;
  /** List requests completed so far. */
  requests: number;
  /** List requests waiting to be made (sub-folders found but not listed yet, and next pages). */
  pending: number;
}

/** Options of {@link countFolder}. */
export interface CountFolderOptions extends S3RequestOptions {
  /** Most list requests in flight at once; default 8. */
  concurrency?: number;
  /** Called after every completed list request with the totals so far. */
  onProgress?: (progress: FolderCountProgress) => void;
  /** Keys per request, 1–1000 (the default). */
  pageSize?: number;
  /**
   * Most list requests (sub-folders, next pages) to keep waiting in memory. When the queue is
   * that full, pages get smaller so that answers cannot overflow it. Default: 10,000, or twice
   * what `concurrency` requests of `pageSize` can return if that is more.
   */
  maxPending?: number;
  /**
   * Read the whole subtree as one flat listing (no delimiter), page after page. Fewer requests
   * for deep, narrow trees, but no parallelism; off by default.
   */
  flat?: boolean;
}

const DEFAULT_CONCURRENCY = 8;
const MIN_DEFAULT_PENDING = 10_000;

/**
 * Counts the files and bytes under a folder, at every depth. Each sub-folder found by a
 * one-level listing becomes its own listing, run in parallel, never more than `concurrency` at
 * once, so wide trees are counted much faster than one flat listing would. Only totals and a
 * bounded queue of folders still to list are kept in memory, never the keys (see `maxPending`),
 * and each page is reduced to its totals by a light scan of the listing (see tallyObjectsPage):
 * the SDK's full deserialization would otherwise be what limits a parallel count. Folder marker
 * objects (keys ending with '/') are not counted, as {@link listFolder} does not list them.
 *
 * @param folder '' for the whole source prefix, otherwise a relative path ending with '/'.
 * @throws S3Error; the first failure cancels the requests still running. Aborting `signal`
 *   rejects with kind 'aborted'.
 * @example
 * const { files, bytes } = await countFolder(connection, 'data/', { onProgress: (p) => show(p.files) });
 */
export function countFolder(
  connection: S3Connection,
  folder: string,
  options: CountFolderOptions = {},
): Promise<FolderCount> {
  const { concurrency = DEFAULT_CONCURRENCY, onProgress, pageSize = MAX_PAGE_SIZE, flat = false, signal, maxPending, ...requestOptions } =
    options;
  let pending: PendingLists;
  try {
    validateConnection(connection);
    validateListedFolder(folder);
    validateConcurrency(concurrency);
    validatePageSize(pageSize);
    pending = new PendingLists(validateMaxPending(maxPending, concurrency, pageSize), pageSize);
  } catch (error) {
    return Promise.reject(error);
  }
  // Aborted on the first failure so the other requests stop too.
  const stopOthers = new AbortController();
  const requestSignal = signal ? AbortSignal.any([signal, stopOthers.signal]) : stopOthers.signal;
  const totals = { files: 0, bytes: 0, requests: 0 };
  pending.push({ prefix: (connection.prefix ?? '') + folder });
  const listOptions = { ...requestOptions, signal: requestSignal };
  let running = 0;

  const addPage = (page: PendingList, tally: ListingTally): void => {
    totals.files += tally.files;
    totals.bytes += tally.bytes;
    totals.requests++;
    // The next page goes under the sub-folders, which are listed first (depth first).
    if (tally.continuationToken) pending.push({ prefix: page.prefix, continuationToken: tally.continuationToken });
    for (const prefix of tally.prefixes) pending.push({ prefix });
  };

  return new Promise<FolderCount>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stopOthers.abort();
      reject(error);
    };
    const startPages = () => {
      while (!failed && running < concurrency) {
        const next = pending.take(running === 0);
        if (!next) break;
        running++;
        tallyObjectsPage(connection, { ...next.item, pageSize: next.pageSize, recursive: flat }, listOptions)
          .then((tally) => {
            running--;
            if (failed) return;
            addPage(next.item, tally);
            pending.release(next.pageSize);
            onProgress?.({ ...totals, pending: pending.size });
            if (running === 0 && pending.size === 0) resolve({ files: totals.files, bytes: totals.bytes });
            else startPages();
          })
          .catch(fail);
      }
    };
    startPages();
  });
}

function validateMaxPending(maxPending: number | undefined, concurrency: number, pageSize: number): number {
  if (maxPending === undefined) return Math.max(MIN_DEFAULT_PENDING, 2 * concurrency * (pageSize + 1));
  if (!Number.isInteger(maxPending) || maxPending < 1) {
    throw new S3Error('invalid-input', 'maxPending must be a whole number of at least 1.', { field: 'maxPending' });
  }
  return maxPending;
}
