import type { ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import type { S3Connection } from './s3-connection.js';
import { sendS3Request, type S3RequestOptions } from './send-s3-request.js';

/** Which page of which folder to ask for. */
export interface ListPageRequest {
  /** Full key prefix (source prefix included): '' or ending with '/'. */
  prefix: string;
  pageSize: number;
  /** From the previous page; absent for the first one. */
  continuationToken?: string;
  /** List every key under the prefix at any depth, instead of one level (no delimiter). */
  recursive?: boolean;
}

/**
 * One ListObjectsV2 page of one folder level (Delimiter '/'), or of the whole subtree when
 * `recursive`, with the retries and error handling of {@link sendS3Request}.
 */
export function listObjectsPage(
  connection: S3Connection,
  request: ListPageRequest,
  options: S3RequestOptions,
): Promise<ListObjectsV2CommandOutput> {
  return sendS3Request(
    connection,
    ({ client, sdk, abortSignal }) =>
      client.send(
        new sdk.ListObjectsV2Command({
          Bucket: connection.bucket,
          Prefix: request.prefix,
          Delimiter: request.recursive ? undefined : '/',
          MaxKeys: request.pageSize,
          ContinuationToken: request.continuationToken,
        }),
        { abortSignal },
      ),
    options,
    { folder: request.prefix.slice((connection.prefix ?? '').length) },
  );
}
