import type { S3FileEntry } from '../selection/selection-tree.js';
import type { S3Connection } from './s3-connection.js';
import { listObjectsPage } from './list-objects-page.js';
import type { S3RequestOptions } from './send-s3-request.js';
import { validateConnection, validateListedFolder } from './validate-connection.js';
import { MAX_PAGE_SIZE, validatePageSize } from './validate-options.js';

/** One level of a folder: its files and its sub-folders (ending with '/'), relative to the source prefix. */
export interface FolderListing {
  files: S3FileEntry[];
  folders: string[];
}

/** Progress of {@link listFolder}: what one page added, and how many pages so far. */
export interface FolderListingPage extends FolderListing {
  pages: number;
}

/** Options of {@link listFolder}. */
export interface ListFolderOptions extends S3RequestOptions {
  /** Called after each page with that page's entries. */
  onPage?: (page: FolderListingPage) => void;
  /** Keys per request, 1–1000 (S3's maximum, the default). */
  pageSize?: number;
}

/**
 * Lists one level of a folder: every page, with file sizes. Keys and folders come back relative
 * to `connection.prefix`; the folder's own marker object (the key equal to the folder) is left
 * out. A page that fails with a passing error (503, 500, dropped connection) is asked again with
 * the same continuation token, so nothing restarts and nothing is listed twice.
 *
 * @param folder '' for the top of the source prefix, otherwise a relative path ending with '/'.
 * @throws S3Error
 * @example
 * const { files, folders } = await listFolder(connection, 'data/', { onPage: ({ pages }) => show(pages) });
 */
export async function listFolder(
  connection: S3Connection,
  folder: string,
  options: ListFolderOptions = {},
): Promise<FolderListing> {
  const { onPage, pageSize = MAX_PAGE_SIZE, ...requestOptions } = options;
  validateConnection(connection);
  validateListedFolder(folder);
  validatePageSize(pageSize);
  const sourcePrefix = connection.prefix ?? '';
  const prefix = sourcePrefix + folder;
  const listing: FolderListing = { files: [], folders: [] };
  let continuationToken: string | undefined;
  let pages = 0;

  do {
    const response = await listObjectsPage(connection, { prefix, pageSize, continuationToken }, requestOptions);
    pages++;
    const page: FolderListingPage = { files: [], folders: [], pages };
    for (const object of response.Contents ?? []) {
      if (object.Key === undefined || object.Key === prefix) continue;
      page.files.push({ key: object.Key.slice(sourcePrefix.length), size: object.Size ?? 0 });
    }
    for (const common of response.CommonPrefixes ?? []) {
      if (common.Prefix !== undefined) page.folders.push(common.Prefix.slice(sourcePrefix.length));
    }
    listing.files.push(...page.files);
    listing.folders.push(...page.folders);
    onPage?.(page);
    continuationToken = response.IsTruncated ? response.NextContinuationToken : undefined;
  } while (continuationToken);

  return listing;
}
