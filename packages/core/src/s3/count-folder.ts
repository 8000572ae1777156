import type { ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import type { FolderCount } from '../selection/selection-tree.js';
import type { S3Connection } from './s3-connection.js';
import { listObjectsPage, type ListPageRequest } from './list-objects-page.js';
import type { S3RequestOptions } from './send-s3-request.js';
import { validateConnection, validateFolderPath } from './validate-connection.js';
import { MAX_PAGE_SIZE, validateConcurrency, validatePageSize } from './validate-options.js';

/** Running totals of {@link countFolder}. */
export interface FolderCountProgress {
  files: number;
  bytes: number;
  /** List requests completed so far. */
  requests: number;
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
   * Read the whole subtree as one flat listing (no delimiter), page after page. Fewer requests
   * for deep, narrow trees, but no parallelism; off by default.
   */
  flat?: boolean;
}

/** A list request still to make: a folder, and where to continue in it. */
type PendingList = Pick<ListPageRequest, 'prefix' | 'continuationToken'>;

const DEFAULT_CONCURRENCY = 8;

/**
 * Counts the files and bytes under a folder, at every depth. Each sub-folder found by a
 * one-level listing becomes its own listing, run in parallel, never more than `concurrency` at
 * once, so wide trees are counted much faster than one flat listing would. Only totals and the
 * folders still to list are kept in memory, never the keys. Folder marker objects (keys ending
 * with '/') are not counted, as {@link listFolder} does not list them.
 *
 * @param folder '' for the whole source prefix, otherwise a relative path ending with '/'.
 * @throws S3Error; the first failure cancels the requests still running.
 * @example
 * const { files, bytes } = await countFolder(connection, 'data/', { onProgress: (p) => show(p.files) });
 */
export function countFolder(
  connection: S3Connection,
  folder: string,
  options: CountFolderOptions = {},
): Promise<FolderCount> {
  const { concurrency = DEFAULT_CONCURRENCY, onProgress, pageSize = MAX_PAGE_SIZE, flat = false, signal, ...requestOptions } =
    options;
  try {
    validateConnection(connection);
    validateFolderPath(folder, 'folder');
    validateConcurrency(concurrency);
    validatePageSize(pageSize);
  } catch (error) {
    return Promise.reject(error);
  }
  // Aborted on the first failure so the other requests stop too.
  const stopOthers = new AbortController();
  const requestSignal = signal ? AbortSignal.any([signal, stopOthers.signal]) : stopOthers.signal;
  const totals: FolderCountProgress = { files: 0, bytes: 0, requests: 0 };
  // Taken from the end: depth first keeps this list short in deep trees.
  const pending: PendingList[] = [{ prefix: (connection.prefix ?? '') + folder }];
  const listOptions = { ...requestOptions, signal: requestSignal };
  let running = 0;

  const addPage = (page: PendingList, response: ListObjectsV2CommandOutput): void => {
    for (const object of response.Contents ?? []) {
      // Folder markers; one level at a time, the only key ending with '/' is the folder's own.
      if (object.Key?.endsWith('/')) continue;
      totals.files++;
      totals.bytes += object.Size ?? 0;
    }
    totals.requests++;
    if (response.IsTruncated && response.NextContinuationToken) {
      pending.push({ prefix: page.prefix, continuationToken: response.NextContinuationToken });
    }
    for (const common of response.CommonPrefixes ?? []) {
      if (common.Prefix !== undefined) pending.push({ prefix: common.Prefix });
    }
    onProgress?.({ ...totals });
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
      while (!failed && running < concurrency && pending.length > 0) {
        const page = pending.pop() as PendingList;
        running++;
        listObjectsPage(connection, { ...page, pageSize, recursive: flat }, listOptions)
          .then((response) => {
            running--;
            if (failed) return;
            addPage(page, response);
            if (running === 0 && pending.length === 0) resolve({ files: totals.files, bytes: totals.bytes });
            else startPages();
          })
          .catch(fail);
      }
    };
    startPages();
  });
}
