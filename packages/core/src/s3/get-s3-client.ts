import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { loadS3Sdk } from './load-s3-sdk.js';
import type { S3Connection } from './s3-connection.js';

const clients = new WeakMap<S3Connection, Promise<S3Client>>();

const NO_AUTH = 'smithy.api#noAuth';

/** Makes the SDK send requests without an Authorization header, as public buckets expect. */
const unsignedRequests: Pick<S3ClientConfig, 'httpAuthSchemeProvider' | 'httpAuthSchemes'> = {
  httpAuthSchemeProvider: () => [{ schemeId: NO_AUTH }],
  httpAuthSchemes: [
    {
      schemeId: NO_AUTH,
      identityProvider: () => async () => ({}),
      signer: { sign: async (request) => request },
    },
  ],
};

function clientConfig(connection: S3Connection): S3ClientConfig {
  return {
    region: connection.region,
    endpoint: connection.endpoint,
    // S3-compatible servers rarely have wildcard DNS for virtual-hosted buckets.
    forcePathStyle: connection.forcePathStyle ?? connection.endpoint !== undefined,
    // The default flexible checksums send headers many S3-compatible servers reject.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Retries happen in sendS3Request, which resumes pagination and tells time-outs from aborts.
    maxAttempts: 1,
    // Browsers: never answer from the HTTP cache (a cached 301 would defeat the region retry
    // against the same URL, and listings must be fresh), and send no cookies. Node ignores these.
    requestHandler: { cache: 'no-store', credentials: 'omit' },
    ...(connection.anonymous ? unsignedRequests : { credentials: connection.credentials }),
  };
}

/**
 * The S3 client for a connection, created on first use (loading the SDK then) and cached per
 * connection object.
 */
export function getS3Client(connection: S3Connection): Promise<S3Client> {
  let client = clients.get(connection);
  if (!client) {
    client = loadS3Sdk().then(({ S3Client }) => new S3Client(clientConfig(connection)));
    client.catch(() => clients.delete(connection));
    clients.set(connection, client);
  }
  return client;
}
