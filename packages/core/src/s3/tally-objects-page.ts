import type { ListPageRequest } from './list-objects-page.js';
import type { S3Connection } from './s3-connection.js';
import { sendS3Request, type S3RequestOptions } from './send-s3-request.js';
import { tallyListingXml, type ListingTally } from './tally-listing-xml.js';

const utf8 = new TextDecoder();
// What the SDK gets to deserialize once the page has been tallied: an empty listing.
const EMPTY_LISTING = new TextEncoder().encode('<ListBucketResult></ListBucketResult>');

/**
 * One ListObjectsV2 page reduced to what a count needs (see {@link tallyListingXml}), through the
 * SDK as usual (signing, endpoints, errors, the retries of {@link sendS3Request}) but read by a
 * middleware just inside the SDK's deserializer: a successful body is tallied there and the SDK
 * is left an empty listing to parse. Error responses pass through untouched.
 */
export function tallyObjectsPage(connection: S3Connection, request: ListPageRequest, options: S3RequestOptions): Promise<ListingTally> {
  return sendS3Request(
    connection,
    async ({ client, sdk, abortSignal }) => {
      const command = new sdk.ListObjectsV2Command({
        Bucket: connection.bucket,
        Prefix: request.prefix,
        Delimiter: request.recursive ? undefined : '/',
        MaxKeys: request.pageSize,
        ContinuationToken: request.continuationToken,
        EncodingType: 'url',
      });
      let tally: ListingTally | undefined;
      command.middlewareStack.add(
        (next) => async (args) => {
          const result = await next(args);
          const response = result.response as { statusCode?: number; body?: unknown };
          if (response.statusCode === 200) {
            const body = await client.config.streamCollector(response.body);
            tally = tallyListingXml(utf8.decode(body));
            response.body = tally ? EMPTY_LISTING : body;
          }
          return result;
        },
        // Low priority in the deserialize step: inside the deserializer, next to the raw response.
        { step: 'deserialize', priority: 'low', name: 's3hfTallyListing' },
      );
      await client.send(command, { abortSignal });
      if (!tally) throw new Error('The server answered the listing with a body that is not a ListObjectsV2 result.');
      return tally;
    },
    options,
    { folder: request.prefix.slice((connection.prefix ?? '').length) },
  );
}
